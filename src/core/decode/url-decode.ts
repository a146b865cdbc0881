/** Percent-decoding that returns `null` (not an exception) for malformed escapes. */
export function urlDecode(value: string): string | null {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** Whether the value holds at least one well-formed percent escape. */
export function hasPercentEscape(value: string): boolean {
  return /%[0-9A-Fa-f]{2}/.test(value);
}
