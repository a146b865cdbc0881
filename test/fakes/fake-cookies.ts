import type { Cookies } from 'webextension-polyfill';
import { FakeEvent } from './fake-event';

type Cause = Cookies.OnChangedCause;
export type ChangeInfo = { removed: boolean; cookie: Cookies.Cookie; cause: Cause };

interface PartitionKeyLike {
  topLevelSite?: string;
  hasCrossSiteAncestor?: boolean;
}

export interface SetDetails {
  url: string;
  name?: string;
  value?: string;
  domain?: string;
  path?: string;
  secure?: boolean;
  httpOnly?: boolean;
  sameSite?: Cookies.SameSiteStatus;
  /** Seconds since the epoch; absent makes a session cookie. */
  expirationDate?: number;
  storeId?: string;
  partitionKey?: PartitionKeyLike;
}

export interface GetAllDetails {
  url?: string;
  name?: string;
  domain?: string;
  path?: string;
  secure?: boolean;
  session?: boolean;
  storeId?: string;
  partitionKey?: PartitionKeyLike;
}

function hostMatches(host: string, domain: string, hostOnly: boolean): boolean {
  const d = domain.replace(/^\./, '').toLowerCase();
  const h = host.toLowerCase();
  return h === d || (!hostOnly && h.endsWith('.' + d));
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  return (
    requestPath.startsWith(cookiePath) && (cookiePath.endsWith('/') || requestPath.charAt(cookiePath.length) === '/')
  );
}

function partitionId(pk: PartitionKeyLike | undefined): string {
  return pk ? `${pk.topLevelSite ?? ''}|${pk.hasCrossSiteAncestor === true ? 1 : 0}` : '';
}

/** The identity the browsers use: name, domain, path, store and partition. */
export function fakeCookieId(c: Cookies.Cookie): string {
  return JSON.stringify([c.name, c.domain.toLowerCase(), c.path, c.storeId, partitionId(c.partitionKey)]);
}

/**
 * A cookie jar with Chromium's `cookies.onChanged` semantics:
 * - a new cookie: `{removed: false, cause: 'explicit'}`;
 * - replacing one with the same identity: first `{removed: true, cause: 'overwrite'}` for the old one, then
 *   the new one as `explicit`;
 * - setting one with an expiry in the past: the existing cookie of that identity goes with
 *   `{removed: true, cause: 'expired_overwrite'}`, and nothing is stored (no event when there was none);
 * - `remove`: `{removed: true, cause: 'explicit'}`;
 * - `expireDue()`: cookies whose expiry has passed on the fake's clock go with `cause: 'expired'`;
 * - `evict()`: `cause: 'evicted'`.
 */
export class FakeCookies {
  readonly onChanged = new FakeEvent<(info: ChangeInfo) => void>();
  /** The store id cookies get when `set` names none (Chromium: "0", Firefox: "firefox-default"). */
  defaultStoreId = '0';
  /** Like old Firefox: `getAll` with a `partitionKey` throws, to exercise the retry without it. */
  rejectPartitionKey = false;
  /** The clock that decides what has expired, in milliseconds. */
  now: () => number = () => Date.now();
  /**
   * Whether the extension may read cookies of this host (no leading dot): the browser lists only those. The fake
   * browser (index.ts) asks its permissions; on its own, every host.
   */
  mayRead: (host: string) => boolean = () => true;
  private readonly jar = new Map<string, Cookies.Cookie>();

  reset(): void {
    this.jar.clear();
    this.onChanged.clear();
    this.defaultStoreId = '0';
    this.rejectPartitionKey = false;
    this.storeTabs = new Map();
    this.now = () => Date.now();
  }

  /** Every stored cookie, copied. */
  all(): Cookies.Cookie[] {
    return [...this.jar.values()].map((c) => structuredClone(c));
  }

  async set(details: SetDetails): Promise<Cookies.Cookie> {
    const url = new URL(details.url);
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const hostOnly = details.domain === undefined;
    const bare = (details.domain ?? host).replace(/^\./, '').toLowerCase();
    if (!hostMatches(host, bare, false)) {
      throw new Error(`Failed to parse or set cookie named "${details.name ?? ''}": domain ${bare} vs ${host}.`);
    }
    const cookie: Cookies.Cookie = {
      name: details.name ?? '',
      value: details.value ?? '',
      domain: hostOnly ? host : '.' + bare,
      hostOnly,
      // cookies.set, unlike a Set-Cookie header, defaults the path to the URL's whole path (Chromium and Firefox docs).
      path: details.path ?? (url.pathname || '/'),
      secure: details.secure ?? false,
      httpOnly: details.httpOnly ?? false,
      sameSite: details.sameSite ?? 'unspecified',
      session: details.expirationDate === undefined,
      storeId: details.storeId ?? this.defaultStoreId,
      firstPartyDomain: '',
    };
    if (details.expirationDate !== undefined) cookie.expirationDate = details.expirationDate;
    if (details.partitionKey !== undefined) cookie.partitionKey = { ...details.partitionKey };
    const id = fakeCookieId(cookie);
    const old = this.jar.get(id);
    if (details.expirationDate !== undefined && details.expirationDate * 1000 <= this.now()) {
      if (old) this.drop(id, old, 'expired_overwrite');
      return structuredClone(cookie);
    }
    if (old) this.drop(id, old, 'overwrite');
    this.jar.set(id, cookie);
    this.onChanged.fire({ removed: false, cookie: structuredClone(cookie), cause: 'explicit' });
    return structuredClone(cookie);
  }

  async remove(details: {
    url: string;
    name: string;
    storeId?: string;
    partitionKey?: PartitionKeyLike;
  }): Promise<{ url: string; name: string; storeId: string } | null> {
    const storeId = details.storeId ?? this.defaultStoreId;
    const filter: GetAllDetails = { url: details.url, name: details.name, storeId };
    // Like the browser: the partition given picks the cookie (unpartitioned when none is given).
    if (details.partitionKey !== undefined) filter.partitionKey = details.partitionKey;
    const hits = this.matching(filter).filter((c) => partitionId(c.partitionKey) === partitionId(details.partitionKey));
    for (const c of hits) this.drop(fakeCookieId(c), c, 'explicit');
    return hits.length > 0 ? { url: details.url, name: details.name, storeId } : null;
  }

  async get(details: { url: string; name: string; storeId?: string }): Promise<Cookies.Cookie | null> {
    const hits = this.matching({ ...details, storeId: details.storeId ?? this.defaultStoreId });
    hits.sort((a, b) => b.path.length - a.path.length);
    return hits[0] ? structuredClone(hits[0]) : null;
  }

  /**
   * Chromium's filters: `domain` matches that domain and its subdomains; without `partitionKey` only
   * unpartitioned cookies, with `{}` those of every partition, with a `topLevelSite` that partition too.
   */
  async getAll(details: GetAllDetails = {}): Promise<Cookies.Cookie[]> {
    if (details.partitionKey !== undefined && this.rejectPartitionKey) {
      throw new Error('Type error for parameter details: Unexpected property "partitionKey".');
    }
    return this.matching(details)
      .filter((c) => this.mayRead(c.domain.replace(/^\./, '')))
      .map((c) => structuredClone(c));
  }

  /** What `getAllCookieStores` lists: the default store first, then these, with the tabs each holds. */
  storeTabs = new Map<string, number[]>();

  async getAllCookieStores(): Promise<{ id: string; tabIds: number[] }[]> {
    const defaultTabs = this.storeTabs.get(this.defaultStoreId) ?? [];
    const others = [...this.storeTabs].filter(([id]) => id !== this.defaultStoreId);
    return [
      { id: this.defaultStoreId, tabIds: [...defaultTabs] },
      ...others.map(([id, tabIds]) => ({ id, tabIds: [...tabIds] })),
    ];
  }

  /** Removes every cookie whose expiry has passed on `now()`, with cause `expired`. */
  expireDue(): number {
    const due = [...this.jar].filter(
      ([, c]) => c.expirationDate !== undefined && c.expirationDate * 1000 <= this.now(),
    );
    for (const [id, c] of due) this.drop(id, c, 'expired');
    return due.length;
  }

  /** Evicts one cookie as the browser does when a domain has too many. */
  evict(match: { name: string; domain: string; path?: string }): boolean {
    for (const [id, c] of this.jar) {
      if (c.name === match.name && c.domain === match.domain && (match.path === undefined || c.path === match.path)) {
        this.drop(id, c, 'evicted');
        return true;
      }
    }
    return false;
  }

  private drop(id: string, cookie: Cookies.Cookie, cause: Cause): void {
    this.jar.delete(id);
    this.onChanged.fire({ removed: true, cookie: structuredClone(cookie), cause });
  }

  private matching(d: GetAllDetails): Cookies.Cookie[] {
    const url = d.url !== undefined ? new URL(d.url) : undefined;
    const urlHost = url?.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const wantDomain = d.domain?.replace(/^\./, '').toLowerCase();
    return [...this.jar.values()].filter((c) => {
      if (d.name !== undefined && c.name !== d.name) return false;
      if (d.storeId !== undefined && c.storeId !== d.storeId) return false;
      if (d.path !== undefined && c.path !== d.path) return false;
      if (d.secure !== undefined && c.secure !== d.secure) return false;
      if (d.session !== undefined && c.session !== d.session) return false;
      if (wantDomain !== undefined && !hostMatches(c.domain.replace(/^\./, ''), wantDomain, false)) return false;
      if (url && urlHost !== undefined) {
        if (!hostMatches(urlHost, c.domain, c.hostOnly)) return false;
        if (!pathMatches(url.pathname || '/', c.path)) return false;
        if (c.secure && url.protocol !== 'https:') return false;
      }
      if (d.partitionKey === undefined) return c.partitionKey === undefined;
      if (d.partitionKey.topLevelSite === undefined) return true;
      return c.partitionKey === undefined || c.partitionKey.topLevelSite === d.partitionKey.topLevelSite;
    });
  }
}
