import type { CookieRecord } from '../core/cookie/cookie-record';
import { parseBlockRules, type BlockRule } from '../core/edit/block-rule';
import { parseCookieRecord } from '../core/edit/parse-write-ops';
import type { UndoRecord } from '../core/edit/undo-record';
import type { GuardState, UndoState } from './messages';

/**
 * Where the background keeps what the pages' edits leave, and how it is read back: the undo stack in
 * `storage.session` (src/background/undo-stack.ts), the protected cookies and block rules in `storage.local`
 * (src/background/protect-rules.ts). The background writes each before it answers the write that changed it, so a
 * page reads the same state from storage as from the background, without starting a stopped worker to ask it (the
 * popup does: src/platform/edit-state.ts).
 */
/** One key in `storage.session`: the undo stack holds live values, so it goes when the browser quits. */
export const UNDO_KEY = 'undo:stack';
/** One key in `storage.local`: protection and block rules are settings, kept across browser restarts. */
export const GUARD_KEY = 'guard';
/** At most this many protected cookies are kept (the oldest go first). */
export const MAX_PROTECTED = 200;

function isUndoRecord(v: unknown): v is UndoRecord {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return typeof r.label === 'string' && typeof r.atMs === 'number' && Array.isArray(r.entries);
}

/** The undo stack as stored under UNDO_KEY, oldest first; anything else stored there is left out. */
export function undoStackOf(value: unknown): UndoRecord[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isUndoRecord).map((r) => {
    if (r.blockRules === undefined) return r;
    const rules = parseBlockRules(r.blockRules);
    const { blockRules: _, ...rest } = r;
    return rules.length > 0 ? { ...rest, blockRules: rules } : rest;
  });
}

/** What the next undo would reverse, and how many actions are kept. */
export function undoStateOf(stack: readonly UndoRecord[]): UndoState {
  const last = stack[stack.length - 1];
  return last ? { label: last.label, atMs: last.atMs, depth: stack.length } : { label: null, depth: 0 };
}

/** The protect and block settings as stored under GUARD_KEY. */
export interface StoredGuards {
  protected: CookieRecord[];
  blockRules: BlockRule[];
}

/** The settings stored under GUARD_KEY, each cookie and rule checked; anything else stored there is left out. */
export function storedGuardsOf(value: unknown): StoredGuards {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const list = Array.isArray(v.protected)
    ? v.protected
        .map(parseCookieRecord)
        .filter((c): c is CookieRecord => c !== null)
        .slice(0, MAX_PROTECTED)
    : [];
  return { protected: list, blockRules: parseBlockRules(v.blockRules) };
}

export function guardStateOf(stored: StoredGuards): GuardState {
  return { ok: true, protected: stored.protected, blockRules: stored.blockRules };
}
