import type { CookieWriteOp, CookieWriteResult } from '../core/edit/apply-cookie-writes';
import type { WriteCookiesResult } from '../protocol/messages';
import type { ApplyWrites, WriteResult } from './transfer-deps';

function toResult(r: CookieWriteResult): WriteResult {
  const base = { op: r.op.kind, cookie: r.op.cookie };
  switch (r.outcome) {
    case 'written':
      return { ...base, ok: true };
    case 'changed':
      return { ...base, ok: true, differs: r.differs };
    case 'refused':
      return {
        ...base,
        ok: false,
        reason:
          r.reason === 'browser'
            ? `the browser refused it: ${r.error}`
            : r.reason === 'not-stored'
              ? 'the browser answered, but the cookie is not in the jar when read back'
              : 'the cookie is still in the jar after the remove',
      };
  }
}

/**
 * Export, import and snapshot restores write through the one write path (the background's `writeCookies`:
 * every op read back, one undo record per call), never a second one of their own.
 */
export function applyThrough(write: (ops: CookieWriteOp[], label: string) => Promise<WriteCookiesResult>): ApplyWrites {
  return async (plan, label) => {
    const ops: CookieWriteOp[] = [
      ...plan.remove.map((cookie): CookieWriteOp => ({ kind: 'remove', cookie })),
      ...plan.set.map((cookie): CookieWriteOp => ({ kind: 'set', cookie })),
    ];
    const answer = await write(ops, label);
    return answer.results.map(toResult);
  };
}
