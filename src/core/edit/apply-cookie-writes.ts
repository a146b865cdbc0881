import { changedAttributes, type CookieAttribute } from '../cookie/changed-attributes';
import { cookieKey } from '../cookie/cookie-key';
import type { CookieRecord } from '../cookie/cookie-record';
import { storedDomain } from '../cookie/stored-domain';
import type { UndoEntry } from './undo-record';

/**
 * One write: set a cookie exactly as given (every attribute, its store and partition), or remove the cookie
 * with this identity. `replaces`: the cookie an edit started from; when the edit changed its identity (a new
 * name, domain, path, store or partition) the old one is removed once the new one is stored, never before.
 */
export type CookieWriteOp =
  { kind: 'set'; cookie: CookieRecord; replaces?: CookieRecord } | { kind: 'remove'; cookie: CookieRecord };

/**
 * What the browser actually did with one op, read back from the jar (`now`: the cookie with the op's identity
 * afterwards, null when there is none). Reasons and data only; the views put them in words.
 * - `written`: the jar holds what was asked (for a remove: nothing with that identity).
 * - `changed`: stored, but the browser changed `differs` (e.g. it dropped an expiry beyond its cap).
 * - `refused`, `reason`:
 *   `browser`: the API threw or answered nothing (`error`: its own text);
 *   `not-stored`: the API answered, yet no cookie with that identity is in the jar;
 *   `not-removed`: the cookie is still there after the remove.
 * `restored`: same-named cookies the browser also removed (a remove goes by URL and name, and so can take the
 * cookie on a parent path or domain) which were put back; `lost`: those that could not be. `kept`: for an edit
 * that changed identity, the old cookie the browser would not remove (both are in the jar now).
 */
export type WriteOutcome = (
  | { outcome: 'written' }
  | { outcome: 'changed'; differs: CookieAttribute[] }
  | { outcome: 'refused'; reason: 'browser'; error: string }
  | { outcome: 'refused'; reason: 'not-stored' | 'not-removed' }
) & { now: CookieRecord | null; restored?: CookieRecord[]; lost?: CookieRecord[]; kept?: CookieRecord };

export type CookieWriteResult = WriteOutcome & { op: CookieWriteOp };

/** What the browser said to one API call, with the jar read back afterwards (see platform/cookie-write). */
export type WriteAnswer =
  | { ok: true; returned: CookieRecord | boolean | null; now: CookieRecord | null }
  | { ok: false; error: string; now: CookieRecord | null };

/** The browser, injected: the platform's wrappers in the extension, the in-memory fake in tests. */
export interface CookieWriteDeps {
  set(c: CookieRecord): Promise<WriteAnswer>;
  remove(c: CookieRecord): Promise<WriteAnswer>;
  /** The cookie with exactly this identity, or null. */
  read(c: CookieRecord): Promise<CookieRecord | null>;
  /** The same-named cookies of this store and partition on related domains (the cookie included). */
  readSameName(c: CookieRecord): Promise<CookieRecord[]>;
}

export interface AppliedWrites {
  /** One per op, in order. */
  results: CookieWriteResult[];
  /** Exactly what each touched identity held before and after, for an undo record. */
  entries: UndoEntry[];
}

/** The domain as the store keeps it, so the read-back finds the cookie under the identity the browser gives it. */
function normalized(c: CookieRecord): CookieRecord {
  return { ...c, domain: storedDomain(c.domain, c.hostOnly) };
}

function sameRecord(a: CookieRecord | null, b: CookieRecord | null): boolean {
  if (a === null || b === null) return a === b;
  return cookieKey(a) === cookieKey(b) && changedAttributes(a, b).length === 0;
}

async function safeRead(deps: CookieWriteDeps, c: CookieRecord): Promise<CookieRecord | null> {
  try {
    return await deps.read(c);
  } catch {
    return null;
  }
}

async function safeSameName(deps: CookieWriteDeps, c: CookieRecord): Promise<CookieRecord[]> {
  try {
    return await deps.readSameName(c);
  } catch {
    return [];
  }
}

async function setOne(deps: CookieWriteDeps, cookie: CookieRecord): Promise<WriteOutcome> {
  const answer = await deps.set(cookie);
  if (!answer.ok) return { outcome: 'refused', reason: 'browser', error: answer.error, now: answer.now };
  if (answer.now === null) return { outcome: 'refused', reason: 'not-stored', now: null };
  const differs = changedAttributes(answer.now, cookie);
  return differs.length > 0
    ? { outcome: 'changed', differs, now: answer.now }
    : { outcome: 'written', now: answer.now };
}

/**
 * Removes exactly one identity. Before the call it notes the same-named cookies around it; any of them that is
 * gone afterwards was taken by the browser's URL-and-name match, and is set back exactly as it was.
 */
async function removeOne(deps: CookieWriteDeps, cookie: CookieRecord): Promise<WriteOutcome> {
  const key = cookieKey(cookie);
  const around = (await safeSameName(deps, cookie)).filter((c) => cookieKey(c) !== key);
  const answer = await deps.remove(cookie);
  const base: WriteOutcome = !answer.ok
    ? { outcome: 'refused', reason: 'browser', error: answer.error, now: answer.now }
    : answer.now !== null
      ? { outcome: 'refused', reason: 'not-removed', now: answer.now }
      : { outcome: 'written', now: null };
  if (around.length === 0) return base;
  const left = new Set((await safeSameName(deps, cookie)).map(cookieKey));
  const restored: CookieRecord[] = [];
  const lost: CookieRecord[] = [];
  for (const c of around) {
    if (left.has(cookieKey(c))) continue;
    const back = await setOne(deps, c);
    (back.outcome === 'refused' ? lost : restored).push(c);
  }
  return {
    ...base,
    ...(restored.length > 0 ? { restored } : {}),
    ...(lost.length > 0 ? { lost } : {}),
  };
}

/**
 * Applies the ops in order, each against its own domain, path, store and partition, and reports what the jar
 * holds afterwards, never an assumed success. Reads every touched identity first, so the entries say exactly
 * what was there before (for undo). Never throws: a failing read counts as "nothing there".
 */
export async function applyCookieWrites(ops: readonly CookieWriteOp[], deps: CookieWriteDeps): Promise<AppliedWrites> {
  const results: CookieWriteResult[] = [];
  const entries: UndoEntry[] = [];
  for (const op of ops) {
    const cookie = normalized(op.cookie);
    const before = await safeRead(deps, cookie);
    if (op.kind === 'remove') {
      const r = await removeOne(deps, cookie);
      results.push({ ...r, op });
      if (!sameRecord(before, r.now)) entries.push({ before, after: r.now });
      for (const c of r.restored ?? []) entries.push({ before: c, after: c });
      continue;
    }
    const r = await setOne(deps, cookie);
    if (!sameRecord(before, r.now)) entries.push({ before, after: r.now });
    const old = op.replaces ? normalized(op.replaces) : undefined;
    if (old && r.outcome !== 'refused' && cookieKey(old) !== cookieKey(cookie)) {
      const oldBefore = await safeRead(deps, old);
      const gone = await removeOne(deps, old);
      if (!sameRecord(oldBefore, gone.now)) entries.push({ before: oldBefore, after: gone.now });
      results.push({
        ...r,
        op,
        ...(gone.outcome === 'refused' && gone.now ? { kept: gone.now } : {}),
      });
      continue;
    }
    results.push({ ...r, op });
  }
  return { results, entries };
}
