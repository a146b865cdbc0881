import { META_KEY } from '../core/timeline/log-layout';
import { isStageKey, STAGE_FOLDED } from '../core/timeline/stage-key';
import { browser } from './browser';

/**
 * For pages that show the timeline live: calls `listener` whenever the background has written to the change
 * log, so the page can ask for what is new (`getChangeLog` with `afterSeq`, which folds what is staged)
 * instead of polling. The background writes each batch of changes to a staged key of its own and folds it
 * into the chunks later, so a new staged batch is the signal, as is the meta that every fold and clear
 * replaces. A staged key marked folded or removed is not: the fold that did it already changed the meta.
 * Returns the unsubscribe function.
 */
export function watchChangeLog(listener: () => void): () => void {
  const area = browser.storage.session;
  const raw = (changes: Record<string, { newValue?: unknown }>): void => {
    if (isLogWrite(changes)) listener();
  };
  area.onChanged.addListener(raw);
  return () => area.onChanged.removeListener(raw);
}

function isLogWrite(changes: Record<string, { newValue?: unknown }>): boolean {
  if (META_KEY in changes) return true;
  for (const key in changes) {
    // A batch is staged as one JSON string (older versions: an array); the folded marker is a string too.
    const value = changes[key]?.newValue;
    if (isStageKey(key) && value !== undefined && value !== STAGE_FOLDED) return true;
  }
  return false;
}
