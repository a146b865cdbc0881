import type { DecodedJwe, DecodedJws } from './jwt-types';
import { decodeJwt } from './jwt';
import { MAX_NESTED_SCAN } from './limits';
import { isJsonObject } from './json';

export interface NestedToken {
  /** Where it was found, as a JSON path: `$.auth.token`. */
  path: string;
  jwt: DecodedJws | DecodedJwe;
}

/** The first JWT/JWE held in a string of decoded data (sessions often carry an access token), breadth-first. */
export function findNestedJwt(data: unknown): NestedToken | null {
  const queue: Array<{ v: unknown; path: string }> = [{ v: data, path: '$' }];
  // An index instead of shift(): shifting a queue of a huge JSON array would be quadratic.
  for (let at = 0; at < queue.length && at < MAX_NESTED_SCAN; at++) {
    const { v, path } = queue[at]!;
    if (typeof v === 'string') {
      // Most strings are neither a token nor a header value: test the first letter before any regex.
      const first = v.charCodeAt(0) | 0x20;
      const candidate = first === 0x62 ? v.replace(/^Bearer\s+/i, '') : v;
      if (!candidate.startsWith('eyJ')) continue;
      const jwt = decodeJwt(candidate);
      if (jwt.kind !== 'not-jwt') return { path, jwt };
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length && queue.length < MAX_NESTED_SCAN; i++)
        queue.push({ v: v[i], path: `${path}[${i}]` });
    } else if (isJsonObject(v)) {
      for (const k in v) {
        if (queue.length >= MAX_NESTED_SCAN) break;
        queue.push({ v: v[k], path: `${path}.${k}` });
      }
    }
  }
  return null;
}
