import { GUARD_KEY, guardStateOf, storedGuardsOf, UNDO_KEY, undoStackOf, undoStateOf } from '../protocol/edit-state';
import type { GuardState, UndoState } from '../protocol/messages';
import { localStore, sessionStore } from './storage';

/** The read of one storage area (platform/storage.ts; tests give a fake). */
interface Readable {
  get(key: string): Promise<Record<string, unknown>>;
}

/**
 * The undo state and the protect and block settings read where the background keeps them (src/protocol/edit-state.ts),
 * instead of asked of it: the popup reads them as it opens, and a message would start a stopped worker for that alone
 * (its start, its scripts and its public-suffix list, on every opening after 30 s idle). Writes still go to the
 * background (src/platform/edit-messages.ts), which stores each before it answers.
 */
export function storedEditState(
  areas: { session: Readable; local: Readable } = { session: sessionStore, local: localStore },
) {
  return {
    getUndoState: async (): Promise<UndoState> =>
      undoStateOf(undoStackOf((await areas.session.get(UNDO_KEY))[UNDO_KEY])),
    getGuards: async (): Promise<GuardState> =>
      guardStateOf(storedGuardsOf((await areas.local.get(GUARD_KEY))[GUARD_KEY])),
  };
}
