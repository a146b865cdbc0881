/**
 * Page-controlled text (cookie names, storage keys, details) made safe for a terminal: control characters,
 * escape sequences among them, become `?`, and the length is bounded.
 */
export function terminalText(text: string, max = 80): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '?');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
