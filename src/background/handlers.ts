import { parseBlockRules } from '../core/edit/block-rule';
import { parseCookieRecord, parseWriteOps } from '../core/edit/parse-write-ops';
import type { CookieRecord } from '../core/cookie/cookie-record';
import { errorText } from '../core/error-text';
import { pageUrlsOf } from '../core/network/page-urls-script';
import type { Handlers, TabCookiesResult } from '../protocol/messages';
import { MAX_THIRD_PARTY_SITES } from '../core/cookie/third-party';
import type { FrameUrlsAnswer } from '../platform/scripting';
import type { ChangeLog } from './change-log';
import type { Guard } from './protect-rules';
import type { CookieWrites } from './undo-stack';

export interface HandlerDeps {
  log: Pick<ChangeLog, 'query' | 'clear'>;
  loadTabCookies: (tabId: number) => Promise<TabCookiesResult>;
  /** When this worker instance started: pages (and tests) see a restart as a new value. */
  startedAt: number;
  /** Cookie events handed to the listener since this instance started, each with its staging write issued. */
  received: () => number;
  writes: Pick<CookieWrites, 'write' | 'undo' | 'state'>;
  guard: Pick<Guard, 'state' | 'setProtected' | 'setBlockRules'>;
  /** For pages without a `cookies` API (Firefox's DevTools panels). */
  cookies: {
    site: (host: string, storeId: string | undefined) => Promise<CookieRecord[]>;
    sites: (hosts: readonly string[], storeId: string | undefined) => Promise<CookieRecord[]>;
    all: () => Promise<CookieRecord[]>;
  };
  /** What the page-URL script answered in each frame of the tab (unchecked: the page wrote it). */
  readFrameUrls: (tabId: number) => Promise<FrameUrlsAnswer>;
}

/**
 * The read a `readCookies` request asks for (unchecked: a page sent it), or undefined when it names no site: a host
 * is a non-empty string, and `sites` lists 1 to MAX_THIRD_PARTY_SITES of them.
 */
function cookieRead(request: unknown, cookies: HandlerDeps['cookies']): (() => Promise<CookieRecord[]>) | undefined {
  const data = (typeof request === 'object' && request !== null ? request : {}) as Record<string, unknown>;
  if (data.scope === 'all') return () => cookies.all();
  const storeId = typeof data.storeId === 'string' ? data.storeId : undefined;
  const { host, hosts } = data;
  if (data.scope === 'site' && isHost(host)) return () => cookies.site(host, storeId);
  if (data.scope !== 'sites' || !Array.isArray(hosts)) return undefined;
  if (hosts.length === 0 || hosts.length > MAX_THIRD_PARTY_SITES || !hosts.every(isHost)) return undefined;
  return () => cookies.sites(hosts as string[], storeId);
}

const isHost = (v: unknown): v is string => typeof v === 'string' && v !== '';

/** Labels are page text shown back to the user: bounded. */
function label(v: unknown): string {
  return typeof v === 'string' && v !== '' ? v.slice(0, 200) : 'change';
}

function optionalNumber(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/**
 * The answers to every message in the protocol map; `Handlers` makes a missing one a compile error. The
 * payloads come from our own pages (the platform `listen` checks the sender) but are still read defensively,
 * since a bad payload must give a clear answer rather than a TypeError deep inside.
 */
export function createHandlers<Sender>(deps: HandlerDeps): Handlers<Sender> {
  return {
    ping: async () => ({ ok: true, startedAt: deps.startedAt, received: deps.received() }),
    getTabCookies: async (data) => {
      const tabId = optionalNumber(data?.tabId);
      if (tabId === undefined) return { ok: false, reason: 'no-tab' };
      return deps.loadTabCookies(tabId);
    },
    getChangeLog: async (data) => {
      const site = typeof data?.site === 'string' && data.site !== '' ? data.site : undefined;
      const afterSeq = optionalNumber(data?.afterSeq);
      const storeId = typeof data?.storeId === 'string' ? data.storeId : undefined;
      const result = await deps.log.query({
        ...(site !== undefined ? { site } : {}),
        ...(afterSeq !== undefined ? { afterSeq } : {}),
      });
      if (storeId === undefined) return result;
      return { ...result, entries: result.entries.filter((e) => e.cookie.storeId === storeId) };
    },
    clearChangeLog: async () => ({ ok: true, cleared: await deps.log.clear() }),
    writeCookies: async (data) => {
      const ops = parseWriteOps(data?.ops);
      if (!ops) return { ok: true, results: [], undoable: false };
      return deps.writes.write(ops, label(data?.label));
    },
    undoLast: async () => deps.writes.undo(),
    getUndoState: async () => deps.writes.state(),
    getGuards: async () => deps.guard.state(),
    setProtected: async (data) => {
      const cookie = parseCookieRecord(data?.cookie);
      if (!cookie) return deps.guard.state();
      return deps.guard.setProtected(cookie, data.protect === true);
    },
    setBlockRules: async (data) => deps.guard.setBlockRules(parseBlockRules(data?.rules)),
    getPageUrls: async (data) => {
      const tabId = optionalNumber(data?.tabId);
      if (tabId === undefined) return { ok: false, reason: 'no-tab' };
      const r = await deps.readFrameUrls(tabId);
      if (r.ok) return { ok: true, urls: pageUrlsOf(r.frames) };
      return r.reason === 'error' ? { ...r, error: r.error.slice(0, 500) } : r;
    },
    readCookies: async (data) => {
      const read = cookieRead(data, deps.cookies);
      if (read === undefined) return { ok: false, error: 'no site to read the cookies of' };
      try {
        return { ok: true, cookies: await read() };
      } catch (e) {
        return { ok: false, error: errorText(e) };
      }
    },
  };
}
