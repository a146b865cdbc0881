import { cookiesCount } from '../core/export/export-result';
import { writeCookieJson } from '../core/export/sessionscope-json';
import { exportFileName } from '../core/export/file-name';
import { diffSnapshots, restorePlan, type SnapshotDiff } from '../core/snapshot/diff-snapshots';
import type { Snapshot } from '../core/snapshot/snapshot';
import { readSessionNow, type SnapshotSite } from './take-snapshot';
import type { TransferDeps, WriteResult } from './transfer-deps';

export interface RestoreOutcome {
  results: WriteResult[];
  failed: number;
  /** What the restore did not put back. */
  notes: string[];
}

/**
 * Switches the site's cookies to the snapshot's through the write path: sets what is missing or different,
 * removes what the snapshot did not have. Web storage is not written back.
 */
export async function restoreSnapshot(
  snapshot: Snapshot,
  { host, storeId, deps }: SnapshotSite,
): Promise<RestoreOutcome> {
  if (!deps.apply) throw new Error('this view cannot write cookies');
  const current = await deps.siteCookies(host, storeId);
  const plan = restorePlan(current, snapshot.cookies);
  const results =
    plan.set.length + plan.remove.length === 0
      ? []
      : await deps.apply(
          plan,
          `restore of snapshot "${snapshot.name}" (${cookiesCount(plan.set.length + plan.remove.length)})`,
        );
  const notes: string[] = [];
  if (snapshot.storage.length > 0) notes.push(`${snapshot.storage.length} web storage entries are not written back`);
  return { results, failed: results.filter((r) => !r.ok).length, notes };
}

/** The snapshot against the site as it is now (`a` then now). */
export async function diffWithNow(
  snapshot: Snapshot,
  at: SnapshotSite,
): Promise<{ diff: SnapshotDiff; storageNote: string | null }> {
  const now = await readSessionNow(at);
  // Without the page's storage, "now" would show every saved token as removed: compare cookies only then.
  const storage = now.storageNote === null ? now.storage : snapshot.storage;
  return { diff: diffSnapshots(snapshot, { cookies: now.cookies, storage }), storageNote: now.storageNote };
}

/**
 * A snapshot as a file: SessionScope cookie JSON (so it imports like any export) with the snapshot's name,
 * site, time and web-storage entries added under `snapshot`, which readers of the cookie format ignore.
 */
export async function snapshotExport(
  snapshot: Snapshot,
  deps: Pick<TransferDeps, 'version'>,
): Promise<{ text: string; fileName: string }> {
  const version = await Promise.resolve()
    .then(deps.version)
    .catch(() => 'unknown');
  const doc = JSON.parse(
    writeCookieJson(snapshot.cookies, { version, exportedAtMs: snapshot.takenAtMs }).text,
  ) as Record<string, unknown>;
  doc.snapshot = {
    name: snapshot.name,
    site: snapshot.site,
    takenAt: new Date(snapshot.takenAtMs).toISOString(),
    storage: snapshot.storage,
  };
  const safeName = snapshot.name.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 40) || 'snapshot';
  return {
    text: `${JSON.stringify(doc, null, 2)}\n`,
    fileName: exportFileName(`snapshot-${safeName}`, `https://${snapshot.site}/`, snapshot.takenAtMs, 'json'),
  };
}
