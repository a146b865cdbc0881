/** `text` as a URL, or null when it does not parse: for the callers that answer a bad URL their own way. */
export function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
