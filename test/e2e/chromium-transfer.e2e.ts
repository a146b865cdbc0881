import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useDownloadDir } from './harness/download-dir';
import { allowDownloads } from './harness/export-report';
import { tabIdOf } from './harness/extension-messages';
import { withStorageState } from './harness/playwright';
import { withChromium } from './harness/setup';
import {
  deleteAllCookies,
  expectEveryCookieRestored,
  exportCookies,
  importCookies,
  previewRefusedImport,
  readJar,
  type JarCookie,
} from './harness/transfer';
import { waitUntil } from './harness/wait';
import { jarPages, startTransferSite, TRANSFER_LOGGED_IN, type RunningTransferSite } from './site/transfer-site';

const run = promisify(execFile);

/**
 * Issue 8 in real Chromium: export → delete all → import gives back the same jar (every attribute, a
 * partitioned cookie included); the exported curl command and cookies.txt, run with the real curl, are the
 * logged-in user; the exported storageState loads into a fresh Playwright context logged in; and the bugs other
 * cookie tools have (same name on two paths, Netscape expiry, `=` in values, sibling domains, session cookies
 * made persistent) stay fixed.
 */
describe('export and import in Chromium (issue 8)', () => {
  const downloads = useDownloadDir();
  const suite = withChromium<RunningTransferSite>({ site: () => startTransferSite(), open: '/' });

  /** Visits every page that sets the suite's cookies, logged in as alice; returns the jar. */
  async function fillJar(): Promise<JarCookie[]> {
    const { site, session } = suite;
    await suite.visit([site.url('/'), ...jarPages(site)]);
    return waitUntil('the partitioned cookie and the session', async () => {
      const jar = await readJar(session.control);
      return jar.some((c) => c.name === 'chip') && jar.some((c) => c.name === 'sid') ? jar : undefined;
    });
  }

  async function popupOnA() {
    const view = await suite.openReadyView('popup');
    await allowDownloads(view, downloads.path);
    return view;
  }

  it('SessionScope JSON: export all sites → delete all → import gives back exactly the same jar', async () => {
    const before = await fillJar();
    const chip = before.find((c) => c.name === 'chip');
    expect(chip?.partitionKey).toMatch(/^http:\/\/.*localhost$/);
    expect(before.filter((c) => c.name === 'dup').map((c) => c.path)).toEqual(['/', '/deep']);

    const view = await popupOnA();
    const file = await exportCookies(view, downloads.path, 'json', 'all');
    expect(file.count).toBe(before.length);
    expect(file.fileName).toMatch(/^sessionscope-cookies-a\.transfer\.localhost-\d{4}-\d\d-\d\d\.json$/);

    await deleteAllCookies(suite.session.control);
    const fresh = await suite.openView('popup');
    const result = await importCookies(fresh, file.text);
    expectEveryCookieRestored(result, before.length);
    expect(await readJar(suite.session.control)).toEqual(before);
    // The list was refreshed once every save had finished: the view shows the site's cookies again.
    await fresh.waitForSelector('main[data-testid="popup"][data-state="ready"]');
  });

  it('an export broken by hand is refused whole, saying on which line and column, in either format choice', async () => {
    const before = await fillJar();
    const view = await popupOnA();
    const file = await exportCookies(view, downloads.path, 'json', 'site');
    // A hand edit that lost the comma between the first two cookies.
    const lines = file.text.split('\n');
    const line = lines.findIndex((l, i) => l.trim() === '},' && lines[i + 1]?.trim() === '{');
    expect(line).toBeGreaterThan(0);
    lines[line] = lines[line]!.replace('},', '}');
    const broken = lines.join('\n');
    const next = lines[line + 1]!;
    const where = `line ${line + 2}, column ${next.indexOf('{') + 1}: expected , or ], found {`;
    for (const format of ['', 'sessionscope-json']) {
      const said = await previewRefusedImport(view, broken, format);
      expect(said.problems).toEqual([expect.stringContaining(`not valid JSON: ${where} (`)]);
      expect([said.confirm, said.confirmDisabled]).toEqual(['Nothing to import', true]);
    }
    expect(await readJar(suite.session.control)).toEqual(before);
  });

  it('the exported curl command and cookies.txt, run with the real curl, are seen as the logged-in user', async () => {
    const { site } = suite;
    const account = await suite.track(await suite.session.openPage(site.url('/account')));
    const tabView = await suite.openReadyView('popup', {
      tabId: await tabIdOf(suite.session.control, account.url()),
    });
    await allowDownloads(tabView, downloads.path);
    // curl does not resolve *.localhost names itself: --resolve maps the test host to loopback.
    const resolve = `${site.hosts.a}:${site.port}:127.0.0.1`;

    const curl = await exportCookies(tabView, downloads.path, 'curl', 'site');
    expect(curl.text.startsWith("curl -b '")).toBe(true);
    const viaCommand = await run('/bin/sh', ['-c', `${curl.text.trim()} -s --resolve ${resolve}`]);
    expect(viaCommand.stdout).toContain(`${TRANSFER_LOGGED_IN} alice`);

    const txt = await exportCookies(tabView, downloads.path, 'netscape', 'site');
    const path = join(downloads.path, 'cookies-for-curl.txt');
    await writeFile(path, txt.text);
    const viaFile = await run('/usr/bin/curl', ['-s', '-b', path, '--resolve', resolve, site.url('/account')]);
    expect(viaFile.stdout).toContain(`${TRANSFER_LOGGED_IN} alice`);
    // And without the cookies the page is not signed in: the proof is the cookies, not the site.
    const anonymous = await run('/usr/bin/curl', ['-s', '--resolve', resolve, site.url('/account')]);
    expect(anonymous.stdout).not.toContain(TRANSFER_LOGGED_IN);
  });

  it('the exported storageState, loaded into a fresh Playwright context, is logged in', async () => {
    const view = await popupOnA();
    const file = await exportCookies(view, downloads.path, 'storage-state', 'site');
    // The popup cannot read the page's localStorage, and says so.
    expect(file.notes.some((n) => n.includes('localStorage is not included'))).toBe(true);
    const state = JSON.parse(file.text) as { cookies: Array<{ name: string }>; origins: unknown[] };
    expect(state.cookies.map((c) => c.name)).toContain('sid');

    await withStorageState(state, suite.site.url('/account'), async (page, pw) => {
      expect(await page.textContent('#who')).toBe(`${TRANSFER_LOGGED_IN} alice`);
      const empty = await pw.newContext();
      const other = await empty.newPage();
      await other.goto(suite.site.url('/account'));
      expect(await other.textContent('#who')).toBe('not signed in');
    });
  });

  it('cookies.txt round trip keeps both paths of one name, `=` in values, expiry to the second, session cookies as session, and each sibling host', async () => {
    const before = await fillJar();
    const view = await popupOnA();
    const file = await exportCookies(view, downloads.path, 'netscape', 'all');
    expect(file.text).toMatch(/^# Netscape HTTP Cookie File\n/);
    const sessLine = file.text.split('\n').find((l) => l.endsWith('\tsess\tonly-this-session'));
    expect(sessLine?.split('\t')[4]).toBe('0');
    expect(file.text).toContain('\teq\ta=b==c\n');
    // The partition has no column in cookies.txt: the export says so, and the cookie comes back unpartitioned.
    expect(file.notes.some((n) => n.startsWith('the partition of 1 cookie'))).toBe(true);
    expect(file.text).toMatch(/^#HttpOnly_a\.transfer\.localhost\tFALSE\t\/\tFALSE\t\d+\tstrict_http\t1$/m);

    await deleteAllCookies(suite.session.control);
    const fresh = await suite.openView('popup');
    const result = await importCookies(fresh, file.text);
    expect(result.format).toBe('netscape');
    expect(result.failed).toBe(0);
    const after = await readJar(suite.session.control);
    // cookies.txt has no SameSite and keeps whole seconds: everything else comes back as it was.
    const comparable = (c: JarCookie) => ({
      ...c,
      partitionKey: null,
      sameSite: undefined,
      expirationDate: c.expirationDate === null ? null : Math.floor(c.expirationDate),
    });
    const order = (list: JarCookie[]) =>
      list.map(comparable).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    expect(order(after)).toEqual(order(before));
    expect(after.filter((c) => c.name === 'dup').map((c) => [c.path, c.value])).toEqual([
      ['/', 'root'],
      ['/deep', 'deep'],
    ]);
    expect(after.filter((c) => c.name === 'sib').map((c) => [c.domain, c.value])).toEqual([
      ['a.transfer.localhost', 'a'],
      ['b.transfer.localhost', 'b'],
    ]);
    const sess = after.find((c) => c.name === 'sess');
    expect([sess?.session, sess?.expirationDate]).toEqual([true, null]);
    const persist = after.find((c) => c.name === 'persist');
    expect(persist?.expirationDate).toBe(Math.floor(before.find((c) => c.name === 'persist')!.expirationDate!));

    // The view that imported offers to undo the import, by its name, without being opened again; Undo empties the
    // jar the import filled.
    const undo = await fresh.waitForSelector('[data-testid="undo"]');
    expect(await undo!.evaluate((e) => e.textContent)).toBe(`Undo import of ${after.length} cookies`);
    await undo!.click();
    await waitUntil('the import undone', async () =>
      (await readJar(suite.session.control)).length === 0 ? true : undefined,
    );
  });
});
