/**
 * RFC 6265 lets a cookie value be wrapped in double quotes, and the browser keeps the quotes. Python's
 * http.cookies (Django, older Werkzeug) quotes values it deems unsafe and escapes inside them with
 * backslashes, commas and semicolons as octal (`\054`, `\073`). Returns the value the server meant, or
 * `null` when the value is not quoted.
 */
export function unquoteCookieValue(value: string): string | null {
  if (value.length < 2 || !value.startsWith('"') || !value.endsWith('"')) return null;
  return value
    .slice(1, -1)
    .replace(/\\(?:([0-3][0-7]{2})|(.))/gs, (_m, octal: string | undefined, ch: string | undefined) =>
      octal !== undefined ? String.fromCharCode(parseInt(octal, 8)) : (ch ?? ''),
    );
}
