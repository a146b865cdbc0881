import type { ComponentChild } from 'preact';
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

/** What ValueText puts in its element, for a caller that draws them in an element of its own (a table cell). */
export interface ValueParts {
  /** `value`, plus `empty` for an empty string (CSS shows a word for it). */
  class: string;
  /** Code units left out, as `data-omitted`; undefined when nothing was. */
  omitted: string | undefined;
  children: ComponentChild[];
}

export function valueParts(value: string, max: number, multiline = false): ValueParts {
  const { text, omitted } = shorten(value, max);
  const segments = visibleSegments(text, multiline);
  return {
    class: value === '' ? 'value empty' : 'value',
    omitted: omitted > 0 ? String(omitted) : undefined,
    // An array, not a fragment: the element that takes it has the same children as if they were written in it.
    children: [
      segments.length === 1 && typeof segments[0] === 'string'
        ? segments[0]
        : segments.map((s, i) =>
            typeof s === 'string' ? (
              s
            ) : (
              <abbr key={i} class="hidden-char" title={s.code}>
                {s.shown}
              </abbr>
            ),
          ),
      omitted > 0 && <span class="omitted">{omittedLabel(omitted)}</span>,
    ],
  };
}

/**
 * Attacker-controlled text (a value, a name, a claim) rendered as text nodes only. Hidden characters are
 * replaced by visible stand-ins and long values are cut with a count of what was left out.
 *
 * Hook-free on purpose: CookieRow calls it as a plain function (one fewer component instance per row).
 */
export function ValueText({ value, max, testId, class: cls, multiline = false }: ValueTextProps) {
  const parts = valueParts(value, max, multiline);
  return (
    <span class={cls ? `${parts.class} ${cls}` : parts.class} data-testid={testId} data-omitted={parts.omitted}>
      {parts.children}
    </span>
  );
}
