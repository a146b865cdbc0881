import type { ChangeCause, CookieRecord } from './cookie-record';

/** One `cookies.onChanged` event as plain data: what the platform hands up and the timeline records. */
export interface CookieChange {
  cookie: CookieRecord;
  removed: boolean;
  cause: ChangeCause;
}
