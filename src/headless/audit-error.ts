/** Why an audit could not run: the command line turns each into exit code 2 and one line of text. */
export type AuditErrorCode =
  'bad-option' | 'no-browser' | 'unreachable' | 'wait-failed' | 'login-failed' | 'logout-failed' | 'not-logged-in';

/** An audit that could not run (as opposed to one that ran and found problems). */
export class AuditError extends Error {
  readonly code: AuditErrorCode;

  constructor(code: AuditErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AuditError';
    this.code = code;
  }
}

export function messageOf(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  // One line, bounded: the message may quote a page or a user's module.
  const line = text.split('\n')[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
