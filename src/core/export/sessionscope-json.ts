import { cookieBase, cookieFlags, type CookieRecord, type PartitionKey, type SameSite } from '../cookie/cookie-record';
import { isJsonObject } from '../decode/json';
import type { JsonObject } from '../decode/jwt-types';
import { setImportedExpiry, type EntryReader } from './entry-fields';
import { partitionKeyJson, type PartitionKeyJson } from './partition-key-json';
import type { ExportResult } from './export-result';
import { arrayPlace, createCollector, refused, jsonImport } from './import-result';

/**
 * SessionScope's own cookie export (docs/export.md): lossless, every attribute of `cookies.Cookie` including
 * the store and the partition key. Within one schema version fields are only ever added.
 */
export const COOKIE_EXPORT_FORMAT = 'sessionscope-cookies';
export const COOKIE_EXPORT_SCHEMA = 1;

export const SAME_SITE_VALUES: readonly SameSite[] = ['no_restriction', 'lax', 'strict', 'unspecified'];

/** A CookieRecord in which what a cookie lacks is written as `null`, so every field is always present. */
export interface ExportedCookie extends Omit<CookieRecord, 'expirationDate' | 'partitionKey'> {
  /** Seconds since the epoch, fractions kept; `null` for a cookie that ends with the browser session. */
  expirationDate: number | null;
  partitionKey: PartitionKeyJson;
}

export interface CookieExport {
  format: typeof COOKIE_EXPORT_FORMAT;
  schema: typeof COOKIE_EXPORT_SCHEMA;
  generator: { name: 'SessionScope'; version: string };
  exportedAt: string;
  cookies: ExportedCookie[];
}

export interface CookieExportOptions {
  version: string;
  exportedAtMs: number;
}

function exported(c: CookieRecord): ExportedCookie {
  const session = c.browserSession || c.expirationDate === undefined;
  return {
    ...cookieBase(c),
    ...cookieFlags(c),
    browserSession: session,
    expirationDate: session ? null : (c.expirationDate ?? null),
    storeId: c.storeId,
    partitionKey: partitionKeyJson(c.partitionKey),
  };
}

export function writeCookieJson(cookies: readonly CookieRecord[], options: CookieExportOptions): ExportResult {
  const doc: CookieExport = {
    format: COOKIE_EXPORT_FORMAT,
    schema: COOKIE_EXPORT_SCHEMA,
    generator: { name: 'SessionScope', version: options.version },
    exportedAt: new Date(options.exportedAtMs).toISOString(),
    cookies: cookies.map(exported),
  };
  return { text: `${JSON.stringify(doc, null, 2)}\n`, notRepresented: [], count: cookies.length };
}

function readPartitionKey(v: unknown): PartitionKey | undefined | string {
  if (v === undefined || v === null) return undefined;
  if (!isJsonObject(v)) return '"partitionKey" should be an object or null';
  const pk: PartitionKey = {};
  if (typeof v.topLevelSite === 'string') pk.topLevelSite = v.topLevelSite;
  else if (v.topLevelSite !== undefined && v.topLevelSite !== null)
    return '"partitionKey.topLevelSite" should be a string or null';
  if (typeof v.hasCrossSiteAncestor === 'boolean') pk.hasCrossSiteAncestor = v.hasCrossSiteAncestor;
  else if (v.hasCrossSiteAncestor !== undefined && v.hasCrossSiteAncestor !== null)
    return '"partitionKey.hasCrossSiteAncestor" should be true, false or null';
  return pk;
}

/** One exported cookie back to a CookieRecord, or the reason it cannot be. */
export function readExportedCookie(r: EntryReader, entry: JsonObject): CookieRecord | string {
  const hostOnly = r.boolean('hostOnly');
  const c: CookieRecord = {
    name: r.string('name'),
    value: r.string('value'),
    domain: r.string('domain'),
    path: r.string('path'),
    hostOnly,
    secure: r.boolean('secure'),
    httpOnly: r.boolean('httpOnly'),
    sameSite: r.oneOf('sameSite', SAME_SITE_VALUES),
    browserSession: r.boolean('browserSession'),
    storeId: r.string('storeId'),
  };
  const expiry = r.optionalNumber('expirationDate');
  const invalid = r.problem ?? setImportedExpiry(c, expiry);
  if (invalid) return invalid;
  const pk = readPartitionKey(entry.partitionKey);
  if (typeof pk === 'string') return pk;
  if (pk) c.partitionKey = pk;
  return c;
}

export const parseCookieJson = jsonImport('sessionscope-json', (doc) => {
  if (!isJsonObject(doc)) return refused('sessionscope-json', 'not a JSON object');
  if (doc.format !== COOKIE_EXPORT_FORMAT) {
    return refused('sessionscope-json', `"format" should be "${COOKIE_EXPORT_FORMAT}"`);
  }
  if (typeof doc.schema !== 'number' || !Number.isInteger(doc.schema) || doc.schema < 1) {
    return refused('sessionscope-json', '"schema" should be a positive whole number');
  }
  if (doc.schema > COOKIE_EXPORT_SCHEMA) {
    return refused(
      'sessionscope-json',
      `schema ${doc.schema} is newer than this version of SessionScope reads (${COOKIE_EXPORT_SCHEMA})`,
    );
  }
  if (!Array.isArray(doc.cookies)) return refused('sessionscope-json', '"cookies" should be an array');
  const out = createCollector();
  out.addEntries(doc.cookies, readExportedCookie, arrayPlace('cookies'));
  return out.finish('sessionscope-json');
});
