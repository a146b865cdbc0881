import { registrableDomain } from '../core/cookie/site';
import { findStorageTokens } from '../core/detect/find-storage-tokens';
import { makeSnapshot, type Snapshot, type StorageEntry } from '../core/snapshot/snapshot';
import type { TransferDeps } from './transfer-deps';

/** The web-storage entries that hold a token (a JWT anywhere, an opaque id under a token-like key). */
export function tokenEntries(entries: readonly StorageEntry[]): StorageEntry[] {
  return entries.filter((e) => findStorageTokens([e]).length > 0);
}

/** Where a snapshot is taken from and restored to: the view's host and cookie store, through the view's deps. */
export interface SnapshotSite {
  host: string;
  storeId: string | undefined;
  deps: TransferDeps;
}

export interface SessionNow {
  site: string;
  cookies: Snapshot['cookies'];
  storage: StorageEntry[];
  /** Why web storage is not in it, when it is not. */
  storageNote: string | null;
}

/**
 * The site's session as it is now: every cookie of the site in the view's store (every partition) and the
 * page's web-storage entries that hold tokens, where the view can read the page.
 */
export async function readSessionNow({ host, storeId, deps }: SnapshotSite): Promise<SessionNow> {
  const site = registrableDomain(host);
  const cookies = await deps.siteCookies(host, storeId);
  let storage: StorageEntry[] = [];
  let storageNote: string | null = null;
  if (!deps.pageStorage) storageNote = 'web storage is not included: only the DevTools panel can read the page';
  else {
    const r = await deps.pageStorage();
    if (r.ok) storage = tokenEntries(r.entries);
    else storageNote = `web storage is not included: ${r.reason}`;
  }
  return { site, cookies, storage, storageNote };
}

export async function takeSnapshot(
  name: string,
  at: SnapshotSite,
): Promise<{ snapshot: Snapshot; storageNote: string | null }> {
  const now = await readSessionNow(at);
  return {
    snapshot: makeSnapshot(name, now.site, at.deps.now(), now.cookies, now.storage),
    storageNote: now.storageNote,
  };
}
