import { changedAttributes, type CookieAttribute } from '../cookie/changed-attributes';
import { cookieKey } from '../cookie/cookie-key';
import type { CookieRecord } from '../cookie/cookie-record';
import { storageKey, type StorageEntry } from './snapshot';
import { tokenChanges, type ClaimChange } from './token-claims';

export interface CookieChange {
  before: CookieRecord;
  after: CookieRecord;
  attributes: CookieAttribute[];
  /** When the value holds a JWT on either side: the header parameters and claims that changed. */
  tokenClaims?: ClaimChange[];
}

export interface StorageChange {
  before: StorageEntry;
  after: StorageEntry;
  tokenClaims?: ClaimChange[];
}

export interface SnapshotDiff {
  cookies: { added: CookieRecord[]; removed: CookieRecord[]; changed: CookieChange[] };
  storage: { added: StorageEntry[]; removed: StorageEntry[]; changed: StorageChange[] };
}

/** A snapshot, or the jar and storage as they are now. */
export interface SessionState {
  cookies: readonly CookieRecord[];
  storage: readonly StorageEntry[];
}

function diffBy<T>(
  a: readonly T[],
  b: readonly T[],
  key: (x: T) => string,
): { added: T[]; removed: T[]; pairs: Array<[T, T]> } {
  const before = new Map(a.map((x) => [key(x), x]));
  const after = new Map(b.map((x) => [key(x), x]));
  const added: T[] = [];
  const removed: T[] = [];
  const pairs: Array<[T, T]> = [];
  for (const [k, x] of before) {
    const y = after.get(k);
    if (y === undefined) removed.push(x);
    else pairs.push([x, y]);
  }
  for (const [k, y] of after) if (!before.has(k)) added.push(y);
  return { added, removed, pairs };
}

/**
 * What changed from `a` to `b` (two snapshots, or a snapshot and the jar now), cookies matched by full identity
 * and storage items by (area, origin, key). A changed value that holds a JWT also says which claims changed.
 */
export function diffSnapshots(a: SessionState, b: SessionState): SnapshotDiff {
  const c = diffBy(a.cookies, b.cookies, cookieKey);
  const changed: CookieChange[] = [];
  for (const [before, after] of c.pairs) {
    const attributes = changedAttributes(before, after);
    if (attributes.length === 0) continue;
    const change: CookieChange = { before, after, attributes };
    if (attributes.includes('value')) {
      const claims = tokenChanges(before.value, after.value);
      if (claims) change.tokenClaims = claims;
    }
    changed.push(change);
  }
  const s = diffBy(a.storage, b.storage, storageKey);
  const storageChanged: StorageChange[] = [];
  for (const [before, after] of s.pairs) {
    if (before.value === after.value) continue;
    const change: StorageChange = { before, after };
    const claims = tokenChanges(before.value, after.value);
    if (claims) change.tokenClaims = claims;
    storageChanged.push(change);
  }
  return {
    cookies: { added: c.added, removed: c.removed, changed },
    storage: { added: s.added, removed: s.removed, changed: storageChanged },
  };
}

/** The writes that make the jar hold `target`'s cookies: set what is missing or different, remove the rest. */
export function restorePlan(
  current: readonly CookieRecord[],
  target: readonly CookieRecord[],
): { set: CookieRecord[]; remove: CookieRecord[] } {
  const d = diffSnapshots({ cookies: current, storage: [] }, { cookies: target, storage: [] });
  return { set: [...d.cookies.added, ...d.cookies.changed.map((x) => x.after)], remove: d.cookies.removed };
}
