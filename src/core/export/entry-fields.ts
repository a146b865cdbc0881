import type { CookieRecord } from '../cookie/cookie-record';
import { storedDomain } from '../cookie/stored-domain';
import type { JsonObject } from '../decode/jwt-types';

function show(v: unknown): string {
  if (v === undefined) return 'missing';
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = typeof v;
  }
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/**
 * Typed reads of one imported JSON entry. A read that fails records the first reason (naming the field) and
 * returns a placeholder; the caller checks `problem` once and drops the whole entry, so a bad entry is never
 * half-imported.
 */
export class EntryReader {
  problem: string | null = null;

  constructor(private readonly o: JsonObject) {}

  private fail(key: string, expected: string): void {
    this.problem ??= `"${key}" should be ${expected}, is ${show(this.o[key])}`;
  }

  string(key: string, fallback?: string): string {
    const v = this.o[key];
    if (typeof v === 'string') return v;
    if (v === undefined && fallback !== undefined) return fallback;
    this.fail(key, 'a string');
    return '';
  }

  boolean(key: string, fallback?: boolean): boolean {
    const v = this.o[key];
    if (typeof v === 'boolean') return v;
    if ((v === undefined || v === null) && fallback !== undefined) return fallback;
    this.fail(key, 'true or false');
    return false;
  }

  /** A finite number, or `undefined` when absent or null. */
  optionalNumber(key: string): number | undefined {
    const v = this.o[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    this.fail(key, 'a number');
    return undefined;
  }

  /** One of `allowed`; absent or null gives `fallback` when there is one. */
  oneOf<T extends string>(key: string, allowed: readonly T[], fallback?: T): T {
    const v = this.o[key];
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    if ((v === undefined || v === null) && fallback !== undefined) return fallback;
    this.fail(key, `one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
    return allowed[0]!;
  }
}

/**
 * The fields every JSON cookie format names alike (Cookie-Editor, storageState): name, value, domain and path,
 * Secure and HttpOnly (false when absent). `hostOnly` decides how the domain is stored.
 */
export function readCommonCookieFields(
  r: EntryReader,
  hostOnly: (domain: string) => boolean,
): Pick<CookieRecord, 'name' | 'value' | 'domain' | 'path' | 'hostOnly' | 'secure' | 'httpOnly'> {
  const domain = r.string('domain');
  const only = hostOnly(domain);
  if (domain.replace(/^\.+/, '') === '') r.problem ??= '"domain" is empty';
  return {
    name: r.string('name'),
    value: r.string('value'),
    domain: storedDomain(domain, only),
    path: r.string('path', '/'),
    hostOnly: only,
    secure: r.boolean('secure', false),
    httpOnly: r.boolean('httpOnly', false),
  };
}

/**
 * Gives an imported cookie that is not a session cookie its expiry, which it then must have; returns why it
 * cannot, or null.
 */
export function setImportedExpiry(c: CookieRecord, expiry: number | undefined): string | null {
  if (c.browserSession) return null;
  if (expiry === undefined) return '"expirationDate" is missing for a cookie that is not a session cookie';
  c.expirationDate = expiry;
  return null;
}
