import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** web-ext's command line (its package exports no path to it). */
export const WEB_EXT_PATH = resolve(root, 'node_modules/web-ext/bin/web-ext.js');
export const ARTIFACTS_DIR = resolve(root, 'artifacts');

export function distDir(target: 'chrome' | 'firefox'): string {
  const dir = resolve(root, 'dist', target);
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`${dir} has no build: run \`npm run build\` before the e2e suites (\`npm test\` does).`);
  }
  return dir;
}

/** The manifest's popup and panel pages, as the build writes them. */
export const POPUP_PATH = 'src/popup/index.html';
export const PANEL_PATH = 'src/devtools/panel.html';
