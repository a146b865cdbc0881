import { recordFields, type CookieRecord } from '../cookie/cookie-record';
import { hasFieldTypes, isJsonObject } from '../decode/json';
import type { CookieWriteOp } from './apply-cookie-writes';

const SAME_SITE = new Set(['no_restriction', 'lax', 'strict', 'unspecified']);

/** Every field a CookieRecord always has, with its type. */
const RECORD_FIELDS = {
  name: 'string',
  value: 'string',
  domain: 'string',
  path: 'string',
  hostOnly: 'boolean',
  secure: 'boolean',
  httpOnly: 'boolean',
  sameSite: 'string',
  browserSession: 'boolean',
  storeId: 'string',
} as const;

/** A cookie as a message carries it: every field of CookieRecord with its type, or null. */
export function parseCookieRecord(v: unknown): CookieRecord | null {
  if (!hasFieldTypes(v, RECORD_FIELDS) || !SAME_SITE.has(v.sameSite as string)) return null;
  const c = v as unknown as CookieRecord;
  const out = recordFields(c, c.browserSession);
  if (typeof v.expirationDate === 'number' && Number.isFinite(v.expirationDate)) out.expirationDate = v.expirationDate;
  const pk = v.partitionKey;
  if (isJsonObject(pk)) {
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
