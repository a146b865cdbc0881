import { describe, expect, it, vi } from 'vitest';
import { createCookieWriter } from '../../src/state/cookie-writer';
import { makeCookie } from '../fakes/make-cookie';

describe('the page-side cookie writer', () => {
  it('reports each op’s outcome only after the background answered, then reloads and refreshes undo', async () => {
    const c = makeCookie();
    let answer!: (v: { ok: true; results: never[]; undoable: boolean }) => void;
    const deps = {
      writeCookies: vi.fn(() => new Promise<{ ok: true; results: never[]; undoable: boolean }>((r) => (answer = r))),
      undoLast: vi.fn(async () => ({ ok: false as const, reason: 'nothing-to-undo' as const })),
      getUndoState: vi.fn(async () => ({ label: 'delete of pref', depth: 1 })),
    };
    const reload = vi.fn(async () => undefined);
    const w = createCookieWriter(deps, reload);
    const pending = w.write([{ kind: 'remove', cookie: c }], 'delete of pref');
    expect(w.busy.value).toBe(true);
    expect(w.working.value).toBe('delete of pref (1 cookie)');
    expect(w.last.value).toBeNull();
    answer({ ok: true, results: [], undoable: true });
    await pending;
    expect(w.busy.value).toBe(false);
    expect(w.working.value).toBeNull();
    expect(w.last.value).toEqual({ kind: 'write', label: 'delete of pref', results: [] });
    expect(w.undoState.value).toEqual({ label: 'delete of pref', depth: 1 });
    expect(reload).toHaveBeenCalledTimes(1);
    const undoing = w.undo();
    expect(w.working.value).toBe('undo of delete of pref');
    await undoing;
    expect(w.working.value).toBeNull();
    expect(w.last.value).toEqual({ kind: 'nothing-to-undo' });
  });

  it('says so when the message fails', async () => {
    const w = createCookieWriter({
      writeCookies: vi.fn(async () => {
        throw new Error('Could not establish connection');
      }),
      undoLast: vi.fn(),
      getUndoState: vi.fn(async () => ({ label: null, depth: 0 })),
    });
    expect(await w.write([], 'edit')).toBeNull();
    expect(w.last.value).toEqual({ kind: 'failed', label: 'edit', error: 'Could not establish connection' });
    expect(w.working.value).toBeNull();
    expect(w.busy.value).toBe(false);
  });
});
