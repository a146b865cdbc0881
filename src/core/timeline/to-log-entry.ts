import type { ChangeLogEntry, TimedChange } from './change-log-entry';
import { MAX_NAME_CHARS, MAX_VALUE_CHARS } from './log-layout';

/** The entry as stored: long values and names cut to the quota budget, their original lengths kept. */
export function toLogEntry(change: TimedChange, seq: number): ChangeLogEntry {
  const cookie = { ...change.cookie };
  const entry: ChangeLogEntry = { seq, time: change.time, cause: change.cause, removed: change.removed, cookie };
  if (cookie.value.length > MAX_VALUE_CHARS) {
    entry.valueLength = cookie.value.length;
    cookie.value = cookie.value.slice(0, MAX_VALUE_CHARS);
  }
  if (cookie.name.length > MAX_NAME_CHARS) {
    entry.nameLength = cookie.name.length;
    cookie.name = cookie.name.slice(0, MAX_NAME_CHARS);
  }
  return entry;
}
