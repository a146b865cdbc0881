import { applyCookieWrites, type CookieWriteDeps, type CookieWriteOp } from '../core/edit/apply-cookie-writes';
import { undoConflicts, undoRecord, undoSteps, type UndoRecord } from '../core/edit/undo-record';
import type { CookieRecord } from '../core/cookie/cookie-record';
import type { BlockRule } from '../core/edit/block-rule';
import type { UndoResult, UndoState, WriteCookiesResult } from '../protocol/messages';
import { UNDO_KEY, undoStackOf, undoStateOf } from '../protocol/edit-state';
import type { KeyValueArea } from './key-value-area';

/** Undo keeps the last few actions: each may hold a whole import, and they are live credentials. */
export const UNDO_DEPTH = 10;

export interface CookieWritesDeps {
  /** `storage.session`: the stack outlives the worker and the page, and goes when the browser quits. */
  store: KeyValueArea;
  browser: CookieWriteDeps;
  now: () => number;
  /** Every cookie of the identities an undo touches, to tell whether something changed them since. */
  readJar: (cookies: CookieRecord[]) => Promise<CookieRecord[]>;
  /** Told of every cookie a user's write left (null: removed), so protection follows the user's own edits. */
  written?: (before: CookieRecord | null, after: CookieRecord | null) => Promise<void>;
  /** Called before the writes with every cookie they may touch; the function it returns after them. */
  pause?: (cookies: CookieRecord[]) => () => void;
  /** Takes away block rules, before an undo of their adding puts back what they deleted. */
  dropBlockRules?: (rules: BlockRule[]) => Promise<void>;
}

export interface CookieWrites {
  write(ops: readonly CookieWriteOp[], label: string): Promise<WriteCookiesResult>;
  undo(): Promise<UndoResult>;
  state(): Promise<UndoState>;
  /**
   * Keeps what the background's own action removed (a block rule's deletion of the cookies it matched at once) as
   * an undoable action; returns its label and time, as the undo state names it.
   */
  remember(
    label: string,
    removed: readonly CookieRecord[],
    blockRules: readonly BlockRule[],
  ): Promise<{ label: string; atMs: number }>;
}

/**
 * Writes for the pages, and the undo stack. The stack lives in storage, never only in this worker: a user who
 * deletes a cookie in the popup and undoes it from the panel a minute later, after the worker was stopped,
 * gets it back. Each read-modify-write of the stack runs after the previous one (one queue per instance).
 */
export function createCookieWrites(deps: CookieWritesDeps): CookieWrites {
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(run: () => Promise<T>): Promise<T> {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  }

  async function load(): Promise<UndoRecord[]> {
    const got = await deps.store.get(UNDO_KEY);
    return undoStackOf(got[UNDO_KEY]);
  }

  /** The writes, with the guard told that these events are the user's own. */
  async function apply(ops: readonly CookieWriteOp[]): ReturnType<typeof applyCookieWrites> {
    const cookies = ops.flatMap((op) => (op.kind === 'set' && op.replaces ? [op.cookie, op.replaces] : [op.cookie]));
    const end = deps.pause?.(cookies);
    try {
      const applied = await applyCookieWrites(ops, deps.browser);
      await tell(applied.entries);
      return applied;
    } finally {
      end?.();
    }
  }

  async function push(record: UndoRecord): Promise<UndoRecord[]> {
    const stack = await load();
    stack.push(record);
    const kept = stack.slice(-UNDO_DEPTH);
    await deps.store.set({ [UNDO_KEY]: kept });
    return kept;
  }

  async function tell(entries: { before: CookieRecord | null; after: CookieRecord | null }[]): Promise<void> {
    if (!deps.written) return;
    for (const e of entries) await deps.written(e.before, e.after);
  }

  return {
    write: (ops, label) =>
      serial(async () => {
        const { results, entries } = await apply(ops);
        if (entries.length === 0) return { ok: true, results, undoable: false };
        await push(undoRecord(label, deps.now(), entries));
        return { ok: true, results, undoable: true };
      }),
    undo: () =>
      serial(async () => {
        const stack = await load();
        const record = stack.pop();
        if (!record) return { ok: false, reason: 'nothing-to-undo' };
        const touched = record.entries.flatMap((e) => [e.before, e.after]).filter((c): c is CookieRecord => !!c);
        const conflicts = undoConflicts(record, await deps.readJar(touched));
        if (record.blockRules) await deps.dropBlockRules?.(record.blockRules);
        const ops: CookieWriteOp[] = undoSteps(record).map((s) => ({ kind: s.kind, cookie: s.cookie }));
        const { results } = await apply(ops);
        await deps.store.set({ [UNDO_KEY]: stack });
        return {
          ok: true,
          label: record.label,
          results,
          changedSince: conflicts.map((e) => (e.after ?? e.before)!).map((c) => ({ ...c })),
        };
      }),
    state: async () => undoStateOf(await load()),
    remember: (label, removed, blockRules) =>
      serial(async () => {
        const record = undoRecord(
          label,
          deps.now(),
          removed.map((c) => ({ before: c, after: null })),
          blockRules,
        );
        await push(record);
        return { label: record.label, atMs: record.atMs };
      }),
  };
}
