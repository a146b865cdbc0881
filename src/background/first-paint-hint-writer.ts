import type { CookieRecord } from '../core/cookie/cookie-record';
import type { RowView } from '../core/row-view';
import { FIRST_PAINT_HINT_KEY, firstPaintHint } from '../protocol/first-paint-hint';
import type { KeyValueArea } from './key-value-area';

export interface FirstPaintHintDeps {
  store: Pick<KeyValueArea, 'set' | 'remove'>;
  version: () => string;
  onError?: (error: unknown) => void;
}

export interface FirstPaintHintWriter {
  /** The badge analysed `cookies` into `views`: keep their session reasons for the popup's first paint. */
  analysed(cookies: readonly CookieRecord[], views: readonly Pick<RowView, 'key' | 'sessionReason'>[]): void;
  /** Resolves when every write asked for so far has been made (tests). */
  settled(): Promise<void>;
}

/**
 * Leaves the latest analysis's session reasons where the popup reads them (protocol/first-paint-hint.ts), one write
 * after the other so the last analysis is the one kept, and none when it is the hint already written; a hint too
 * large to keep removes the one before it. A failed write costs the popup only its shortcut: it is reported, and
 * made again at the next analysis.
 */
export function createFirstPaintHintWriter(deps: FirstPaintHintDeps): FirstPaintHintWriter {
  let writing = Promise.resolve();
  /** What this worker last wrote (a hint's JSON, or '' for none): the badge recounts the same jar again and again. */
  let last: string | undefined;
  return {
    analysed(cookies, views) {
      const hint = firstPaintHint(cookies, views, deps.version());
      const text = hint ? JSON.stringify(hint) : '';
      if (text === last) return;
      last = text;
      writing = writing
        .then(() => (hint ? deps.store.set({ [FIRST_PAINT_HINT_KEY]: hint }) : deps.store.remove(FIRST_PAINT_HINT_KEY)))
        .catch((e: unknown) => {
          // Not written: the next analysis writes it again, even if it is the same.
          last = undefined;
          deps.onError?.(e);
        });
    },
    settled: () => writing,
  };
}
