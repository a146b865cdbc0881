import type { FoundToken } from '../audit/audit-input';
import { decodeJwt } from '../decode/jwt';
import { MAX_INPUT_CHARS } from '../decode/limits';

/** Tokens kept per page: enough for any real app, and a bound on what a hostile page can make us decode. */
export const MAX_PAGE_TOKENS = 100;
/** Entries of one storage area read; a page can fill its quota with tiny entries. */
const MAX_ENTRIES = 2_000;
/** Header names and storage keys are shown with findings: cut them. */
const MAX_NAME_CHARS = 200;

type Location = FoundToken['location'];

function isToken(value: string): boolean {
  return value.length <= MAX_INPUT_CHARS && value.includes('.') && decodeJwt(value).kind !== 'not-jwt';
}

function shortName(name: string): string {
  return name.length > MAX_NAME_CHARS ? `${name.slice(0, MAX_NAME_CHARS)}…` : name;
}

/**
 * The compact JWTs in a storage area: a value that is a token (possibly JSON-quoted), or a string field of a
 * JSON object value (SDKs store `{"access_token": "…"}`), named `key` or `key.field`. One level deep only,
 * which bounds the work; a token buried deeper is not reported.
 */
export function tokensInStorage(entries: ReadonlyArray<readonly [string, string]>, location: Location): FoundToken[] {
  const out: FoundToken[] = [];
  for (const [key, raw] of entries.slice(0, MAX_ENTRIES)) {
    if (out.length >= MAX_PAGE_TOKENS) break;
    if (typeof raw !== 'string' || raw.length > MAX_INPUT_CHARS) continue;
    const value = raw.trim();
    const unquoted = value.length > 1 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
    if (isToken(unquoted)) {
      out.push({ location, name: shortName(key), token: unquoted });
      continue;
    }
    if (!value.startsWith('{')) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      continue;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) continue;
    for (const [field, v] of Object.entries(parsed as Record<string, unknown>)) {
      if (out.length >= MAX_PAGE_TOKENS) break;
      if (typeof v === 'string' && isToken(v)) out.push({ location, name: shortName(`${key}.${field}`), token: v });
    }
  }
  return out;
}

/**
 * The compact JWTs in request headers (`Authorization: Bearer …`, `X-Access-Token: …`), one per distinct
 * header name and token, named by the header.
 */
export function tokensInHeaders(requests: ReadonlyArray<Readonly<Record<string, string>>>): FoundToken[] {
  const seen = new Set<string>();
  const out: FoundToken[] = [];
  for (const headers of requests) {
    for (const [name, raw] of Object.entries(headers)) {
      if (out.length >= MAX_PAGE_TOKENS) return out;
      if (typeof raw !== 'string' || name.toLowerCase() === 'cookie') continue;
      const value = raw.replace(/^\s*(bearer|jwt)\s+/i, '').trim();
      const id = `${name.toLowerCase()}\u0000${value}`;
      if (seen.has(id) || !isToken(value)) continue;
      seen.add(id);
      out.push({ location: 'header', name: shortName(name.toLowerCase()), token: value });
    }
  }
  return out;
}
