/** Fill colour by how much is left: calm above 50%, warning down to 20% (the alert threshold), danger below. */
const fillColour = (fraction: number) => {
  if (fraction > 0.5) return 'var(--bui-positive-bg)';
  if (fraction > 0.2) return 'var(--bui-warning-bg)';
  return 'var(--bui-negative-bg)';
};

/** A horizontal meter of a fraction from 0 to 1, announced to assistive technology as a meter. */
export const MeterBar = (props: { fraction: number; label: string }) => {
  const fraction = Math.min(1, Math.max(0, props.fraction));
  const percent = Math.round(fraction * 100);
  return (
    <div
      role="meter"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent}%`}
      style={{
        height: 10,
        width: '100%',
        borderRadius: 5,
        background: 'var(--bui-bg-neutral-2)',
        overflow: 'hidden',
      }}
    >
      <div
        style={{
          height: '100%',
          width: `${fraction * 100}%`,
          background: fillColour(fraction),
          borderRadius: 5,
          transition: 'width 400ms ease',
        }}
      />
    </div>
  );
};
