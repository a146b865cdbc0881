import type { CookieRecord } from '../cookie/cookie-record';

/**
 * A session as seen at one moment: the cookies of the page's store. Plain data, so the same comparison serves
 * the command-line audit (snapshots taken around a scripted login) and a view's timeline (snapshots from the
 * change log).
 */
export interface SessionSnapshot {
  /** The page the snapshot was taken for. */
  url: string;
  /** Milliseconds since the epoch. */
  takenAtMs: number;
  cookies: readonly CookieRecord[];
}
