import { base64url, decodeProtectedHeader } from 'jose';
import { base64urlToBytes } from './bytes';
import { boundDepth, isJsonObject, parseJson } from './json';
import type { ClaimTime, DecodedJws, JsonObject, JwtDecodeResult } from './jwt-types';
import { isDateMs } from '../date-range';

const B64URL = /^[A-Za-z0-9_-]*$/;
const textDecoder = new TextDecoder('utf-8', { fatal: true });

function claimTime(v: unknown): ClaimTime | undefined {
  // A claim beyond a Date's range has no calendar date.
  if (typeof v !== 'number' || !isDateMs(v * 1000)) return undefined;
  const ms = v * 1000;
  return { seconds: v, iso: new Date(ms).toISOString() };
}

function partCount(value: string): number {
  let n = 1;
  for (let at = value.indexOf('.'); at >= 0; at = value.indexOf('.', at + 1)) n++;
  return n;
}

const isJsonSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/**
 * Whether a base64url header part can hold a JSON object: its first byte after whitespace (and the UTF-8 BOM the
 * header's decoder drops) is `{`. Decodes only up to that byte, so three long base64url parts of something else
 * (a Flask session, whose payload is any JSON) are turned away before the header is decoded and parsed whole.
 */
function opensObject(part: string): boolean {
  for (let at = 0; at < part.length; at += 4) {
    const group = base64urlToBytes(part.slice(at, at + 4));
    if (!group) return false;
    const bom = at === 0 && group[0] === 0xef && group[1] === 0xbb && group[2] === 0xbf;
    for (let k = bom ? 3 : 0; k < group.length; k++) if (!isJsonSpace(group[k]!)) return group[k] === 0x7b;
  }
  return false;
}

function parseJsonPart(part: string): unknown {
  try {
    return parseJson(textDecoder.decode(base64url.decode(part)));
  } catch {
    return undefined;
  }
}

/**
 * Reads a compact JWS (three parts) or JWE (five parts) without verifying it. The header is parsed with jose;
 * the claims only when the payload is JSON. Never throws.
 */
export function decodeJwt(token: string): JwtDecodeResult {
  if (typeof token !== 'string') return { kind: 'not-jwt', reason: 'not a string' };
  const value = token.trim();
  // A limit, so a value of thousands of dots is not split into thousands of strings only to be rejected.
  const parts = value.split('.', 6);
  if (parts.length !== 3 && parts.length !== 5) {
    return { kind: 'not-jwt', reason: `a compact token has 3 or 5 dot-separated parts, this has ${partCount(value)}` };
  }
  if (!parts.every((p) => B64URL.test(p))) return { kind: 'not-jwt', reason: 'a part is not base64url' };
  if (!opensObject(parts[0]!)) return { kind: 'not-jwt', reason: 'the header is not a JSON object' };
  let parsed: JsonObject;
  try {
    const h: unknown = decodeProtectedHeader(value);
    if (!isJsonObject(h)) return { kind: 'not-jwt', reason: 'the header is not a JSON object' };
    parsed = h;
  } catch {
    return { kind: 'not-jwt', reason: 'the header is not base64url-encoded JSON' };
  }
  // The top-level members decide, before the copy that bounds the header's depth (which keeps them as they
  // are): a JSON object of another format, such as a Flask session, is turned away without being copied.
  const alg = typeof parsed.alg === 'string' ? parsed.alg : undefined;
  const enc = typeof parsed.enc === 'string' ? parsed.enc : undefined;
  if (parts.length === 5 && enc === undefined) {
    return { kind: 'not-jwt', reason: 'five parts but the header has no "enc"' };
  }
  if (parts.length === 3 && alg === undefined && parsed.typ === undefined) {
    return { kind: 'not-jwt', reason: 'the header has neither "alg" nor "typ"' };
  }
  const header = boundDepth(parsed) as JsonObject;
  if (enc !== undefined && parts.length === 5) return { kind: 'jwe', header, alg, enc };
  const [h, p, s] = parts as [string, string, string];
  const payload = parseJsonPart(p);
  const claims = isJsonObject(payload) ? payload : null;
  const times: DecodedJws['times'] = {};
  if (claims) {
    for (const k of ['exp', 'iat', 'nbf'] as const) {
      const t = claimTime(claims[k]);
      if (t) times[k] = t;
    }
  }
  return { kind: 'jws', raw: { header: h, payload: p, signature: s }, header, claims, alg, unsigned: s === '', times };
}

/** Expired / not yet valid, relative to `nowMs`. */
export function jwtValidity(jws: DecodedJws, nowMs: number): { expired: boolean; notYetValid: boolean } {
  const now = nowMs / 1000;
  return {
    expired: jws.times.exp !== undefined && jws.times.exp.seconds <= now,
    notYetValid: jws.times.nbf !== undefined && jws.times.nbf.seconds > now,
  };
}
