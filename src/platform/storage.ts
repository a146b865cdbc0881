import { browser, type Storage } from './browser';

/** get, set and remove on one storage area, looked up at each call. */
function areaAccess(area: () => Storage.StorageArea) {
  return {
    get: (keys: string | string[] | null): Promise<Record<string, unknown>> => area().get(keys),
    set: (items: Record<string, unknown>): Promise<void> => area().set(items),
    remove: (keys: string | string[]): Promise<void> => area().remove(keys),
  };
}

/**
 * `storage.session`: in memory in the browser process, survives the worker being stopped, cleared when the
 * browser quits. Chromium ≥ 112 gives it 10 MB. Secrets and the change log live here, never in `local`/`sync`.
 */
export const sessionStore = {
  ...areaAccess(() => browser.storage.session),
  getKeys(): Promise<string[]> {
    const area = browser.storage.session;
    // `getKeys` arrived in Chromium 130 and Firefox 143; before that, a full read is the only way to list keys.
    return typeof area.getKeys === 'function' ? area.getKeys() : area.get(null).then(Object.keys);
  },
};

/**
 * `storage.local`: on disk, kept across browser restarts. Only what the user chose to keep lives here
 * (protected cookies and block rules, the panel's columns; snapshots, after opting in); never the change log or undo
 * history.
 */
export const localStore = areaAccess(() => browser.storage.local);
