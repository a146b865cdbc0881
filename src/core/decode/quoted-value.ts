import { codeUnitsToString } from './bytes';

/** The digit's value when `s[i]` is a digit from `0` to `max`, else -1. */
function digitAt(s: string, i: number, max: number): number {
  const d = s.charCodeAt(i) - 0x30;
  return d >= 0 && d <= max ? d : -1;
}

/**
 * RFC 6265 lets a cookie value be wrapped in double quotes, and the browser keeps the quotes. Python's
 * http.cookies (Django, older Werkzeug) quotes values it deems unsafe and escapes inside them with
 * backslashes, commas and semicolons as octal (`\054`, `\073`). Returns the value the server meant, or
 * `null` when the value is not quoted.
 */
export function unquoteCookieValue(value: string): string | null {
  if (value.length < 2 || !value.startsWith('"') || !value.endsWith('"')) return null;
  const inner = value.slice(1, -1);
  if (!inner.includes('\\')) return inner;
  // One pass into a buffer of code units, the same cost per character however many escapes there are (a regex
  // replace would make a callback and a match object per escape).
  const out = new Uint16Array(inner.length);
  let n = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner.charCodeAt(i);
    // A lone backslash at the very end stays as it is.
    if (c !== 0x5c || i + 1 === inner.length) {
      out[n++] = c;
      continue;
    }
    const a = digitAt(inner, i + 1, 3);
    const b = a < 0 ? -1 : digitAt(inner, i + 2, 7);
    const d = b < 0 ? -1 : digitAt(inner, i + 3, 7);
    if (d >= 0) {
      out[n++] = a * 64 + b * 8 + d;
      i += 3;
    } else {
      // Any other escaped character stands for itself.
      out[n++] = inner.charCodeAt(i + 1);
      i += 1;
    }
  }
  return codeUnitsToString(out.subarray(0, n));
}
