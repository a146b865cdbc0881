import type { ChangeLogEntry, TimedChange } from './change-log-entry';
import { cutChange } from './cut-change';

/**
 * The entry as stored. Changes are cut when recorded; cutting again here covers batches an older version
 * staged uncut.
 */
export function toLogEntry(change: TimedChange, seq: number): ChangeLogEntry {
  const cut = cutChange(change);
  const entry: ChangeLogEntry = {
    seq,
    time: cut.time,
    cause: cut.cause,
    removed: cut.removed,
    cookie: cut.cookie === change.cookie ? { ...cut.cookie } : cut.cookie,
  };
  if (cut.valueLength !== undefined) entry.valueLength = cut.valueLength;
  if (cut.nameLength !== undefined) entry.nameLength = cut.nameLength;
  if (cut.pathLength !== undefined) entry.pathLength = cut.pathLength;
  if (cut.domainLength !== undefined) entry.domainLength = cut.domainLength;
  return entry;
}
