import { shorten, visibleSegments } from './visible-text';

export interface ValueTextProps {
  value: string;
  /** Longest run of UTF-16 code units to render; the rest is counted, never rendered. */
  max: number;
  testId?: string;
  class?: string;
}

/**
 * Attacker-controlled text (a value, a name, a claim) rendered as text nodes only. Hidden characters are
 * replaced by visible stand-ins and long values are cut with a count of what was left out.
 */
export function ValueText({ value, max, testId, class: cls }: ValueTextProps) {
  const { text, omitted } = shorten(value, max);
  const segments = visibleSegments(text);
  return (
    <span
      class={`value${value === '' ? ' empty' : ''}${cls ? ' ' + cls : ''}`}
      data-testid={testId}
      data-omitted={omitted > 0 ? String(omitted) : undefined}
    >
      {segments.map((s, i) =>
        typeof s === 'string' ? (
          s
        ) : (
          <abbr key={i} class="hidden-char" title={s.code}>
            {s.shown}
          </abbr>
        ),
      )}
      {omitted > 0 && <span class="omitted">{`… +${omitted.toLocaleString('en')} more`}</span>}
    </span>
  );
}
