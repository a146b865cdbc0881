import type { CookieRecord } from '../../../src/core/cookie/cookie-record';
import type { TimedChange } from '../../../src/core/timeline/change-log-entry';
import type { ChangeLogEntry } from '../../../src/core/timeline/change-log-entry';
import { makeCookie } from '../../fakes/make-cookie';

export function cookie(over: Partial<CookieRecord> = {}): CookieRecord {
  return makeCookie({ name: 'sid', domain: 'example.com', ...over });
}

export function change(i: number, over: Partial<CookieRecord> = {}): TimedChange {
  return { time: 1_000 + i, cause: 'explicit', removed: false, cookie: cookie({ value: `v${i}`, ...over }) };
}

export function changes(n: number, from = 0): TimedChange[] {
  return Array.from({ length: n }, (_, i) => change(from + i));
}

/** The entries of a chunk as stored (one JSON string, see encodeChunk), without the live-range filter. */
export function stored(chunk: unknown): ChangeLogEntry[] {
  if (typeof chunk !== 'string') throw new Error(`a stored chunk is a JSON string, got ${typeof chunk}`);
  return JSON.parse(chunk) as ChangeLogEntry[];
}
