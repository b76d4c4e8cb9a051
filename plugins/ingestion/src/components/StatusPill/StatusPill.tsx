import { ReactNode } from 'react';

/** The colour family of a status: calm, informative, good, worth a look, bad. */
export type StatusTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

const TONE_COLOURS: Record<StatusTone, { background: string; colour: string }> =
  {
    neutral: {
      background: 'var(--bui-bg-neutral-2)',
      colour: 'var(--bui-fg-secondary)',
    },
    info: {
      background: 'var(--bui-announcement-bg-subdued)',
      colour: 'var(--bui-announcement-fg-subdued)',
    },
    success: {
      background: 'var(--bui-positive-bg-subdued)',
      colour: 'var(--bui-positive-fg-subdued)',
    },
    warning: {
      background: 'var(--bui-warning-bg-subdued)',
      colour: 'var(--bui-warning-fg-subdued)',
    },
    danger: {
      background: 'var(--bui-negative-bg-subdued)',
      colour: 'var(--bui-negative-fg-subdued)',
    },
  };

/**
 * A short status in a coloured pill with a leading dot, e.g. "● Running". `pulse` animates the dot, for states
 * that are under way.
 */
export const StatusPill = (props: {
  tone: StatusTone;
  children: ReactNode;
  pulse?: boolean;
  title?: string;
}) => {
  const { background, colour } = TONE_COLOURS[props.tone];
  return (
    <span
      data-tone={props.tone}
      title={props.title}
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 6,
        padding: '2px 8px',
        borderRadius: 999,
        background,
        color: colour,
        fontSize: 12,
        fontWeight: 600,
        lineHeight: '18px',
        whiteSpace: 'nowrap',
      }}
    >
      <span
        aria-hidden
        style={{
          width: 6,
          height: 6,
          borderRadius: '50%',
          background: 'currentColor',
          flexShrink: 0,
          animation: props.pulse ? 'var(--bui-animate-pulse)' : undefined,
        }}
      />
      {props.children}
    </span>
  );
};
