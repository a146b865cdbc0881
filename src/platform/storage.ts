import { browser } from './browser';

/**
 * `storage.session`: in memory in the browser process, survives the worker being stopped, cleared when the
 * browser quits. Chromium ≥ 112 gives it 10 MB. Secrets and the change log live here, never in `local`/`sync`.
 */
export const sessionStore = {
  get(keys: string | string[] | null): Promise<Record<string, unknown>> {
    return browser.storage.session.get(keys);
  },
  set(items: Record<string, unknown>): Promise<void> {
    return browser.storage.session.set(items);
  },
  remove(keys: string | string[]): Promise<void> {
    return browser.storage.session.remove(keys);
  },
  getKeys(): Promise<string[]> {
    const area = browser.storage.session;
    // `getKeys` arrived in Chromium 130 and Firefox 143; before that, a full read is the only way to list keys.
    return typeof area.getKeys === 'function' ? area.getKeys() : area.get(null).then(Object.keys);
  },
};

/**
 * `storage.local`: on disk, kept across browser restarts. Only what the user chose to keep lives here
 * (protected cookies and block rules; snapshots, after opting in); never the change log or undo history.
 */
export const localStore = {
  get(keys: string | string[] | null): Promise<Record<string, unknown>> {
    return browser.storage.local.get(keys);
  },
  set(items: Record<string, unknown>): Promise<void> {
    return browser.storage.local.set(items);
  },
  remove(keys: string | string[]): Promise<void> {
    return browser.storage.local.remove(keys);
  },
};
