import type { ChromiumSession } from '../test/e2e/harness/chromium';

/** How long no extension worker may have run before a cold opening (stopWorkersForGood). */
export const COLD_SETTLE_MS = 150;

/**
 * Stops every extension worker of the browser (`ServiceWorker.stopAllWorkers`) and returns once none has run for
 * COLD_SETTLE_MS: the state a popup meets once the workers have been idle for 30 s. One may have been started a
 * moment ago (by a ping of the bench, or a tab event); a worker still starting is not stopped by the stop-all and
 * appears after it, so it is stopped again.
 */
export async function stopWorkersForGood(session: ChromiumSession): Promise<void> {
  const running = () =>
    session.browser
      .targets()
      .filter((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'))
      .map((t) => t.url());
  for (let tries = 0; tries < 20; tries++) {
    await session.stopWorker({ waitGone: false });
    await new Promise((r) => setTimeout(r, COLD_SETTLE_MS));
    if (running().length === 0) return;
  }
  // Which one, so that a flake can be told from a worker something keeps starting.
  throw new Error(`an extension worker kept running after 20 stops: ${running().join(', ')}`);
}
