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

/** The first JWT/JWE held in a string of decoded data (sessions often carry an access token), breadth-first. */
export function findNestedJwt(data: unknown): NestedToken | null {
  const queue: Queued[] = [{ v: data, parent: -1, key: '' }];
  // An index instead of shift(): shifting a queue of a huge JSON array would be quadratic.
  for (let at = 0; at < queue.length && at < MAX_NESTED_SCAN; at++) {
    const { v } = queue[at]!;
    if (typeof v === 'string') {
      // Most strings are neither a token nor a header value: test the first letter before any regex.
      const first = v.charCodeAt(0) | 0x20;
      const candidate = first === 0x62 ? v.replace(/^Bearer\s+/i, '') : v;
      if (!candidate.startsWith('eyJ')) continue;
      const jwt = decodeJwt(candidate);
      if (jwt.kind !== 'not-jwt') return { path: pathOf(queue, at), jwt };
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length && queue.length < MAX_NESTED_SCAN; i++) queue.push({ v: v[i], parent: at, key: i });
    } else if (isJsonObject(v)) {
      for (const k in v) {
        if (queue.length >= MAX_NESTED_SCAN) break;
        queue.push({ v: v[k], parent: at, key: k });
      }
    }
  }
  return null;
}
