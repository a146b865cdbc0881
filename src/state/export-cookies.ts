import type { CookieView } from '../core/analyze-site';
import type { CookieRecord } from '../core/cookie/cookie-record';
import { writeCookieHeader, type RequestCookiesWriter } from '../core/export/cookie-header';
import { writeCurlCommand } from '../core/export/curl';
import { cookiesCount } from '../core/export/export-result';
import { exportFileName } from '../core/export/file-name';
import type { OriginStorage } from '../core/export/import-result';
import { writeNetscape } from '../core/export/netscape';
import { writeCookieJson } from '../core/export/sessionscope-json';
import { writeStorageState } from '../core/export/storage-state';
import type { StorageEntry } from '../core/snapshot/snapshot';
import type { TransferDeps } from './transfer-deps';

export type ExportFormat = 'json' | 'netscape' | 'header' | 'curl' | 'storage-state';
export type ExportScope = 'selected' | 'site' | 'all';

const FILE: Record<ExportFormat, { kind: string; extension: string; mimeType: string }> = {
  json: { kind: 'cookies', extension: 'json', mimeType: 'application/json' },
  netscape: { kind: 'cookies', extension: 'txt', mimeType: 'text/plain' },
  header: { kind: 'cookie-header', extension: 'txt', mimeType: 'text/plain' },
  curl: { kind: 'curl', extension: 'sh', mimeType: 'text/plain' },
  'storage-state': { kind: 'storage-state', extension: 'json', mimeType: 'application/json' },
};

export interface ExportRequest {
  format: ExportFormat;
  scope: ExportScope;
  /** The page the view shows: the URL of header and curl exports, and the site of the `site` scope. */
  pageUrl: string;
  host: string;
  /** The cookies on screen, for the `selected` scope. */
  shown: readonly CookieView[];
  /** Keys of the selected cookies. */
  selected: ReadonlySet<string>;
}

export interface ExportOutput {
  text: string;
  fileName: string;
  mimeType: string;
  /** How many cookies the text holds. */
  count: number;
  /** Sentences for the user: what the format could not carry, what was left out and why. */
  notes: string[];
}

export type ExportOutcome = { ok: true; output: ExportOutput } | { ok: false; reason: string };

/** The localStorage of each origin, as storageState carries it. */
export function originsOf(entries: readonly StorageEntry[]): OriginStorage[] {
  const byOrigin = new Map<string, OriginStorage>();
  for (const e of entries) {
    if (e.area !== 'localStorage') continue;
    let o = byOrigin.get(e.origin);
    if (!o) byOrigin.set(e.origin, (o = { origin: e.origin, localStorage: [] }));
    o.localStorage.push({ name: e.key, value: e.value });
  }
  return [...byOrigin.values()];
}

/** The store the view's cookies are in (a Firefox container tab's is not the default one). */
function storeOf(shown: readonly CookieView[]): string | undefined {
  return shown[0]?.cookie.storeId;
}

async function cookiesInScope(req: ExportRequest, deps: TransferDeps): Promise<CookieRecord[]> {
  switch (req.scope) {
    case 'selected':
      return req.shown.filter((v) => req.selected.has(v.key)).map((v) => v.cookie);
    case 'site':
      return deps.siteCookies(req.host, storeOf(req.shown));
    case 'all':
      return deps.allCookies();
  }
}

async function storageOrigins(deps: TransferDeps, notes: string[]): Promise<OriginStorage[]> {
  if (!deps.pageStorage) {
    notes.push(
      "the page's localStorage is not included: only the DevTools panel can read the page (open SessionScope in DevTools to export it)",
    );
    return [];
  }
  const r = await deps.pageStorage();
  if (!r.ok) {
    notes.push(`the page's localStorage is not included: ${r.reason}`);
    return [];
  }
  if (r.omitted > 0) notes.push(`${r.omitted} web storage items left out: too many or too large to read`);
  return originsOf(r.entries);
}

/**
 * Builds the export the user asked for: the cookies of the scope, written in the format, with every note on
 * what the format could not carry. Never throws: a failure to read comes back as the reason.
 */
export async function buildCookieExport(req: ExportRequest, deps: TransferDeps): Promise<ExportOutcome> {
  let cookies: CookieRecord[];
  try {
    cookies = await cookiesInScope(req, deps);
  } catch (e) {
    return { ok: false, reason: `the cookies could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (cookies.length === 0) {
    const why =
      req.scope === 'selected'
        ? 'no cookie is selected: check one or several (or open one) first'
        : req.scope === 'site'
          ? 'this site has no cookies'
          : 'the browser holds no cookies SessionScope may read';
    return { ok: false, reason: why };
  }
  const nowMs = deps.now();
  const notes: string[] = [];
  let text: string;
  let count: number;
  switch (req.format) {
    case 'json': {
      const version = await Promise.resolve()
        .then(deps.version)
        .catch(() => 'unknown');
      const r = writeCookieJson(cookies, { version, exportedAtMs: nowMs });
      ({ text, count } = r);
      notes.push(...r.notRepresented);
      break;
    }
    case 'netscape': {
      const r = writeNetscape(cookies);
      ({ text, count } = r);
      notes.push(...r.notRepresented);
      break;
    }
    case 'header':
    case 'curl': {
      const write: RequestCookiesWriter = req.format === 'header' ? writeCookieHeader : writeCurlCommand;
      const r = write(cookies, req.pageUrl, { nowMs });
      text = `${r.text}\n`;
      count = r.sent.length;
      notes.push(...r.notRepresented);
      if (r.notSent.length > 0) {
        notes.push(`${cookiesCount(r.notSent.length)} not included: a request to ${req.pageUrl} would not carry them`);
      }
      if (count === 0) return { ok: false, reason: `a request to ${req.pageUrl} would carry none of these cookies` };
      break;
    }
    case 'storage-state': {
      const origins = await storageOrigins(deps, notes);
      const r = writeStorageState(cookies, origins);
      ({ text, count } = r);
      notes.unshift(...r.notRepresented);
      break;
    }
  }
  const f = FILE[req.format];
  return {
    ok: true,
    output: {
      text,
      count,
      notes,
      fileName: exportFileName(f.kind, req.pageUrl, nowMs, f.extension),
      mimeType: f.mimeType,
    },
  };
}
