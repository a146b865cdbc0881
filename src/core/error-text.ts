/**
 * The words of something thrown, for a message shown to the user: an Error's message, or the thrown value as
 * text (a rejected promise may carry a string, or an Error with no message).
 */
export function errorText(e: unknown): string {
  return e instanceof Error && e.message !== '' ? e.message : String(e);
}
