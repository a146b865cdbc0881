import { hasFieldTypes } from '../core/decode/json';
import type { Snapshot } from '../core/snapshot/snapshot';

/** The part of `storage.local` snapshots use; `platform/storage.ts` gives the real one, tests a fake. */
export interface LocalArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export const SNAPSHOTS_KEY = 'snapshots.v1';
export const SNAPSHOTS_OPT_IN_KEY = 'snapshots.optIn';
/** Snapshots kept in all; saving one more asks the user to delete one first. */
export const MAX_SNAPSHOTS = 50;

function isSnapshot(v: unknown): v is Snapshot {
  return (
    hasFieldTypes(v, { name: 'string', site: 'string', takenAtMs: 'number' }) &&
    v.schema === 1 &&
    Array.isArray(v.cookies) &&
    Array.isArray(v.storage)
  );
}

export interface SnapshotStore {
  optedIn(): Promise<boolean>;
  /** Turning snapshots off deletes every snapshot: they hold live credentials. */
  setOptIn(on: boolean): Promise<void>;
  /** The snapshots of `site`, newest first. */
  list(site: string): Promise<Snapshot[]>;
  /** Saves `snapshot`, replacing one of the same site and name. */
  save(snapshot: Snapshot): Promise<void>;
  remove(site: string, name: string): Promise<void>;
  /** How many snapshots are saved, of every site: what turning snapshots off would delete. */
  count(): Promise<number>;
}

/**
 * Named snapshots in `storage.local` (they must outlive the browser session to be useful for switching users),
 * only after the user opted in. One key holds them all, so a save is one write.
 */
export function createSnapshotStore(area: LocalArea): SnapshotStore {
  async function all(): Promise<Snapshot[]> {
    const got = await area.get(SNAPSHOTS_KEY);
    const list = got[SNAPSHOTS_KEY];
    return Array.isArray(list) ? list.filter(isSnapshot) : [];
  }
  return {
    async optedIn() {
      const got = await area.get(SNAPSHOTS_OPT_IN_KEY);
      return got[SNAPSHOTS_OPT_IN_KEY] === true;
    },
    async setOptIn(on) {
      if (on) await area.set({ [SNAPSHOTS_OPT_IN_KEY]: true });
      else await area.remove([SNAPSHOTS_OPT_IN_KEY, SNAPSHOTS_KEY]);
    },
    async list(site) {
      return (await all()).filter((s) => s.site === site).sort((a, b) => b.takenAtMs - a.takenAtMs);
    },
    async save(snapshot) {
      if (!(await this.optedIn())) throw new Error('snapshots are off: turn them on first');
      const rest = (await all()).filter((s) => !(s.site === snapshot.site && s.name === snapshot.name));
      if (rest.length >= MAX_SNAPSHOTS) {
        throw new Error(`${MAX_SNAPSHOTS} snapshots are saved already: delete one first`);
      }
      await area.set({ [SNAPSHOTS_KEY]: [...rest, snapshot] });
    },
    async remove(site, name) {
      const rest = (await all()).filter((s) => !(s.site === site && s.name === name));
      await area.set({ [SNAPSHOTS_KEY]: rest });
    },
    async count() {
      return (await all()).length;
    },
  };
}
