import { signal } from '@preact/signals';
import { sameBlockRule, type BlockRule } from '../core/edit/block-rule';
import type { CookieRecord } from '../core/cookie/cookie-record';
import { errorText } from '../core/error-text';
import type { GuardState } from '../protocol/messages';
import { createCookieWriter, type CookieWriterDeps } from './cookie-writer';

export interface EditDeps extends CookieWriterDeps {
  getGuards: () => Promise<GuardState>;
  setProtected: (cookie: CookieRecord, protect: boolean) => Promise<GuardState>;
  setBlockRules: (rules: BlockRule[]) => Promise<GuardState>;
}

/**
 * What the views need to change cookies: the writer (edit, add, delete, undo) and the protect and block
 * settings the background keeps. `reload` re-reads the site once every save has finished.
 */
export function createEditSlice(deps: EditDeps, reload: () => Promise<void>) {
  const guards = signal<GuardState>({ ok: true, protected: [], blockRules: [] });
  const guardError = signal<string | null>(null);
  /**
   * What the rule added last removed at once (the background's answer), until the rules change again: kept here,
   * not in the view, so that it is still shown when the view changes state because that removal emptied the site.
   */
  const sweptByAdd = signal<GuardState['swept'] | null>(null);
  /** That rule: once an undo has taken it away, what it removed is no longer news. */
  let addedRule: BlockRule | null = null;
  const writer = createCookieWriter(deps, async () => {
    await reload();
    if (sweptByAdd.peek() === null || addedRule === null) return;
    await guard(deps.getGuards);
    const rule = addedRule;
    if (!guards.peek().blockRules.some((r) => sameBlockRule(r, rule))) {
      sweptByAdd.value = null;
      addedRule = null;
    }
  });

  async function guard(run: () => Promise<GuardState>): Promise<void> {
    try {
      guards.value = await run();
      guardError.value = null;
    } catch (e) {
      guardError.value = errorText(e);
    }
  }

  return {
    writer,
    guards,
    guardError,
    /** Reads the undo state and the guard settings (when the view opens). */
    refresh: async (): Promise<void> => {
      await Promise.all([writer.refreshUndo(), guard(deps.getGuards)]);
    },
    protect: (cookie: CookieRecord, on: boolean): Promise<void> => guard(() => deps.setProtected(cookie, on)),
    sweptByAdd,
    /** Replaces the block rules (a rule removed): nothing is said of what the rules removed. */
    setBlockRules: (rules: BlockRule[]): Promise<void> => {
      sweptByAdd.value = null;
      addedRule = null;
      return guard(() => deps.setBlockRules(rules));
    },
    /**
     * Adds a block rule, and keeps what the background says it removed at once; the undo state then names that
     * removal, whose undo takes the rule away and puts the cookies back.
     */
    addBlockRule: async (rule: BlockRule): Promise<void> => {
      sweptByAdd.value = null;
      await guard(() => deps.setBlockRules([...guards.value.blockRules, rule]));
      if (guardError.value !== null) return;
      addedRule = rule;
      sweptByAdd.value = guards.value.swept ?? null;
      if (sweptByAdd.value?.undo) await writer.refreshUndo();
    },
  };
}

export type EditSlice = ReturnType<typeof createEditSlice>;

/**
 * After a write of the transfer tools (an import, a snapshot restore), which go to the background's write path
 * without the edit slice: once the view's cookies are read again, its undo state is too, so that Undo offers (and
 * names) that write, as it does after an edit.
 */
export async function afterTransferWrite(reload: Promise<unknown>, edit: EditSlice | null): Promise<void> {
  await reload;
  await edit?.writer.refreshUndo();
}
