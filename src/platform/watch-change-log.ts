import { META_KEY } from '../core/timeline/log-layout';
import { browser } from './browser';

/**
 * For pages that show the timeline live: calls `listener` whenever the background has written to the change
 * log, so the page can ask for what is new (`getChangeLog` with `afterSeq`) instead of polling. Every write
 * replaces the log's meta key, so its change is the signal. Returns the unsubscribe function.
 */
export function watchChangeLog(listener: () => void): () => void {
  const area = browser.storage.session;
  const raw = (changes: Record<string, unknown>): void => {
    if (META_KEY in changes) listener();
  };
  area.onChanged.addListener(raw);
  return () => area.onChanged.removeListener(raw);
}
