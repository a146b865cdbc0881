import { changedAttributes } from '../cookie/changed-attributes';
import { cookieKey } from '../cookie/cookie-key';
import type { CookieRecord } from '../cookie/cookie-record';
import type { BlockRule } from './block-rule';

/** One cookie a write touched: what was there before (null: nothing) and what the write left (null: removed). */
export interface UndoEntry {
  before: CookieRecord | null;
  after: CookieRecord | null;
}

/** What one user action (an edit, a delete, an import, a snapshot switch) replaced, to put back exactly. */
export interface UndoRecord {
  /** What the action was, for the "Undo …" label, e.g. "import of 12 cookies". */
  label: string;
  atMs: number;
  entries: UndoEntry[];
  /**
   * The block rules the action added (the cookies they deleted at once are its entries): undoing it takes the rules
   * away before it puts the cookies back, or the rules would delete them again.
   */
  blockRules?: BlockRule[];
}

export type UndoStep = { kind: 'set'; cookie: CookieRecord } | { kind: 'remove'; cookie: CookieRecord };

/** A deep copy: the record must not change when the caller's objects do. */
function copy(c: CookieRecord | null): CookieRecord | null {
  if (!c) return null;
  const out: CookieRecord = { ...c };
  if (c.partitionKey) out.partitionKey = { ...c.partitionKey };
  return out;
}

/**
 * The record of an action. An edit that changes identity (a rename, a new path) is two entries: the old cookie
 * removed and the new one created. Entries whose before and after are the same identity and attributes are
 * kept: restoring them is harmless and they show what the action touched.
 */
export function undoRecord(
  label: string,
  atMs: number,
  entries: readonly UndoEntry[],
  blockRules?: readonly BlockRule[],
): UndoRecord {
  const record: UndoRecord = {
    label,
    atMs,
    entries: entries.map((e) => ({ before: copy(e.before), after: copy(e.after) })),
  };
  if (blockRules && blockRules.length > 0) record.blockRules = blockRules.map((r) => ({ ...r }));
  return record;
}

/**
 * The writes that undo a record, last change first: a cookie the action created is removed, one it replaced or
 * removed is set back with every attribute, its store and its partition.
 */
export function undoSteps(record: UndoRecord): UndoStep[] {
  const steps: UndoStep[] = [];
  for (let i = record.entries.length - 1; i >= 0; i--) {
    const { before, after } = record.entries[i]!;
    if (before) steps.push({ kind: 'set', cookie: copy(before)! });
    else if (after) steps.push({ kind: 'remove', cookie: copy(after)! });
  }
  return steps;
}

/**
 * The cookie the jar must hold for an undo to apply cleanly: if something changed the cookie since the action,
 * undoing would silently discard that change, so the caller asks first. Returns the entries that no longer match.
 */
export function undoConflicts(record: UndoRecord, jar: readonly CookieRecord[]): UndoEntry[] {
  const now = new Map(jar.map((c) => [cookieKey(c), c]));
  return record.entries.filter((e) => {
    const ref = e.after ?? e.before;
    if (!ref) return false;
    const current = now.get(cookieKey(ref)) ?? null;
    if (e.after === null) return current !== null;
    return current === null || changedAttributes(current, e.after).length > 0;
  });
}
