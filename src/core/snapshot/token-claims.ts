import { parseJsonStructure } from '../decode/json';
import type { DecodedJws, JsonObject } from '../decode/jwt-types';
import { decodeJwt } from '../decode/jwt';
import { findNestedJwt } from '../decode/nested-token';

export interface ClaimChange {
  /** `claims.sub`, `header.alg`. */
  name: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

/**
 * The JWS a cookie value or storage item holds: the value itself (optionally `Bearer `-prefixed or
 * URL-encoded), or a token inside JSON (`{"access_token": "eyJ…"}`).
 */
export function tokenInValue(value: string): DecodedJws | null {
  const direct = value.trim().replace(/^Bearer\s+/i, '');
  const candidates = [direct];
  if (direct.includes('%')) {
    try {
      candidates.push(decodeURIComponent(direct));
    } catch {
      // Not URL-encoded after all.
    }
  }
  for (const v of candidates) {
    if (!v.startsWith('eyJ')) continue;
    const jwt = decodeJwt(v);
    if (jwt.kind === 'jws') return jwt;
  }
  const data = parseJsonStructure(value);
  if (data === undefined) return null;
  const nested = findNestedJwt(data);
  return nested?.jwt.kind === 'jws' ? nested.jwt : null;
}

function same(a: unknown, b: unknown): boolean {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

function diffObject(prefix: string, a: JsonObject, b: JsonObject, out: ClaimChange[]): void {
  for (const k of Object.keys(a)) {
    const name = `${prefix}.${k}`;
    if (!Object.hasOwn(b, k)) out.push({ name, kind: 'removed', before: a[k] });
    else if (!same(a[k], b[k])) out.push({ name, kind: 'changed', before: a[k], after: b[k] });
  }
  for (const k of Object.keys(b))
    if (!Object.hasOwn(a, k)) out.push({ name: `${prefix}.${k}`, kind: 'added', after: b[k] });
}

/**
 * Which header parameters and claims differ between the tokens in two values (a token on one side only counts
 * as all its claims added or removed). `null` when neither value holds a token.
 */
export function tokenChanges(before: string, after: string): ClaimChange[] | null {
  const a = tokenInValue(before);
  const b = tokenInValue(after);
  if (!a && !b) return null;
  const out: ClaimChange[] = [];
  diffObject('header', a?.header ?? {}, b?.header ?? {}, out);
  diffObject('claims', a?.claims ?? {}, b?.claims ?? {}, out);
  return out;
}
