import type { ChangeLogEntry } from '../../src/core/timeline/change-log-entry';
import { makeCookie } from './make-cookie';

/**
 * Change-log entries in order: each call takes the next sequence number, and its time (ms) is `msPerSeq` times
 * that, unless `over` says otherwise.
 */
export function entryMaker(msPerSeq = 1) {
  let seq = 0;
  return (name: string, value: string, over: Partial<ChangeLogEntry> = {}): ChangeLogEntry => {
    seq++;
    return {
      seq,
      time: seq * msPerSeq,
      cause: 'explicit',
      removed: false,
      cookie: makeCookie({ name, value }),
      ...over,
    };
  };
}
