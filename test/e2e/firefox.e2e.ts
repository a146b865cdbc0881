import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { FIREFOX_EXTENSION_UUID, type FirefoxSession } from './harness/firefox';
import { readChangeLog, tabIdOf } from './harness/extension-messages';
import { causeLabel, changeWithEveryCause, setFromPage, settledEntries, waitForEntries } from './harness/change-log';
import { expectReadyWithRows } from './harness/expect-rows';
import { expectRowKeyboard } from './harness/keyboard';
import { markupTrace, recordDialogs } from './harness/hostile';
import { elsewhereCookies, partitionedNames, setPartitionedCookie } from './harness/partitioned-cookie';
import { lastWordMismatches, startJarStorm } from './harness/last-word';
import { withFirefox } from './harness/setup';
import { waitUntil } from './harness/wait';
import { row, waitForViewState } from './harness/views';
import { HOSTILE_TEXT, JWT_CLAIMS, fixtureCookies, startSite } from './site/test-site';

/*
 * Firefox differs from Chromium here, and the expectations say so:
 * - The site runs on 127.0.0.1, not a `*.localhost` name: so there is no Domain cookie (`wide`), and every
 *   cookie is host-only with the bare IP as its domain.
 * - Firefox keeps the `SameSite=None; Secure` cookie set over http on 127.0.0.1, but `cookies.getAll({url})`
 *   leaves Secure cookies out for http URLs: the popup must still list it (the background reads by domain).
 * - Firefox reports a cookie deleted by a past expiry as `explicit`, where Chromium says `expired_overwrite`.
 * - No DevTools-panel test: reaching the panel needs privileged BiDi hacks; the panel code is the same page.
 */
const HOST = '127.0.0.1';

describe('Firefox', () => {
  const suite = withFirefox({ site: () => startSite(HOST), open: '/' });
  async function openPopupTab(): Promise<{ view: Page; dialogs: string[] }> {
    let dialogs: string[] = [];
    const view = await suite.openView('popup', { beforeLoad: (p) => (dialogs = recordDialogs(p)) });
    return { view, dialogs };
  }

  it('loads the extension at its fixed moz-extension UUID and the background answers ping', async () => {
    const pong = await suite.session.ping();
    expect(pong.ok).toBe(true);
    expect(await suite.session.control.evaluate(() => location.origin)).toBe(
      `moz-extension://${FIREFOX_EXTENSION_UUID}`,
    );
    expect(await suite.page.evaluate(() => document.getElementById('ready')?.textContent)).toBe('ready');
  });

  /** The popup page settles on the site with a row for each of its cookies (no Domain cookie on an IP host). */
  const expectSiteRows = (view: Page) =>
    expectReadyWithRows(
      view,
      'popup',
      HOST,
      fixtureCookies().filter((c) => c.name !== 'wide'),
    );

  it('shows every cookie of the site with its flags in the popup page (?tabId=)', async () => {
    const { view } = await openPopupTab();
    const rows = await expectSiteRows(view);
    expect(rows.has('wide')).toBe(false);
    expect(rows.get('theme')?.domain).toBe(HOST);
  });

  it('lists the page’s partitioned cookie beside the others, not its host’s cookie of another site’s partition, which it counts and the panel lists apart', async () => {
    // The page is http://127.0.0.1: its own partition is its schemeful site's (see chromium-popup.e2e.ts).
    const own = await setPartitionedCookie(suite.session.control, HOST, 'own_chip', `http://${HOST}`);
    const other = await setPartitionedCookie(suite.session.control, HOST, 'other_chip', 'https://embedder.test');
    try {
      const { view } = await openPopupTab();
      const rows = await expectSiteRows(view);
      expect(rows.get('own_chip')?.partitioned).toBe('true');
      expect(rows.has('other_chip')).toBe(false);
      const note = await view.waitForSelector('[data-testid="elsewhere-note"]');
      expect(await note!.evaluate((e) => e.getAttribute('data-count'))).toBe('1');
      // The panel lists it apart, as kept for the site under the other site.
      const panel = await suite.openReadyView('panel');
      expect(await elsewhereCookies(panel, 'other_chip')).toEqual({ other_chip: 'https://embedder.test' });
      expect(await panel.$(row('own_chip'))).not.toBeNull();
      expect(await panel.$(row('other_chip'))).toBeNull();
      // Deleted from there, from that partition only.
      await panel.click('[data-testid="elsewhere"] summary');
      await panel.click('[data-testid="elsewhere-cookie"][data-name="other_chip"] [data-testid="elsewhere-delete"]');
      await waitUntil('the other partition’s cookie deleted', async () =>
        (await partitionedNames(suite.session.control, HOST)).includes('other_chip') ? undefined : true,
      );
      expect(await partitionedNames(suite.session.control, HOST)).toEqual(['own_chip']);
    } finally {
      await other();
      await own();
    }
  });

  it("decodes the JWT's claims and keeps hostile values as text", async () => {
    const { view, dialogs } = await openPopupTab();
    await waitForViewState(view, 'popup');
    await view.click(`${row('jwt')} [data-testid="cookie-toggle"]`);
    const sub = await view.waitForSelector(`${row('jwt')} [data-testid="claim"][data-claim="sub"]`);
    expect(await sub!.evaluate((el) => el.textContent)).toContain(JWT_CLAIMS.sub);
    expect(await view.$(`${row('jwt')} [data-testid="claim"][data-claim="exp"]`)).not.toBeNull();
    await view.click(`${row('xss')} [data-testid="cookie-toggle"]`);
    await view.waitForSelector(`${row('xss')} [data-testid="cookie-detail"]`);
    expect(await view.$eval(row('xss'), (el) => el.textContent)).toContain(HOSTILE_TEXT);
    expect(await markupTrace(view)).toEqual({ hostileImages: 0, inlineHandlers: 0, pwned: undefined });
    expect(dialogs).toEqual([]);
  });

  it("the popup's cookie lists are one Tab stop each; the arrow keys move between and within the rows", async () => {
    const { view } = await openPopupTab();
    expect(await waitForViewState(view, 'popup')).toBe('ready');
    await expectRowKeyboard(view);
  });

  it('records the changes in the background log, read from an extension page', async () => {
    const f = suite.session;
    const entries = await changeWithEveryCause(suite.page, f.control, suite.site.url('/'), 'ff');
    expect(entries.map(causeLabel)).toEqual([
      'ff_a added explicit',
      'ff_a removed overwrite',
      'ff_a added explicit',
      'ff_a removed explicit',
      'ff_b added explicit',
      'ff_b removed explicit',
    ]);
  });
});

async function readLogSeqs(f: FirefoxSession): Promise<number[]> {
  return (await readChangeLog(f.control)).entries.map((e) => e.seq);
}

describe('Firefox background suspended when idle', () => {
  const IDLE_MS = 1_000;
  const suite = withFirefox({
    site: () => startSite(HOST),
    // Firefox suspends an idle MV3 background after this long (30 s by default).
    launch: { prefs: { 'extensions.background.idle.timeout': IDLE_MS } },
  });
  /** A blank page of the site, closed after the test. */
  const blankPage = async () => suite.track(await suite.session.openPage(suite.site.url('/blank')));
  // Nothing may talk to the background while it idles out, so there is no condition to poll: the wait is the
  // idle timeout itself, with margin. A new start time afterwards proves it really was suspended.
  const idle = () => new Promise((r) => setTimeout(r, IDLE_MS * 3));
  /** Runs `test` on a blank page, then checks the background started again meanwhile: it was suspended. */
  const acrossSuspension = async (test: (page: Page) => Promise<void>) => {
    const first = await suite.session.ping();
    await test(await blankPage());
    expect((await suite.session.ping()).startedAt).not.toBe(first.startedAt);
  };

  it('shows the very first change (seq 0) live in the panel page (?tabId=)', async () => {
    const f = suite.session;
    const page = await blankPage();
    const tabId = await tabIdOf(f.control, suite.site.url('/blank'));
    expect((await readLogSeqs(f)).length).toBe(0);
    const panel = await suite.openView('panel', { tabId });
    await panel.waitForSelector('[data-testid="timeline"]', { timeout: 10_000 });
    await setFromPage(page, 'n=first_ever&v=1');
    const first = await panel.waitForSelector('[data-testid="timeline-entry"][data-name="first_ever"]', {
      timeout: 10_000,
    });
    expect(first).not.toBeNull();
    // It is the log's very first entry: the panel showed seq 0, not only what came after it.
    expect(await readLogSeqs(f)).toEqual([0]);
  });

  it("after bursts of changes with the background suspended between them, the log's last word equals the jar", async () => {
    const f = suite.session;
    await acrossSuspension(async (page) => {
      for (let burst = 0; burst < 3; burst++) {
        // Idle out, then a burst wakes it.
        await idle();
        await startJarStorm(page, `ffjar${burst}_`, { changes: 200, names: 30 });
        await page.waitForFunction(
          () => (window as unknown as { __lastWordStorm?: { done: boolean } }).__lastWordStorm?.done === true,
          { timeout: 20_000 },
        );
      }
      await settledEntries(f.control, (e) => e.cookie.name.startsWith('ffjar'), Number.MAX_SAFE_INTEGER, {
        quietMs: 1_500,
      });
      expect(await lastWordMismatches(f.control, HOST, 'ffjar')).toEqual([]);
    });
  });

  it('records changes made while the background was suspended', async () => {
    const f = suite.session;
    await acrossSuspension(async (page) => {
      await idle();
      await setFromPage(page, 'n=idle_a&v=1');
      await idle();
      await setFromPage(page, 'n=idle_b&v=1');
      const entries = await waitForEntries(f.control, (e) => e.cookie.name.startsWith('idle_'), 2);
      expect(entries.map(causeLabel)).toEqual(['idle_a added explicit', 'idle_b added explicit']);
    });
  });
});
