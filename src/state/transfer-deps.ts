import type { CookieRecord } from '../core/cookie/cookie-record';
import type { BrowserFamily } from '../core/edit/set-details';
import type { StorageEntry } from '../core/snapshot/snapshot';
import type { SnapshotStore } from './snapshot-store';

/** What a view can read of the inspected page's web storage, or why it cannot. */
export type PageStorageResult =
  | { ok: true; entries: StorageEntry[]; /** Items left out by the bounds of the read. */ omitted: number }
  | { ok: false; reason: string };

/**
 * The browser as export, import and snapshots see it; the entries pass the platform wrappers, tests pass
 * fakes. Absent members are what the view cannot do (the popup cannot read the page's web storage).
 */
export interface TransferDeps {
  browser: BrowserFamily;
  /** Every cookie of the site (registrable domain) of `host`, every partition, in the store `storeId`. */
  siteCookies: (host: string, storeId: string | undefined) => Promise<CookieRecord[]>;
  /** Every cookie the extension may see: every store, every partition. */
  allCookies: () => Promise<CookieRecord[]>;
  /** The inspected page's localStorage and sessionStorage (its top frame). */
  pageStorage?: (() => Promise<PageStorageResult>) | undefined;
  /** Saves a file; throws (or rejects) when it cannot. */
  save: (fileName: string, text: string, mimeType: string) => void | Promise<void>;
  copy: (text: string) => Promise<void>;
  version: () => string | Promise<string>;
  now: () => number;
  /** The write path; absent where the view cannot write (then import and restore say so). */
  apply?: ApplyWrites | undefined;
  /** Reads the view's cookies again after a write, so the list shows what the browser now holds. */
  refresh?: (() => Promise<void>) | undefined;
  /** Saved snapshots (`storage.local`). */
  snapshots: SnapshotStore;
}

/** What the browser did with one write, read back: never an assumed success. */
export interface WriteResult {
  op: 'set' | 'remove';
  /** The cookie asked for (set) or removed (remove). */
  cookie: CookieRecord;
  ok: boolean;
  /** Why it failed, in words (the browser's answer or what the read-back showed). */
  reason?: string;
  /** Stored, but the browser changed these attributes (e.g. it capped the expiry). */
  differs?: string[];
}

/**
 * Sets and removes cookies through the one write path (set with read-back, per-cookie results, an undo entry
 * under `label`); resolves once every write has finished.
 */
export type ApplyWrites = (
  plan: { set: readonly CookieRecord[]; remove: readonly CookieRecord[] },
  label: string,
) => Promise<WriteResult[]>;
