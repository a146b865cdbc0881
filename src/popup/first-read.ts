import type { TabCookiesResult } from '../protocol/messages';
import { tabIdFromSearch } from '../state/tab-id-param';

export interface FirstReadDeps {
  activeTab: () => Promise<{ id: number } | undefined>;
  loadTabCookies: (tabId: number) => Promise<TabCookiesResult>;
}

/** The popup's tab and cookie reads, started before the rest of its code is evaluated (see read-early.ts). */
export interface FirstRead extends FirstReadDeps {
  /** From `?tabId=N`; otherwise the active tab is inspected. */
  tabId: number | undefined;
}

/**
 * Starts reading the tab's cookies at once, and answers the popup's first `activeTab()` and first
 * `loadTabCookies(id)` (for that same tab) with what was started; every later call reads afresh (a reload after an
 * edit or an import must see the jar as it is then). The reads are round trips to the browser process: started
 * here, they overlap the evaluation of the modules that render the rows instead of following it.
 */
export function startFirstRead(deps: FirstReadDeps, search: string): FirstRead {
  const tabId = tabIdFromSearch(search);
  const tab = tabId === undefined ? deps.activeTab() : undefined;
  const id = tab ? tab.then((t) => t?.id) : Promise.resolve(tabId);
  // A failure here is not lost: the popup's own call then reads again and meets it there.
  const cookies = id
    .then(async (i) => (i === undefined ? undefined : { id: i, result: await deps.loadTabCookies(i) }))
    .catch(() => undefined);
  let tabTaken = false;
  let cookiesTaken = false;
  return {
    tabId,
    activeTab: () => {
      if (tab && !tabTaken) {
        tabTaken = true;
        return tab;
      }
      return deps.activeTab();
    },
    loadTabCookies: async (i) => {
      if (!cookiesTaken) {
        cookiesTaken = true;
        const early = await cookies;
        if (early?.id === i) return early.result;
      }
      return deps.loadTabCookies(i);
    },
  };
}

/**
 * Where the page's first script (early-read.ts, a file of its own that the page runs before its module loads)
 * leaves the read it started, for the module to take (read-early.ts).
 */
const HANDOFF = '__sessionscopeFirstRead';

type Scope = Record<string, unknown>;

/** Starts a read and leaves it for the popup's module; does nothing once the module has looked (it read itself). */
export function leaveFirstRead(start: () => FirstRead, scope: Scope = globalThis as unknown as Scope): void {
  if (!(HANDOFF in scope)) scope[HANDOFF] = start();
}

/**
 * The read the page's first script left, once; undefined when there is none (that script failed to load, or runs
 * after the module: the module then reads itself, and the script, finding the slot taken, reads nothing). The slot
 * then says which it was, `taken` or `missed`, for the end-to-end test to see.
 */
export function takeFirstRead(scope: Scope = globalThis as unknown as Scope): FirstRead | undefined {
  const read = scope[HANDOFF];
  const left = typeof read === 'object' && read !== null ? (read as FirstRead) : undefined;
  scope[HANDOFF] = left ? 'taken' : 'missed';
  return left;
}
