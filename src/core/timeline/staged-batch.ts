import type { CookieRecord, PartitionKey, SameSite } from '../cookie/cookie-record';
import type { LogCause, TimedChange } from './change-log-entry';
import { pickCutLengths } from './cut-lengths';
import { hasFieldTypes, parseJsonUnbounded } from '../decode/json';
import { isCookieLike } from './known-jar';

/** One batch of changes a worker instance staged under `key` (see stage-key.ts). */
export interface StagedBatch {
  key: string;
  changes: readonly TimedChange[];
  /** How many folds of this batch storage has refused (in memory only). */
  refusals?: number;
}

const CAUSES: ReadonlySet<string> = new Set<LogCause>([
  'evicted',
  'expired',
  'explicit',
  'expired_overwrite',
  'overwrite',
  'unobserved',
  'protected',
  'blocked',
  'edited',
]);

function isChange(v: unknown): v is TimedChange {
  return (
    hasFieldTypes(v, { time: 'number', removed: 'boolean', cause: 'string' }) &&
    CAUSES.has(v.cause as string) &&
    isCookieLike(v.cookie)
  );
}

const HOST_ONLY = 1;
const SECURE = 2;
const HTTP_ONLY = 4;
const BROWSER_SESSION = 8;

/**
 * A change as it is staged: a flat array of primitives rather than nested objects. The write is issued inside
 * the listener, and the worker converts what it writes for the browser process before it can take the next
 * event: the flatter the value, the sooner it does, and the fewer events a stop finds still queued.
 * `[time, cause, removed, name, value, domain, path, flags, sameSite, storeId, expiry|null, partition|null,
 * cut lengths|null]`.
 */
export function packChange(c: TimedChange): unknown[] {
  const k = c.cookie;
  const flags =
    (k.hostOnly ? HOST_ONLY : 0) |
    (k.secure ? SECURE : 0) |
    (k.httpOnly ? HTTP_ONLY : 0) |
    (k.browserSession ? BROWSER_SESSION : 0);
  const cut = pickCutLengths(c);
  return [
    c.time,
    c.cause,
    c.removed ? 1 : 0,
    k.name,
    k.value,
    k.domain,
    k.path,
    flags,
    k.sameSite,
    k.storeId,
    k.expirationDate ?? null,
    k.partitionKey ?? null,
    Object.keys(cut).length > 0 ? cut : null,
  ];
}

const SAME_SITE: ReadonlySet<string> = new Set<SameSite>(['no_restriction', 'lax', 'strict', 'unspecified']);

function unpackChange(a: readonly unknown[]): TimedChange | undefined {
  const [time, cause, removed, name, value, domain, path, flags, sameSite, storeId, expiry, partition, cut] = a;
  if (
    typeof time !== 'number' ||
    typeof cause !== 'string' ||
    !CAUSES.has(cause) ||
    typeof name !== 'string' ||
    typeof value !== 'string' ||
    typeof domain !== 'string' ||
    typeof path !== 'string' ||
    typeof flags !== 'number' ||
    typeof sameSite !== 'string' ||
    !SAME_SITE.has(sameSite) ||
    typeof storeId !== 'string'
  ) {
    return undefined;
  }
  const cookie: CookieRecord = {
    name,
    value,
    domain,
    path,
    hostOnly: (flags & HOST_ONLY) !== 0,
    secure: (flags & SECURE) !== 0,
    httpOnly: (flags & HTTP_ONLY) !== 0,
    sameSite: sameSite as SameSite,
    browserSession: (flags & BROWSER_SESSION) !== 0,
    storeId,
  };
  if (typeof expiry === 'number') cookie.expirationDate = expiry;
  if (typeof partition === 'object' && partition !== null) {
    const pk = partition as Record<string, unknown>;
    const key: PartitionKey = {};
    if (typeof pk.topLevelSite === 'string') key.topLevelSite = pk.topLevelSite;
    if (typeof pk.hasCrossSiteAncestor === 'boolean') key.hasCrossSiteAncestor = pk.hasCrossSiteAncestor;
    cookie.partitionKey = key;
  }
  const lengths = typeof cut === 'object' && cut !== null ? pickCutLengths(cut) : {};
  return { time, cause: cause as LogCause, removed: removed === 1, cookie, ...lengths };
}

/**
 * A batch as it is staged: its packed changes as one JSON string. Like a chunk (see encodeChunk), a string is
 * far cheaper for the worker to hand to storage than an array it must convert element by element, and the
 * staging write is issued on the listener's path.
 */
export function encodeStagedBatch(changes: readonly TimedChange[]): string {
  return JSON.stringify(changes.map(packChange));
}

/**
 * The changes of a stored staged batch, read defensively: encoded (see encodeStagedBatch), an array of packed
 * changes, or objects as older versions staged them. `undefined` when the key holds no batch: it was marked
 * folded, or is malformed; either way there is nothing left to fold, only the key to remove.
 */
export function parseStagedBatch(stored: unknown): TimedChange[] | undefined {
  const value = typeof stored === 'string' ? parseJsonUnbounded(stored) : stored;
  if (!Array.isArray(value)) return undefined;
  const out: TimedChange[] = [];
  for (const item of value) {
    const change = Array.isArray(item) ? unpackChange(item) : isChange(item) ? item : undefined;
    if (change !== undefined) out.push(change);
  }
  return out;
}
