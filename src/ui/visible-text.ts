/**
 * A cookie value is attacker-controlled and may hold control characters, bidi overrides or invisible
 * characters that would hide or reorder what the user reads. These helpers make every such character visible
 * and cut long values, without ever producing HTML: the output is text segments for Preact to render.
 */

export interface HiddenChar {
  /** What to show in place of the character, e.g. "␀" or "U+202E". */
  shown: string;
  /** Its code point, for the tooltip. */
  code: string;
}

export type TextSegment = string | HiddenChar;

function hex(n: number): string {
  return 'U+' + n.toString(16).toUpperCase().padStart(4, '0');
}

/** The replacement for an invisible or layout-changing UTF-16 code unit, or undefined when it is safe to show. */
function hiddenAt(s: string, i: number, keepNewlines = false): HiddenChar | undefined {
  const c = s.charCodeAt(i);
  if (keepNewlines && c === 0x0a) return undefined;
  // C0 controls map onto the Control Pictures block (U+2400 + c); DEL has its own picture.
  if (c < 0x20) return { shown: String.fromCharCode(0x2400 + c), code: hex(c) };
  if (c === 0x7f) return { shown: '\u2421', code: hex(c) };
  if (c < 0x80) return undefined;
  if (
    (c >= 0x80 && c <= 0x9f) || // C1 controls
    c === 0xad || // soft hyphen
    (c >= 0x200b && c <= 0x200f) || // zero-width characters and direction marks
    (c >= 0x2028 && c <= 0x202e) || // line/paragraph separators, bidi embeddings and overrides
    (c >= 0x2060 && c <= 0x2069) || // word joiner, invisible operators, bidi isolates
    c === 0xfeff ||
    (c >= 0xfff9 && c <= 0xfffb)
  ) {
    return { shown: hex(c), code: hex(c) };
  }
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = s.charCodeAt(i + 1);
    return next >= 0xdc00 && next <= 0xdfff ? undefined : { shown: hex(c), code: 'lone surrogate ' + hex(c) };
  }
  if (c >= 0xdc00 && c <= 0xdfff) {
    const prev = s.charCodeAt(i - 1);
    return prev >= 0xd800 && prev <= 0xdbff ? undefined : { shown: hex(c), code: 'lone surrogate ' + hex(c) };
  }
  return undefined;
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
    out.push(h);
    start = i + 1;
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
