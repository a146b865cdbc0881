import type { ComponentChildren } from 'preact';
import type { CookieWriteOp } from '../../src/protocol/messages';
import type { ViewStore } from '../../src/state/create-store';
import { createEditSlice } from '../../src/state/edit-slice';
import { EditContext } from '../../src/ui/store-context';
import { renderWithStore } from './render';

/**
 * An edit slice whose background is a list: every write is recorded with its label, and each op is answered
 * as written. For the views' tests; the real write path is proved end to end (test/e2e/edit.e2e.ts).
 */
export function recordingEdit() {
  const writes: Array<{ label: string; ops: CookieWriteOp[] }> = [];
  const guards = { ok: true as const, protected: [], blockRules: [] };
  const edit = createEditSlice(
    {
      writeCookies: async (ops, label) => {
        writes.push({ label, ops });
        return {
          ok: true,
          undoable: true,
          results: ops.map((op) => ({ op, outcome: 'written' as const, now: null })),
        };
      },
      undoLast: async () => ({ ok: false, reason: 'nothing-to-undo' }),
      getUndoState: async () => ({ label: writes.at(-1)?.label ?? null, depth: writes.length }),
      getGuards: async () => guards,
      setProtected: async () => guards,
      setBlockRules: async () => guards,
    },
    async () => undefined,
  );
  return { edit, writes };
}

/** Renders `ui` under `store` with a recording edit slice, as the entries do where the page can write. */
export function renderWithEdit(ui: ComponentChildren, store: ViewStore) {
  const recording = recordingEdit();
  renderWithStore(<EditContext.Provider value={recording.edit}>{ui}</EditContext.Provider>, store);
  return recording;
}
