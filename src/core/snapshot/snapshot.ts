import type { CookieRecord } from '../cookie/cookie-record';

export type StorageArea = 'localStorage' | 'sessionStorage';

/** One web-storage item of one origin. Its identity is (area, origin, key). */
export interface StorageEntry {
  area: StorageArea;
  origin: string;
  key: string;
  value: string;
}

/**
 * A saved session of one site: its cookies (every attribute, store and partition) and its pages' web storage,
 * so a user can switch between accounts and compare before and after.
 */
export interface Snapshot {
  schema: 1;
  name: string;
  /** The registrable domain the snapshot belongs to, e.g. `example.com`. */
  site: string;
  /** Milliseconds since the epoch. */
  takenAtMs: number;
  cookies: CookieRecord[];
  storage: StorageEntry[];
}

export function makeSnapshot(
  name: string,
  site: string,
  takenAtMs: number,
  cookies: readonly CookieRecord[],
  storage: readonly StorageEntry[],
): Snapshot {
  return {
    schema: 1,
    name,
    site,
    takenAtMs,
    cookies: cookies.map((c) => (c.partitionKey ? { ...c, partitionKey: { ...c.partitionKey } } : { ...c })),
    storage: storage.map((s) => ({ ...s })),
  };
}

export function storageKey(e: Pick<StorageEntry, 'area' | 'origin' | 'key'>): string {
  return JSON.stringify([e.area, e.origin, e.key]);
}
