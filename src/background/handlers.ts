import { parseBlockRules } from '../core/edit/block-rule';
import { parseCookieRecord, parseWriteOps } from '../core/edit/parse-write-ops';
import type { CookieRecord } from '../core/cookie/cookie-record';
import { errorText } from '../core/error-text';
import { pageUrlsOf } from '../core/network/page-urls-script';
import type { Handlers, TabCookiesResult } from '../protocol/messages';
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
  writes: CookieWrites;
  guard: Guard;
  /** For pages without a `cookies` API (Firefox's DevTools panels). */
  cookies: {
    site: (host: string, storeId: string | undefined) => Promise<CookieRecord[]>;
    all: () => Promise<CookieRecord[]>;
  };
  /** What the page-URL script answered in each frame of the tab (unchecked: the page wrote it). */
  readFrameUrls: (tabId: number) => Promise<FrameUrlsAnswer>;
}

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
      const host = data?.scope === 'site' && typeof data.host === 'string' ? data.host : undefined;
      if (data?.scope !== 'all' && host === undefined) return { ok: false, error: 'no site to read the cookies of' };
      const storeId = data?.scope === 'site' && typeof data.storeId === 'string' ? data.storeId : undefined;
      try {
        return {
          ok: true,
          cookies: await (host === undefined ? deps.cookies.all() : deps.cookies.site(host, storeId)),
        };
      } catch (e) {
        return { ok: false, error: errorText(e) };
      }
    },
  };
}
