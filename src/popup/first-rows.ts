import type { CookieRecord } from '../core/cookie/cookie-record';
import { cookieKey } from '../core/cookie/cookie-key';
import type { CookieRows } from '../core/cookie-views';
import { compareViews, rowView } from '../core/row-view';
import { FIRST_PAINT_HINT_KEY, hintedReasons } from '../protocol/first-paint-hint';
import type { FirstRows } from './first-paint';
import { markNow } from './first-paint-marks';

/**
 * The user-timing mark set when the first paint asks for the decoders, the hint not answering for the cookies read
 * (DevTools' Performance panel shows it; the tests read it).
 */
export const DECODERS_MARK = 'sessionscope:decoders';

/**
 * Starts reading the background's hint (`get`: storage.session's get, asked for FIRST_PAINT_HINT_KEY). Never
 * rejects: a browser without `storage.session`, or a failed read, is no hint, and the first paint decodes.
 */
export function readFirstPaintHint(get: (key: string) => Promise<Record<string, unknown>>): Promise<unknown> {
  return new Promise<Record<string, unknown>>((resolve) => resolve(get(FIRST_PAINT_HINT_KEY))).then(
    (items) => items[FIRST_PAINT_HINT_KEY],
    () => undefined,
  );
}

export interface FirstRowsDeps {
  /** What `storage.session` held under FIRST_PAINT_HINT_KEY (readFirstPaintHint, as the page started), or undefined. */
  hint: Promise<unknown>;
  /** This extension's version: a hint by another is not used. */
  version: () => string;
  /** core's cookieRows, loaded only when the hint does not answer for these cookies (the decoders' chunk). */
  decode: () => Promise<(cookies: readonly CookieRecord[], nowMs: number) => Promise<CookieRows>>;
  /** Sets a user-timing mark; `performance.mark` by default. */
  mark?: (name: string) => void;
}

/**
 * The first paint's rows: when the background's hint was worked out from these very cookies, their session
 * reasons come from it and nothing is decoded before the rows (the decoders load with the popup proper, which
 * decodes before it takes the rows over); otherwise the decoders are loaded and run first. Both give the same rows
 * in the same order (test/popup/first-rows.test.ts).
 */
export function firstRows(deps: FirstRowsDeps) {
  return async (cookies: readonly CookieRecord[], nowMs: number): Promise<FirstRows> => {
    const reasons = hintedReasons(await deps.hint.catch(() => undefined), cookies, deps.version());
    if (reasons === undefined) {
      (deps.mark ?? markNow)(DECODERS_MARK);
      return (await deps.decode())(cookies, nowMs);
    }
    const views = cookies.map((c) => {
      const key = cookieKey(c);
      return rowView(c, reasons.get(key) ?? null, nowMs, key);
    });
    return { views: views.sort(compareViews) };
  };
}
