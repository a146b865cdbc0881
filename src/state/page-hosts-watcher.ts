import type { PageUrlsResult } from '../protocol/messages';
import type { ThirdPartySlice } from './third-party-slice';

/** What the watcher may use of the browser: the background's page read (platform), or a fake in tests. */
export interface PageHostsDeps {
  tabId: number;
  /** The origins of the tab's frames and of what they loaded, checked (the background's `getPageUrls`). */
  readPageUrls: (tabId: number) => Promise<PageUrlsResult>;
  /** The tab navigated (or reloaded): the old page's hosts are forgotten. */
  watchNavigation?: ((listener: () => void) => () => void) | undefined;
  /**
   * How often the page is read again: frames and subresources come and go without an event a panel hears (a
   * frame added by script, an image loaded late, the `load` after a navigation's start).
   */
  pollMs?: number;
}

/**
 * Keeps the third-party slice's `pageUrls` in step with the inspected page while the panel is open: read now,
 * every few seconds, and after a navigation (which first forgets the old page's). A read that fails keeps the
 * last answer (a frame was being replaced); the next one tries again. Returns a stop function.
 */
export function watchPageHosts(slice: Pick<ThirdPartySlice, 'showPageUrls'>, deps: PageHostsDeps): () => void {
  let stopped = false;
  /** Bumped by a navigation and by each read: only the newest read's answer is shown. */
  let latest = 0;

  async function read(): Promise<void> {
    const mine = ++latest;
    let answer: PageUrlsResult;
    try {
      answer = await deps.readPageUrls(deps.tabId);
    } catch {
      return;
    }
    if (stopped || mine !== latest || !answer.ok) return;
    slice.showPageUrls(answer.urls);
  }

  const offNavigation = deps.watchNavigation?.(() => {
    latest++;
    slice.showPageUrls([]);
    void read();
  });
  const poll = setInterval(() => void read(), deps.pollMs ?? 3_000);
  void read();

  return () => {
    stopped = true;
    offNavigation?.();
    clearInterval(poll);
  };
}
