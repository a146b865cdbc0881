import type { ComponentChildren } from 'preact';

export interface OutcomeLineProps {
  testId: string;
  /** The state, for tests (`data-outcome`). */
  outcome: string;
  /** The colour (components.css): `saved` and `copied` green, `failed` red; the outcome's own by default. */
  tone?: string;
  /** More `data-*` attributes, for tests. */
  data?: Record<string, string | number>;
  children: ComponentChildren;
}

/** How an export, an import or a snapshot action ended (or that it is under way), announced to screen readers. */
export function OutcomeLine({ testId, outcome, tone = outcome, data, children }: OutcomeLineProps) {
  return (
    <p class={`export-outcome ${tone}`} role="status" data-testid={testId} data-outcome={outcome} {...data}>
      {children}
    </p>
  );
}
