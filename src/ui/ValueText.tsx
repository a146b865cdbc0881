import { omittedLabel, shorten, visibleSegments } from './visible-text';

export interface ValueTextProps {
  value: string;
  /** Longest run of UTF-16 code units to render; the rest is counted, never rendered. */
  max: number;
  testId?: string;
  class?: string;
  /** Keep line feeds as line breaks: for our own pretty-printed JSON only (see visibleSegments). */
  multiline?: boolean;
}

/**
 * Attacker-controlled text (a value, a name, a claim) rendered as text nodes only. Hidden characters are
 * replaced by visible stand-ins and long values are cut with a count of what was left out.
 *
 * Hook-free on purpose: CookieRow calls it as a plain function (one fewer component instance per row).
 */
export function ValueText({ value, max, testId, class: cls, multiline = false }: ValueTextProps) {
  const { text, omitted } = shorten(value, max);
  const segments = visibleSegments(text, multiline);
  return (
    <span
      class={`value${value === '' ? ' empty' : ''}${cls ? ' ' + cls : ''}`}
      data-testid={testId}
      data-omitted={omitted > 0 ? String(omitted) : undefined}
    >
      {segments.length === 1 && typeof segments[0] === 'string'
        ? segments[0]
        : segments.map((s, i) =>
            typeof s === 'string' ? (
              s
            ) : (
              <abbr key={i} class="hidden-char" title={s.code}>
                {s.shown}
              </abbr>
            ),
          )}
      {omitted > 0 && <span class="omitted">{omittedLabel(omitted)}</span>}
    </span>
  );
}
