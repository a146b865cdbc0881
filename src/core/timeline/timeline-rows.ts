import { cookieKey } from '../cookie/cookie-key';
import type { CookieRecord } from '../cookie/cookie-record';
import type { ChangeLogEntry } from './change-log-entry';

/** One entry as the timeline shows it: with the value it replaced, and whether that was a session id rotating. */
export interface TimelineRow {
  entry: ChangeLogEntry;
  /** For a set: the cookie's previous value in this list, when it had one and it differs. */
  previousValue?: string;
  /** A session-identifying cookie got a new value: the session id was renewed (as at a login, OWASP WSTG-SESS-03). */
  rotated: boolean;
}

/**
 * The entries in sequence order with what each replaced. A browser reports an overwrite as a removal (cause
 * `overwrite`) followed by the new value, so the last value stays known across removals: a session id that is
 * deleted and set again with another value is a rotation too. Linear in the entries.
 */
export function timelineRows(
  entries: readonly ChangeLogEntry[],
  isSession: (cookie: CookieRecord) => boolean,
): TimelineRow[] {
  const last = new Map<string, string>();
  const rows: TimelineRow[] = [];
  for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
    const key = cookieKey(entry.cookie);
    const before = last.get(key);
    if (entry.removed) {
      rows.push({ entry, rotated: false });
      continue;
    }
    last.set(key, entry.cookie.value);
    const changed = before !== undefined && before !== entry.cookie.value;
    rows.push({
      entry,
      ...(changed ? { previousValue: before } : {}),
      rotated: changed && isSession(entry.cookie),
    });
  }
  return rows;
}
