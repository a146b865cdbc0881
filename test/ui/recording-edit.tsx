import type { ComponentChildren } from 'preact';
import type { BlockRule } from '../../src/core/edit/block-rule';
import type { CookieWriteOp, GuardState } from '../../src/protocol/messages';
import type { ViewStore } from '../../src/state/create-store';
import { createEditSlice } from '../../src/state/edit-slice';
import { EditContext } from '../../src/ui/store-context';
import { renderWithStore } from './render';

/**
 * An edit slice whose background is a list: every write is recorded with its label, and each op is answered
 * as written; each change of the block rules is recorded too, and answered with `swept` as what the rules removed
 * at once. When `swept` names an undo, that is the undo state after the change, and an undo of it takes the rules
 * back to what they were before (recorded in `undos`). For the views' tests; the real write path is proved end to
 * end (test/e2e/edit.e2e.ts).
 */
export function recordingEdit({ swept }: { swept?: GuardState['swept'] } = {}) {
  const writes: Array<{ label: string; ops: CookieWriteOp[] }> = [];
  const ruleChanges: BlockRule[][] = [];
  const undos: string[] = [];
  let guards: GuardState = { ok: true as const, protected: [], blockRules: [] };
  let ruleUndo: { label: string; atMs: number; rulesBefore: BlockRule[] } | null = null;
  const edit = createEditSlice(
    {
      writeCookies: async (ops, label) => {
        writes.push({ label, ops });
        // The write is on top of the stack now (the model keeps only the top).
        ruleUndo = null;
        return {
          ok: true,
          undoable: true,
          results: ops.map((op) => ({ op, outcome: 'written' as const, now: null })),
        };
      },
      undoLast: async () => {
        if (!ruleUndo) return { ok: false, reason: 'nothing-to-undo' };
        const { label, rulesBefore } = ruleUndo;
        undos.push(label);
        guards = { ...guards, blockRules: rulesBefore };
        ruleUndo = null;
        return { ok: true, label, results: [], changedSince: [] };
      },
      getUndoState: async () =>
        ruleUndo
          ? { label: ruleUndo.label, atMs: ruleUndo.atMs, depth: writes.length + 1 }
          : { label: writes.at(-1)?.label ?? null, depth: writes.length },
      getGuards: async () => guards,
      setProtected: async () => guards,
      setBlockRules: async (rules) => {
        ruleChanges.push(rules);
        if (swept?.undo) ruleUndo = { ...swept.undo, rulesBefore: guards.blockRules };
        guards = { ...guards, blockRules: rules };
        return { ...guards, ...(swept ? { swept } : {}) };
      },
    },
    async () => undefined,
  );
  return { edit, writes, ruleChanges, undos };
}

/** Renders `ui` under `store` with a recording edit slice, as the entries do where the page can write. */
export function renderWithEdit(ui: ComponentChildren, store: ViewStore, swept?: GuardState['swept']) {
  const recording = recordingEdit(swept ? { swept } : {});
  renderWithStore(<EditContext.Provider value={recording.edit}>{ui}</EditContext.Provider>, store);
  return recording;
}
