import type { DecodedJwe, DecodedJws } from './jwt-types';
import { decodeJwt } from './jwt';
import { MAX_NESTED_SCAN } from './limits';
import { isJsonObject } from './json';

export interface NestedToken {
  /** Where it was found, as a JSON path: `$.auth.token`. */
  path: string;
  jwt: DecodedJws | DecodedJwe;
}

/** A node of the scan: its value, and its parent's index and its key there, for the path of a hit. */
interface Queued {
  v: unknown;
  parent: number;
  key: string | number;
}

/** The JSON path of the queued node at `at` (`$.auth.token`, `$.list[2]`): built only for the node found. */
function pathOf(queue: readonly Queued[], at: number): string {
  const keys: Array<string | number> = [];
  for (let i = at; i > 0; i = queue[i]!.parent) keys.push(queue[i]!.key);
  let path = '$';
  for (let k = keys.length - 1; k >= 0; k--) {
    const key = keys[k]!;
    path += typeof key === 'number' ? `[${key}]` : `.${key}`;
  }
  return path;
}

/** The token a string of decoded data holds, bare or after `Bearer `, or null. */
function tokenIn(v: string): DecodedJws | DecodedJwe | null {
  // Most strings are neither a token nor a header value: test the first letter before any regex.
  const first = v.charCodeAt(0) | 0x20;
  const candidate = first === 0x62 ? v.replace(/^Bearer\s+/i, '') : v;
  if (!candidate.startsWith('eyJ')) return null;
  const jwt = decodeJwt(candidate);
  return jwt.kind === 'not-jwt' ? null : jwt;
}

/**
 * The first JWT/JWE held in a string of decoded data (sessions often carry an access token), breadth-first,
 * among the first MAX_NESTED_SCAN values. A string is read when it is reached in its parent, which is the order
 * a queue of every value would read it in; only arrays and objects are queued, so a wide array of strings
 * makes no queue entries.
 */
export function findNestedJwt(data: unknown): NestedToken | null {
  if (typeof data === 'string') {
    const jwt = tokenIn(data);
    return jwt ? { path: '$', jwt } : null;
  }
  const queue: Queued[] = [{ v: data, parent: -1, key: '' }];
  // Values reached so far, the root included: the budget a queue of every value would have spent.
  let reached = 1;
  // An index instead of shift(): shifting a queue of a huge JSON array would be quadratic.
  for (let at = 0; at < queue.length; at++) {
    const { v } = queue[at]!;
    const visit = (child: unknown, key: string | number): NestedToken | null => {
      reached++;
      if (typeof child === 'string') {
        const jwt = tokenIn(child);
        if (jwt) return { path: pathOf(queue, at) + (typeof key === 'number' ? `[${key}]` : `.${key}`), jwt };
      } else if (Array.isArray(child) || isJsonObject(child)) queue.push({ v: child, parent: at, key });
      return null;
    };
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length && reached < MAX_NESTED_SCAN; i++) {
        const hit = visit(v[i], i);
        if (hit) return hit;
      }
    } else if (isJsonObject(v)) {
      for (const k in v) {
        if (reached >= MAX_NESTED_SCAN) break;
        const hit = visit(v[k], k);
        if (hit) return hit;
      }
    }
  }
  return null;
}
