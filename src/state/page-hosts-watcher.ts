import { effect, untracked, type ReadonlySignal } from '@preact/signals';
import type { PageUrlsResult } from '../protocol/messages';
import { shownGate } from './shown-gate';
import type { ThirdPartySlice } from './third-party-slice';

/** What the watcher may use of the browser: the background's page read (platform), or a fake in tests. */
export interface PageHostsDeps {
  tabId: number;
  /** The origins of the tab's frames and of what they loaded, checked (the background's `getPageUrls`). */
  readPageUrls: (tabId: number) => Promise<PageUrlsResult>;
  /**
   * The inspected page's URL while the view has read its cookies (the user granted its host), undefined while it
   * has not (loading, no permission, not a web page, no tab): the page is read only while this is set.
   */
  readablePage: ReadonlySignal<string | undefined>;
  /**
   * Whether the panel is in view (DevTools shows another panel: false). While it is not, the page is not read
   * again; it is read once when the panel is shown again.
   */
  shown?: ReadonlySignal<boolean>;
  /** The tab navigated (or reloaded): the page is read again once it has loaded. */
  watchNavigation?: ((listener: () => void) => () => void) | undefined;
  /**
   * How long after an answer the page is read again: frames and subresources come and go without an event a panel
   * hears (a frame added by script, an image loaded late).
   */
  pollMs?: number;
}

/**
 * Keeps the third-party slice's `pageUrls` in step with the inspected page while the panel is open and the page
 * is one SessionScope may read: read when it becomes readable, again `pollMs` after each answer (one read at a
 * time), and after a navigation. Another page forgets the old one's hosts at once; a reload of the same page keeps
 * them until its own answer replaces them, so the table does not empty and refill. A page that stops being
 * readable stops the reads and forgets its hosts; a `no-permission` or `no-tab` answer stops them until the page
 * changes; a failed read keeps the last answer (a frame was being replaced) and the next one tries again.
 * Returns a stop function.
 */
export function watchPageHosts(slice: Pick<ThirdPartySlice, 'showPageUrls'>, deps: PageHostsDeps): () => void {
  const pollMs = deps.pollMs ?? 3_000;
  let stopped = false;
  /** Bumped by each read, page change and navigation: only the newest read's answer counts, and only it polls. */
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The page whose hosts the slice holds. */
  let page: string | undefined;
  const gate = shownGate(deps.shown, () => void read());

  async function read(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    if (stopped || page === undefined || !gate.open()) return;
    const mine = ++latest;
    let answer: PageUrlsResult | undefined;
    try {
      answer = await deps.readPageUrls(deps.tabId);
    } catch {
      answer = undefined;
    }
    if (stopped || mine !== latest) return;
    if (answer?.ok) slice.showPageUrls(answer.urls);
    // No access (withdrawn since the view read the page) or no tab: nothing to read until the page changes.
    if (answer !== undefined && !answer.ok && answer.reason !== 'error') return;
    timer = setTimeout(() => void read(), pollMs);
  }

  const unwatchPage = effect(() => {
    const next = deps.readablePage.value;
    if (stopped || next === page) return;
    const before = page;
    page = next;
    latest++;
    clearTimeout(timer);
    if (before !== undefined) slice.showPageUrls([]);
    // The read's own signals (none today) must not become this effect's.
    untracked(() => void read());
  });
  const offNavigation = deps.watchNavigation?.(() => {
    latest++;
    void read();
  });

  return () => {
    stopped = true;
    clearTimeout(timer);
    unwatchPage();
    gate.stop();
    offNavigation?.();
  };
}
