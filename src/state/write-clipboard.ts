/**
 * Puts text on the clipboard. A page (DOM) API, not an extension one, so it sits with downloadText rather than
 * in src/platform, which components may not import; component tests pass a fake instead. Rejects where the page
 * has no clipboard (an insecure context, or a test environment without one).
 */
export function writeClipboard(text: string): Promise<void> {
  if (typeof navigator === 'undefined' || !navigator.clipboard) {
    return Promise.reject(new Error('the clipboard is not available here'));
  }
  return navigator.clipboard.writeText(text);
}
