import { mkdtemp, writeFile } from 'node:fs/promises';
import type { Browser } from 'puppeteer-core';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIRST_PAINT_MARKS, SHOWN_MARK } from '../src/popup/first-paint-marks';
import { removeWhenClosed } from '../test/e2e/harness/browser-session';

/**
 * The floor PERF.md asks us to compare against: a ten-line popup that finds the tab, lists its cookies with one
 * `getAll({url})` and appends one `<li>` per cookie. Written to a temp dir and installed beside SessionScope.
 * (`?tabId=N`: it is told its tab, as SessionScope's popup is by the address its toolbar button opens, which also
 * names the tab's page.) `warm.html` is an empty page the benchmark
 * keeps open so the reference's popups open in a running extension process, as SessionScope's do. It sets the
 * user-timing marks SessionScope's first paint sets (src/popup/first-paint-marks.ts), at the same points, and the
 * mark of when its page is shown, so the bench can read the same phases in both toolbar popups; a mark costs
 * microseconds.
 */
const MANIFEST = {
  manifest_version: 3,
  name: 'Reference popup',
  version: '1.0',
  action: { default_popup: 'ref.html' },
  permissions: ['cookies'],
  host_permissions: ['<all_urls>'],
};

const HTML = '<!doctype html><meta charset="utf-8"><ul id="list"></ul><script src="ref.js"></script>';

const MARK = FIRST_PAINT_MARKS;

const JS = `(async () => {
  performance.mark(${JSON.stringify(MARK.script)});
  if (document.visibilityState !== 'visible') {
    const shown = () => {
      if (document.visibilityState !== 'visible') return;
      document.removeEventListener('visibilitychange', shown);
      performance.mark(${JSON.stringify(SHOWN_MARK)});
    };
    document.addEventListener('visibilitychange', shown);
  }
  const id = Number(new URLSearchParams(location.search).get('tabId'));
  const tab = id ? await chrome.tabs.get(id) : (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0];
  const cookies = await chrome.cookies.getAll({ url: tab.url });
  performance.mark(${JSON.stringify(MARK.cookies)});
  const list = document.getElementById('list');
  for (const c of cookies) {
    const li = document.createElement('li');
    li.className = 'ref-row';
    li.textContent = c.name + '=' + c.value;
    list.append(li);
  }
  performance.mark(${JSON.stringify(MARK.rows)});
})();`;

async function writeReferenceExtension(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sessionscope-ref-'));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(MANIFEST));
  await writeFile(join(dir, 'ref.html'), HTML);
  await writeFile(join(dir, 'ref.js'), JS);
  await writeFile(join(dir, 'warm.html'), '<!doctype html><meta charset="utf-8"><title>warm</title>');
  return dir;
}

/**
 * Writes the reference extension to a temp dir and installs it in `browser`; the dir is removed when the browser
 * closes. Resolves to the extension's id and its dir.
 */
export async function installReferenceExtension(browser: Browser): Promise<{ id: string; dir: string }> {
  const dir = await writeReferenceExtension();
  removeWhenClosed(browser, dir);
  return { id: await browser.installExtension(dir), dir };
}
