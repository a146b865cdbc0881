import { batch, computed, signal } from '@preact/signals';
import type { CookieWriteOp } from '../core/edit/apply-cookie-writes';
import { errorText } from '../core/error-text';
import type { CookieWriteResult, UndoResult, UndoState, WriteCookiesResult } from '../protocol/messages';

/**
 * How pages change cookies. Every write (an edit, an add, a delete, an import, a snapshot restore) goes to
 * the background as one `writeCookies` message: it applies the ops in order, each against its own domain,
 * path, store and partition, reads every cookie back, and keeps one undo record per call, so the one undo
 * stack reverses whichever came last, from the popup or the panel.
 *
 * Use: `const writer = createCookieWriter(deps, reload)`, then `await writer.write(ops, 'import of 12
 * cookies')` → per op `{ outcome: 'written' | 'changed' | 'refused', now, … }` (see CookieWriteResult in
 * core/edit/apply-cookie-writes); `writer.undo()`; `writer.last` and `writer.undoState` for the views.
 */
export interface CookieWriterDeps {
  writeCookies: (ops: CookieWriteOp[], label: string) => Promise<WriteCookiesResult>;
  undoLast: () => Promise<UndoResult>;
  getUndoState: () => Promise<UndoState>;
}

/** The outcome of the last write or undo, for the views to report (never before every save has finished). */
export type LastAction =
  | { kind: 'write' | 'undo'; label: string; results: CookieWriteResult[]; changedSince?: number }
  | { kind: 'failed'; label: string; error: string }
  | { kind: 'nothing-to-undo' };

export function createCookieWriter(deps: CookieWriterDeps, after: () => Promise<void> = async () => undefined) {
  /** What is under way, in words, until it is done (a delete of many cookies in a full jar takes seconds). */
  const working = signal<string | null>(null);
  const busy = computed(() => working.value !== null);
  const last = signal<LastAction | null>(null);
  const undoState = signal<UndoState>({ label: null, depth: 0 });

  async function refreshUndo(): Promise<void> {
    try {
      undoState.value = await deps.getUndoState();
    } catch {
      // The undo button then stays as it was; the next write refreshes it.
    }
  }

  async function run<T>(
    label: string,
    doing: string,
    work: () => Promise<T>,
    done: (v: T) => LastAction,
  ): Promise<T | null> {
    working.value = doing;
    try {
      const v = await work();
      last.value = done(v);
      return v;
    } catch (e) {
      last.value = { kind: 'failed', label, error: errorText(e) };
      return null;
    } finally {
      await refreshUndo();
      await after().catch(() => undefined);
      working.value = null;
    }
  }

  return {
    busy,
    working,
    last,
    undoState,
    refreshUndo,
    /** Resolves with every op's result once every save has finished (null when the message failed). */
    write: (ops: CookieWriteOp[], label: string): Promise<WriteCookiesResult | null> =>
      run(
        label,
        `${label} (${ops.length} ${ops.length === 1 ? 'cookie' : 'cookies'})`,
        () => deps.writeCookies(ops, label),
        (r) => ({ kind: 'write', label, results: r.results }),
      ),
    undo: (): Promise<UndoResult | null> =>
      run('undo', `undo of ${undoState.peek().label ?? 'the last change'}`, deps.undoLast, (r) =>
        r.ok
          ? { kind: 'undo', label: r.label, results: r.results, changedSince: r.changedSince.length }
          : { kind: 'nothing-to-undo' },
      ),
    dismiss(): void {
      batch(() => {
        last.value = null;
      });
    },
  };
}

export type CookieWriter = ReturnType<typeof createCookieWriter>;
