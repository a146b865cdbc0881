/**
 * Puts text on the clipboard. Browser access, so it lives with the other wrappers; it needs no extension API,
 * so components may import it without the extension runtime (their tests pass a fake instead). Rejects where
 * the page has no clipboard (an insecure context, or a test environment without one).
 */
export function writeClipboard(text: string): Promise<void> {
  if (typeof navigator === 'undefined' || !navigator.clipboard) {
    return Promise.reject(new Error('the clipboard is not available here'));
  }
  return navigator.clipboard.writeText(text);
}
