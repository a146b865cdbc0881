/**
 * A cookie value is attacker-controlled and may hold control characters, bidi overrides or invisible
 * characters that would hide or reorder what the user reads. These helpers make every such character visible
 * and cut long values, without ever producing HTML: the output is text segments for Preact to render.
 */

import { codePointLabel } from '../core/code-point';

export interface HiddenChar {
  /** What to show in place of the character, e.g. "␀" or "U+202E". */
  shown: string;
  /** Its code point, for the tooltip. */
  code: string;
}

export type TextSegment = string | HiddenChar;

/**
 * Characters that draw nothing or reorder the text around them, by Unicode property rather than a hand list, so
 * every one is covered: Default_Ignorable_Code_Point (zero-width characters, joiners, variation selectors, tag
 * characters, fillers), Bidi_Control (embeddings, overrides, isolates, marks), plus C1 controls, the line and
 * paragraph separators and the interlinear annotation characters. Sticky, to test in place without a substring.
 */
const HIDDEN = /\p{Default_Ignorable_Code_Point}|\p{Bidi_Control}|[\u0080-\u009f\u2028\u2029\ufff9-\ufffb]/uy;

interface Hidden extends HiddenChar {
  /** UTF-16 code units the character takes (2 for one beyond the BMP). */
  width: number;
}

/** The replacement for an invisible or layout-changing character at `i`, or undefined when it is safe to show. */
function hiddenAt(s: string, i: number, keepNewlines = false): Hidden | undefined {
  const c = s.charCodeAt(i);
  if (keepNewlines && c === 0x0a) return undefined;
  // C0 controls map onto the Control Pictures block (U+2400 + c); DEL has its own picture.
  if (c < 0x20) return { shown: String.fromCharCode(0x2400 + c), code: codePointLabel(c), width: 1 };
  if (c === 0x7f) return { shown: '\u2421', code: codePointLabel(c), width: 1 };
  if (c < 0x80) return undefined;
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = s.charCodeAt(i + 1);
    if (!(next >= 0xdc00 && next <= 0xdfff))
      return { shown: codePointLabel(c), code: 'lone surrogate ' + codePointLabel(c), width: 1 };
  } else if (c >= 0xdc00 && c <= 0xdfff) {
    // The low half of a pair was handled with its high half; one on its own is shown.
    const prev = s.charCodeAt(i - 1);
    return prev >= 0xd800 && prev <= 0xdbff
      ? undefined
      : { shown: codePointLabel(c), code: 'lone surrogate ' + codePointLabel(c), width: 1 };
  }
  HIDDEN.lastIndex = i;
  if (!HIDDEN.test(s)) return undefined;
  const cp = s.codePointAt(i)!;
  return { shown: codePointLabel(cp), code: codePointLabel(cp), width: cp > 0xffff ? 2 : 1 };
}

/**
 * Splits `s` into plain runs and visible stand-ins for hidden characters. `keepNewlines` leaves line feeds as they
 * are: only for text whose line breaks are ours (pretty-printed JSON, where a line feed inside a string value is
 * already escaped as `\n`).
 */
export function visibleSegments(s: string, keepNewlines = false): TextSegment[] {
  const out: TextSegment[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const h = hiddenAt(s, i, keepNewlines);
    if (!h) continue;
    if (i > start) out.push(s.slice(start, i));
    out.push({ shown: h.shown, code: h.code });
    start = i + h.width;
    i = start - 1;
  }
  if (start < s.length) out.push(start === 0 ? s : s.slice(start));
  return out;
}

export interface Shortened {
  text: string;
  /** UTF-16 code units left out (0 when the whole string is kept). */
  omitted: number;
}

/** The first `max` code units of `s`, never splitting a surrogate pair. */
export function shorten(s: string, max: number): Shortened {
  if (s.length <= max) return { text: s, omitted: 0 };
  let end = Math.max(0, max);
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return { text: s.slice(0, end), omitted: s.length - end };
}

/** "12,345": a fixed format, without the cost of a locale-aware formatter per row. */
function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** What a cut value says in place of the code units left out: "… +12,345 more". */
export function omittedLabel(omitted: number): string {
  return `… +${groupThousands(omitted)} more`;
}
