import type { CookieRecord } from '../core/cookie/cookie-record';
import type { CookieRows } from '../core/cookie-views';
import type { RowView } from '../core/row-view';
import type { TabCookiesResult } from '../protocol/messages';
import type { FirstLoad } from '../state/load-site';
import { FIRST_PAINT_MARKS, markNow } from './first-paint-marks';
import { firstScreenRows } from './first-screen-rows';
import { paintFirstRows } from './paint-first-rows';

/**
 * The rows the first paint shows, in their final order (core's compareViews): decoded (core's cookieRows), or with
 * their session reasons from the background's hint and not decoded yet (first-rows.ts).
 */
export type FirstRows = CookieRows | { views: RowView[]; decoded?: undefined };

/** What the first paint read and painted: FirstLoad, its rows perhaps not decoded yet (the popup proper does that). */
export type PaintedLoad = Omit<FirstLoad, 'rows'> & { rows?: FirstRows };

export interface FirstPaintDeps {
  /** From `?tabId=N`; otherwise the active tab is inspected. */
  tabId: number | undefined;
  activeTab: () => Promise<{ id: number } | undefined>;
  loadTabCookies: (tabId: number) => Promise<TabCookiesResult>;
  /** The rows in the session-first order: first-rows.ts's firstRows, or core's cookieRows. */
  rows: (cookies: readonly CookieRecord[], nowMs: number) => Promise<FirstRows>;
  now?: () => number;
  /** Sets a user-timing mark (FIRST_PAINT_MARKS); `performance.mark` by default. */
  mark?: (name: string) => void;
}

export interface FirstPaintOptions {
  /** The popup's rows have checkboxes (it can act on cookies). */
  checkboxes: boolean;
}

/**
 * The popup's first paint, before Preact and the rest of its code load: reads the tab's cookies, works out their
 * rows (session-first: their reasons from the background's hint, or decoded) and paints them into `root` as plain
 * DOM (paint-first-rows.ts). Returns what it read and worked out, for the popup to take over (startPopup's
 * `first`): it reads nothing twice. Nothing is painted when there is nothing to list (a problem, no cookies), and
 * nothing is returned when the read failed: the popup then reads again and says why.
 */
export async function firstPaint(
  deps: FirstPaintDeps,
  root: Element,
  options: FirstPaintOptions,
): Promise<PaintedLoad | undefined> {
  const now = deps.now ?? Date.now;
  const mark = deps.mark ?? markNow;
  let tabId = deps.tabId;
  try {
    if (tabId === undefined) tabId = (await deps.activeTab())?.id;
    if (tabId === undefined) return { tabId, result: { ok: false, reason: 'no-tab' }, t: now() };
    const result = await deps.loadTabCookies(tabId);
    mark(FIRST_PAINT_MARKS.cookies);
    const t = now();
    if (!result.ok || result.cookies.length === 0) return { tabId, result, t };
    const rows = await deps.rows(result.cookies, t);
    paintFirstRows(root, {
      url: result.url,
      views: rows.views,
      now: t,
      ...(result.store ? { store: result.store } : {}),
      eager: firstScreenRows(),
      checkboxes: options.checkboxes,
    });
    mark(FIRST_PAINT_MARKS.rows);
    return { tabId, result, rows, t };
  } catch {
    return undefined;
  }
}
