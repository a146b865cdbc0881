import type { CookieRecord } from '../core/cookie/cookie-record';
import type { CookieRows } from '../core/cookie-views';
import type { FirstLoad } from '../state/load-site';
import type { PaintedLoad } from './first-paint';

/**
 * What the popup proper starts from (startPopup's `first`): the first paint's read, with its rows decoded. Rows
 * painted from the background's hint were not: they are decoded here, from the same cookies at the same clock, so
 * the popup proper renders the very rows painted (the hint was worked out from these cookies) and the analysis
 * reuses the decoded values.
 */
export async function decodedFirstLoad(
  painted: PaintedLoad | undefined,
  decode: (cookies: readonly CookieRecord[], nowMs: number) => Promise<CookieRows>,
): Promise<FirstLoad | undefined> {
  if (painted === undefined) return undefined;
  const { rows, ...rest } = painted;
  if (rows === undefined) return rest;
  if (rows.decoded !== undefined) return { ...rest, rows };
  if (!painted.result.ok) return rest;
  return { ...rest, rows: await decode(painted.result.cookies, painted.t) };
}
