/** Fill colour by how much is left: calm above 50%, warning down to 20% (the alert threshold), danger below. */
const fillColour = (fraction: number) => {
  if (fraction > 0.5) return 'var(--bui-positive-bg)';
  if (fraction > 0.2) return 'var(--bui-warning-bg)';
  return 'var(--bui-negative-bg)';
};

/** One coloured part of a meter: a fraction of the whole, 0 to 1. */
export interface MeterSegment {
  fraction: number;
  colour: string;
}

const clamp = (fraction: number) => Math.min(1, Math.max(0, fraction));

/**
 * A horizontal meter of one or more parts side by side (e.g. used, then lent), announced to assistive technology as
 * a meter of their sum.
 */
export const Meter = (props: { segments: MeterSegment[]; label: string }) => {
  const percent = Math.round(
    clamp(props.segments.reduce((sum, s) => sum + s.fraction, 0)) * 100,
  );
  return (
    <div
      role="meter"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent}%`}
      style={{
        display: 'flex',
        height: 10,
        width: '100%',
        borderRadius: 5,
        background: 'var(--bui-bg-neutral-2)',
        overflow: 'hidden',
      }}
    >
      {props.segments.map((segment, index) => (
        <div
          key={index}
          style={{
            height: '100%',
            width: `${clamp(segment.fraction) * 100}%`,
            background: segment.colour,
            borderRadius: props.segments.length === 1 ? 5 : 0,
            transition: 'width 400ms ease',
          }}
        />
      ))}
    </div>
  );
};

/** A horizontal meter of a fraction from 0 to 1 that is left, coloured by how much is left. */
export const MeterBar = (props: { fraction: number; label: string }) => (
  <Meter
    label={props.label}
    segments={[
      { fraction: props.fraction, colour: fillColour(clamp(props.fraction)) },
    ]}
  />
);
