import type { FoundToken } from '../audit/audit-input';
import { findHeaderTokens, MAX_HEADERS, type RequestHeader } from '../detect/find-header-tokens';

/** One finished request as the panel keeps it: DevTools' HAR entry reduced to what the audit reads. */
export interface NetworkEntry {
  url: string;
  method: string;
  /** HTTP status; 0 when the request failed or was blocked. */
  status: number;
  /** When the request started (ms since the epoch); Max-Age of its Set-Cookie counts from about then. */
  timeMs: number;
  requestHeaders: RequestHeader[];
  responseHeaders: RequestHeader[];
}

/**
 * Bounds on what a page controls: URL length (a page can request a megabyte of URL), a header value (Set-Cookie
 * values are at most 4 KB plus attributes), the header tokens kept across all requests (one per header name and
 * token), and the request URLs handed to the URL rules (only those with a query or path parameters).
 */
export const NETWORK_LIMITS = { urlChars: 8_192, headerValueChars: 65_536, tokens: 256, requestUrls: 256 } as const;

function text(v: unknown, max: number): string {
  return typeof v === 'string' ? v.slice(0, max) : '';
}

function headersOf(raw: unknown): RequestHeader[] {
  if (!Array.isArray(raw)) return [];
  const out: RequestHeader[] = [];
  for (const h of raw.slice(0, MAX_HEADERS)) {
    if (typeof h !== 'object' || h === null) continue;
    const { name, value } = h as { name?: unknown; value?: unknown };
    if (typeof name !== 'string' || typeof value !== 'string') continue;
    out.push({ name: name.slice(0, 256), value: value.slice(0, NETWORK_LIMITS.headerValueChars) });
  }
  return out;
}

/**
 * A HAR 1.2 entry (`devtools.network.getHAR()`, `onRequestFinished`) as a NetworkEntry, or null when it is not
 * one. The HAR comes from the browser, but every string in it (URL, headers) is the page's: cut to bounds here.
 */
export function fromHarEntry(raw: unknown): NetworkEntry | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { request, response, startedDateTime } = raw as {
    request?: { url?: unknown; method?: unknown; headers?: unknown };
    response?: { status?: unknown; headers?: unknown };
    startedDateTime?: unknown;
  };
  if (typeof request !== 'object' || request === null || typeof request.url !== 'string') return null;
  const started = typeof startedDateTime === 'string' ? Date.parse(startedDateTime) : Number.NaN;
  return {
    url: text(request.url, NETWORK_LIMITS.urlChars),
    method: text(request.method, 32) || 'GET',
    status: typeof response?.status === 'number' ? response.status : 0,
    timeMs: Number.isFinite(started) ? started : 0,
    requestHeaders: headersOf(request.headers),
    responseHeaders: headersOf(response?.headers),
  };
}

/** The tokens the page sent in request headers, one per header name and token, newest request last. */
export function headerTokensOf(entries: readonly NetworkEntry[]): FoundToken[] {
  const seen = new Set<string>();
  const out: FoundToken[] = [];
  for (const e of entries) {
    for (const t of findHeaderTokens(e.requestHeaders)) {
      const id = `${t.name.toLowerCase()}\n${t.token}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(t);
      if (out.length >= NETWORK_LIMITS.tokens) return out;
    }
  }
  return out;
}

/** The distinct request URLs that could carry a session id (a query or `;` path parameters), for the URL rules. */
export function requestUrlsOf(entries: readonly NetworkEntry[]): string[] {
  const out = new Set<string>();
  for (const e of entries) {
    if (!e.url.includes('?') && !e.url.includes(';')) continue;
    out.add(e.url);
    if (out.size >= NETWORK_LIMITS.requestUrls) break;
  }
  return [...out];
}
