import type { CookieRecord } from '../../src/core/cookie/cookie-record';
import type { ChangeLogEntry } from '../../src/core/timeline/change-log-entry';
import { makeCookie } from './make-cookie';

/** The log entry of `cookie` set (cause `explicit`) as change `seq` at `time`. */
export const setEntry = (seq: number, time: number, cookie: CookieRecord): ChangeLogEntry => ({
  seq,
  time,
  cause: 'explicit',
  removed: false,
  cookie,
});

/**
 * Change-log entries in order: each call takes the next sequence number, and its time (ms) is `msPerSeq` times
 * that, unless `over` says otherwise.
 */
export function entryMaker(msPerSeq = 1) {
  let seq = 0;
  return (name: string, value: string, over: Partial<ChangeLogEntry> = {}): ChangeLogEntry => {
    seq++;
    return { ...setEntry(seq, seq * msPerSeq, makeCookie({ name, value })), ...over };
  };
}
