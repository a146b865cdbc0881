import type { CookieRecord } from '../cookie/cookie-record';
import type { CookieWriteOp } from './apply-cookie-writes';

const SAME_SITE = new Set(['no_restriction', 'lax', 'strict', 'unspecified']);

/** A cookie as a message carries it: every field of CookieRecord with its type, or null. */
export function parseCookieRecord(v: unknown): CookieRecord | null {
  if (typeof v !== 'object' || v === null) return null;
  const c = v as Record<string, unknown>;
  if (
    typeof c.name !== 'string' ||
    typeof c.value !== 'string' ||
    typeof c.domain !== 'string' ||
    typeof c.path !== 'string' ||
    typeof c.hostOnly !== 'boolean' ||
    typeof c.secure !== 'boolean' ||
    typeof c.httpOnly !== 'boolean' ||
    typeof c.sameSite !== 'string' ||
    !SAME_SITE.has(c.sameSite) ||
    typeof c.browserSession !== 'boolean' ||
    typeof c.storeId !== 'string'
  ) {
    return null;
  }
  const out: CookieRecord = {
    name: c.name,
    value: c.value,
    domain: c.domain,
    path: c.path,
    hostOnly: c.hostOnly,
    secure: c.secure,
    httpOnly: c.httpOnly,
    sameSite: c.sameSite as CookieRecord['sameSite'],
    browserSession: c.browserSession,
    storeId: c.storeId,
  };
  if (typeof c.expirationDate === 'number' && Number.isFinite(c.expirationDate)) out.expirationDate = c.expirationDate;
  const pk = c.partitionKey as Record<string, unknown> | undefined | null;
  if (typeof pk === 'object' && pk !== null) {
    out.partitionKey = {};
    if (typeof pk.topLevelSite === 'string') out.partitionKey.topLevelSite = pk.topLevelSite;
    if (typeof pk.hasCrossSiteAncestor === 'boolean') out.partitionKey.hasCrossSiteAncestor = pk.hasCrossSiteAncestor;
  }
  return out;
}

/** The ops of a `writeCookies` message, or null when any of them is malformed (nothing is then written). */
export function parseWriteOps(value: unknown): CookieWriteOp[] | null {
  if (!Array.isArray(value)) return null;
  const out: CookieWriteOp[] = [];
  for (const v of value) {
    if (typeof v !== 'object' || v === null) return null;
    const o = v as Record<string, unknown>;
    const cookie = parseCookieRecord(o.cookie);
    if (!cookie) return null;
    if (o.kind === 'remove') out.push({ kind: 'remove', cookie });
    else if (o.kind === 'set') {
      if (o.replaces === undefined) out.push({ kind: 'set', cookie });
      else {
        const replaces = parseCookieRecord(o.replaces);
        if (!replaces) return null;
        out.push({ kind: 'set', cookie, replaces });
      }
    } else return null;
  }
  return out;
}
