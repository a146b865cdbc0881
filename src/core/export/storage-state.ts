import type { CookieBase, CookieRecord, SameSite } from '../cookie/cookie-record';
import { storedDomain } from '../cookie/stored-domain';
import { isJsonObject } from '../decode/json';
import type { JsonObject } from '../decode/jwt-types';
import { readCommonCookieFields, type EntryReader } from './entry-fields';
import { cookiesCount, type ExportResult } from './export-result';
import {
  createCollector,
  arrayPlace,
  IMPORT_LIMITS,
  refused,
  type OriginStorage,
  type WebStorageItem,
  jsonImport,
  type ImportOptions,
} from './import-result';

/**
 * Playwright's `storageState` (`browserContext.storageState()`, `newContext({ storageState })`): cookies with
 * `expires` in Unix seconds (-1 for a session cookie), a leading dot on `domain` for a cookie sent to
 * subdomains, SameSite as "Strict" / "Lax" / "None", and each origin's localStorage.
 */
export type PlaywrightSameSite = 'Strict' | 'Lax' | 'None';

export interface PlaywrightCookie extends CookieBase {
  expires: number;
  httpOnly: boolean;
  secure: boolean;
  sameSite: PlaywrightSameSite;
  /** The top-level site of a partitioned cookie (Chromium). */
  partitionKey?: string;
}

export interface StorageState {
  cookies: PlaywrightCookie[];
  origins: OriginStorage[];
}

const TO_PLAYWRIGHT: Record<SameSite, PlaywrightSameSite> = {
  strict: 'Strict',
  lax: 'Lax',
  no_restriction: 'None',
  // Playwright has no "unspecified"; browsers treat a cookie without SameSite as Lax.
  unspecified: 'Lax',
};
const FROM_PLAYWRIGHT: Record<PlaywrightSameSite, SameSite> = { Strict: 'strict', Lax: 'lax', None: 'no_restriction' };

function playwrightCookie(c: CookieRecord): PlaywrightCookie {
  const out: PlaywrightCookie = {
    name: c.name,
    value: c.value,
    domain: storedDomain(c.domain, c.hostOnly),
    path: c.path,
    expires: c.browserSession || c.expirationDate === undefined ? -1 : c.expirationDate,
    httpOnly: c.httpOnly,
    secure: c.secure,
    sameSite: TO_PLAYWRIGHT[c.sameSite],
  };
  if (c.partitionKey?.topLevelSite !== undefined) out.partitionKey = c.partitionKey.topLevelSite;
  return out;
}

export function writeStorageState(cookies: readonly CookieRecord[], origins: readonly OriginStorage[]): ExportResult {
  const state: StorageState = {
    cookies: cookies.map(playwrightCookie),
    origins: origins.map((o) => ({ origin: o.origin, localStorage: o.localStorage.map((i) => ({ ...i })) })),
  };
  const notRepresented: string[] = [];
  const unspecified = cookies.filter((c) => c.sameSite === 'unspecified').length;
  if (unspecified > 0) {
    notRepresented.push(`SameSite of ${cookiesCount(unspecified)} is not set: written as "Lax", what browsers apply`);
  }
  const crossSite = cookies.filter((c) => c.partitionKey?.hasCrossSiteAncestor !== undefined).length;
  if (crossSite > 0) notRepresented.push(`the cross-site-ancestor bit of ${cookiesCount(crossSite)}'s partition`);
  if (new Set(cookies.map((c) => c.storeId)).size > 1) notRepresented.push('the cookie store: storageState has one');
  return { text: `${JSON.stringify(state, null, 2)}\n`, notRepresented, count: cookies.length };
}

function readCookie(r: EntryReader, entry: JsonObject, storeId: string): CookieRecord | string {
  const expires = r.optionalNumber('expires');
  const c: CookieRecord = {
    ...readCommonCookieFields(r, (domain) => !domain.startsWith('.')),
    sameSite: FROM_PLAYWRIGHT[r.oneOf('sameSite', ['Lax', 'Strict', 'None'] as const, 'Lax')],
    browserSession: expires === undefined || expires < 0,
    storeId,
  };
  if (r.problem) return r.problem;
  if (!c.browserSession) c.expirationDate = expires;
  const pk = entry.partitionKey;
  if (typeof pk === 'string') c.partitionKey = { topLevelSite: pk };
  else if (isJsonObject(pk) && typeof pk.topLevelSite === 'string') c.partitionKey = { topLevelSite: pk.topLevelSite };
  else if (pk !== undefined && pk !== null) return '"partitionKey" should be the top-level site, a string';
  return c;
}

function readOrigin(entry: unknown, budget: { items: number }): OriginStorage | string {
  if (!isJsonObject(entry)) return 'not a JSON object';
  if (typeof entry.origin !== 'string') return '"origin" should be a string';
  const list = entry.localStorage ?? [];
  if (!Array.isArray(list)) return '"localStorage" should be an array';
  const localStorage: WebStorageItem[] = [];
  for (const item of list) {
    if (!isJsonObject(item) || typeof item.name !== 'string' || typeof item.value !== 'string') {
      return 'each localStorage item should be { "name": string, "value": string }';
    }
    if (budget.items >= IMPORT_LIMITS.maxStorageItems)
      return `more than ${IMPORT_LIMITS.maxStorageItems} storage items`;
    budget.items += 1;
    localStorage.push({ name: item.name, value: item.value });
  }
  return { origin: entry.origin, localStorage };
}

export const parseStorageState = jsonImport('storage-state', (doc, options: ImportOptions) => {
  if (!isJsonObject(doc)) return refused('storage-state', 'not a JSON object');
  const cookies = doc.cookies ?? [];
  const origins = doc.origins ?? [];
  if (!Array.isArray(cookies)) return refused('storage-state', '"cookies" should be an array');
  if (!Array.isArray(origins)) return refused('storage-state', '"origins" should be an array');
  const out = createCollector();
  out.addEntries(cookies, (r, entry) => readCookie(r, entry, options.storeId), arrayPlace('cookies'));
  const budget = { items: 0 };
  for (let i = 0; i < origins.length; i++) {
    const o = readOrigin(origins[i], budget);
    if (typeof o === 'string') out.problem(`origins[${i}]`, o);
    else if (!out.addOrigin(o)) {
      out.problem('input', `more than ${IMPORT_LIMITS.maxOrigins} origins: the rest were not read`);
      break;
    }
  }
  return out.finish('storage-state');
});
