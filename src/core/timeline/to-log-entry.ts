import type { ChangeLogEntry, TimedChange } from './change-log-entry';
import { cutChange } from './cut-change';
import { pickCutLengths } from './cut-lengths';

/**
 * The entry as stored. Changes are cut when recorded; cutting again here covers batches an older version
 * staged uncut.
 */
export function toLogEntry(change: TimedChange, seq: number): ChangeLogEntry {
  const cut = cutChange(change);
  return {
    seq,
    time: cut.time,
    cause: cut.cause,
    removed: cut.removed,
    cookie: cut.cookie === change.cookie ? { ...cut.cookie } : cut.cookie,
    ...pickCutLengths(cut),
  };
}
