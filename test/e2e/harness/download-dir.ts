import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * A fresh directory for the browser's downloads, for the calling `describe`: made in a `beforeAll` (call this
 * before `withChromium`/`withFirefox` when their `launch` needs it), removed after the tests. Read `path` inside
 * hooks and tests only.
 */
export function useDownloadDir(): { readonly path: string } {
  let path: string | undefined;
  beforeAll(async () => {
    path = await mkdtemp(join(tmpdir(), 'sessionscope-downloads-'));
  });
  afterAll(async () => {
    if (path) await rm(path, { recursive: true, force: true });
  });
  return {
    get path() {
      if (path === undefined) throw new Error('the download directory is made in beforeAll');
      return path;
    },
  };
}

/** Firefox preferences that save every download into `dir` without asking. */
export function firefoxDownloadPrefs(dir: string): Record<string, string | number | boolean> {
  return {
    'browser.download.dir': dir,
    'browser.download.folderList': 2,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
  };
}
