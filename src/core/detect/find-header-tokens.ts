import type { FoundToken } from '../audit/audit-input';
import { classifyToken } from './classify-token';
import { isTokenLikeName } from './token-like-name';

export interface RequestHeader {
  name: string;
  value: string;
}

/** Headers read; a request has a few dozen. */
export const MAX_HEADERS = 512;

/** Authorization schemes that carry a bearer credential (RFC 6750 Bearer, and common variants). */
const TOKEN_SCHEMES = /^(?:bearer|jwt|token|dpop)\s+(\S+)$/i;

/** Headers that carry cookies or say nothing about a credential, even if their name sounds like one. */
const SKIP = new Set(['cookie', 'set-cookie', 'www-authenticate', 'proxy-authenticate', 'authentication-info']);

function credentialOf(h: RequestHeader): { raw: string; tokenLike: boolean } | null {
  const name = h.name.toLowerCase();
  if (SKIP.has(name)) return null;
  if (name === 'authorization' || name === 'proxy-authorization') {
    // Basic carries a user name and password, not a token: left to other tools.
    const m = TOKEN_SCHEMES.exec(h.value.trim());
    return m ? { raw: m[1]!, tokenLike: true } : null;
  }
  return { raw: h.value, tokenLike: isTokenLikeName(name) };
}

/**
 * Tokens in request headers: `Authorization: Bearer …` (and JWT/Token/DPoP schemes), `X-Auth-Token` and other
 * token-like header names, and a JWT in any header. One entry per header name and token.
 */
export function findHeaderTokens(headers: readonly RequestHeader[] | Readonly<Record<string, string>>): FoundToken[] {
  const list: RequestHeader[] = Array.isArray(headers)
    ? (headers as readonly RequestHeader[]).slice(0, MAX_HEADERS)
    : Object.entries(headers)
        .slice(0, MAX_HEADERS)
        .map(([name, value]) => ({ name, value }));
  const seen = new Set<string>();
  const out: FoundToken[] = [];
  for (const h of list) {
    if (typeof h.name !== 'string' || typeof h.value !== 'string') continue;
    const cred = credentialOf(h);
    if (!cred) continue;
    const found = classifyToken(cred.raw, cred.tokenLike);
    if (!found) continue;
    const name = h.name.toLowerCase();
    const id = JSON.stringify([name, found.token]);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ location: 'header', name, ...found });
  }
  return out;
}
