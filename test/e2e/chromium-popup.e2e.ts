import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { expectReadyWithRows } from './harness/expect-rows';
import { sendFrom } from './harness/extension-messages';
import { markupTrace, recordDialogs } from './harness/hostile';
import { elsewhereCookies, partitionedNames, setPartitionedCookie } from './harness/partitioned-cookie';
import { withChromium } from './harness/setup';
import { waitUntil } from './harness/wait';
import { openRealPopup, row, waitForViewState } from './harness/views';
import { CANARY_TEXT, HOSTILE_TEXT, JWT_CLAIMS, JWT_LIFETIME_S, fixtureCookies, startSite } from './site/test-site';

// A `*.localhost` host: Chromium resolves it to loopback itself and keeps Secure cookies on it over http, and
// a Domain cookie on its parent (`wide`) is possible.
const HOST = 'app.sessionscope.localhost';

interface OpenedView {
  view: Page;
  /** Dialogs seen since the listener could be attached (before load for the tab, after it for the real popup). */
  dialogs: string[];
}

describe('Chromium popup', () => {
  const suite = withChromium({ site: () => startSite(HOST, { parentDomain: 'sessionscope.localhost' }), open: '/' });

  const modes: [string, () => Promise<OpenedView>][] = [
    [
      'as a tab with ?tabId=',
      async () => {
        let dialogs: string[] = [];
        const view = await suite.openView('popup', { beforeLoad: (p) => (dialogs = recordDialogs(p)) });
        return { view, dialogs };
      },
    ],
    [
      'as the real popup from the toolbar button',
      async () => {
        const view = suite.track(await openRealPopup(suite.session, suite.page));
        return { view, dialogs: recordDialogs(view) };
      },
    ],
  ];

  describe.each(modes)('%s', (_mode, open) => {
    /** The view, once it has settled on a state. */
    const openSettled = async () => {
      const opened = await open();
      await waitForViewState(opened.view, 'popup');
      return opened;
    };

    it('shows every cookie of the site with its flags', async () => {
      const { view } = await open();
      const rows = await expectReadyWithRows(view, 'popup', HOST, fixtureCookies());
      // The Domain cookie keeps the store's leading dot; host-only cookies carry the bare host.
      expect(rows.get('wide')?.domain).toBe('.sessionscope.localhost');
      expect(rows.get('theme')?.domain).toBe(HOST);
      await view.close();
    });

    it('shows only the page’s cookies with hundreds of other sites’ cookies in the jar, near misses too', async () => {
      // A profile in use holds thousands of cookies: the popup asks for the page's own by URL (src/platform/
      // cookies.ts), and must show exactly them, not a sibling host's, a parent's host-only one or another path's.
      const others = [
        ...Array.from({ length: 600 }, (_, i) => ({ name: `c${i % 30}`, domain: `s${Math.floor(i / 30)}-other.test` })),
        { name: 'theme', domain: 's1-other.test' },
        { name: 'sibling', domain: 'api.sessionscope.localhost' },
        { name: 'parent_only', domain: 'sessionscope.localhost' },
        { name: 'pathed', domain: HOST, path: '/elsewhere' },
      ].map((c) => ({ path: '/', value: 'v', ...c }));
      const cdp = await suite.session.control.createCDPSession();
      await cdp.send('Network.setCookies', { cookies: others });
      try {
        const { view } = await open();
        const rows = await expectReadyWithRows(view, 'popup', HOST, fixtureCookies());
        expect([...rows.keys()].sort()).toEqual(
          fixtureCookies()
            .map((c) => c.name)
            .sort(),
        );
        expect(rows.get('theme')?.domain).toBe(HOST);
        await view.close();
      } finally {
        for (const { name, domain, path } of others) await cdp.send('Network.deleteCookies', { name, domain, path });
        await cdp.detach();
      }
    });

    it('lists the page’s partitioned cookie beside the others, not its host’s cookie of another site’s partition, which it counts', async () => {
      // The page is http://app.sessionscope.localhost: its own partition is its schemeful site's. The read by URL
      // asks for every partition; the cookie its host set while embedded in another site is that site's.
      const own = await setPartitionedCookie(suite.session.control, HOST, 'own_chip', 'http://sessionscope.localhost');
      const other = await setPartitionedCookie(suite.session.control, HOST, 'other_chip', 'https://embedder.test');
      try {
        const { view } = await open();
        const rows = await expectReadyWithRows(view, 'popup', HOST, fixtureCookies());
        expect(rows.get('own_chip')?.partitioned).toBe('true');
        expect(rows.has('other_chip')).toBe(false);
        // Counted under the rows, for the panel to list.
        const note = await view.waitForSelector('[data-testid="elsewhere-note"]');
        expect(await note!.evaluate((e) => e.getAttribute('data-count'))).toBe('1');
        await view.close();
      } finally {
        await other();
        await own();
      }
    });

    it('marks connect.sid as a session cookie and says why', async () => {
      const { view } = await openSettled();
      await view.waitForSelector(row('connect.sid'));
      expect(await view.$eval(row('connect.sid'), (el) => el.getAttribute('data-session'))).toBe('true');
      const reason = await view.$eval(`${row('connect.sid')} [data-testid="session-reason"]`, (el) => el.textContent);
      expect(reason).toMatch(/connect\.sid/);
      expect(await view.$(`${row('theme')} [data-testid="session-reason"]`)).toBeNull();
      // A browser-session cookie says so; a persistent one shows a date instead.
      expect(await view.$eval(`${row('connect.sid')} [data-testid="cookie-expiry"]`, (el) => el.textContent)).toMatch(
        /session/i,
      );
      expect(await view.$eval(`${row('theme')} [data-testid="cookie-expiry"]`, (el) => el.textContent)).not.toMatch(
        /^\s*session\s*$/i,
      );
      await view.close();
    });

    it("decodes the JWT's claims when its row is expanded", async () => {
      const { view } = await openSettled();
      await view.click(`${row('jwt')} [data-testid="cookie-toggle"]`);
      await view.waitForSelector(`${row('jwt')} [data-testid="cookie-detail"] [data-testid="jwt-claims"]`);
      expect(await view.$eval(`${row('jwt')} [data-testid="decoded"]`, (el) => el.getAttribute('data-format'))).toBe(
        'jwt',
      );
      expect(await view.$(`${row('jwt')} [data-testid="jwt-header"]`)).not.toBeNull();
      const claim = (name: string) =>
        view.$eval(`${row('jwt')} [data-testid="claim"][data-claim="${name}"]`, (el) => el.textContent ?? '');
      expect(await claim('sub')).toContain(JWT_CLAIMS.sub);
      expect(await claim('name')).toContain(JWT_CLAIMS.name);
      expect(await claim('role')).toContain(JWT_CLAIMS.role);
      // exp is about an hour from now: the readable date carries this year (or next, around New Year).
      const expText = await claim('exp');
      const expYear = new Date(Date.now() + JWT_LIFETIME_S * 1000).getFullYear();
      expect(expText).toMatch(new RegExp(`${expYear}`));
      expect(await claim('iat')).not.toBe('');
      expect(await view.$eval(`${row('jwt')} [data-testid="jwt-status"]`, (el) => el.getAttribute('data-status'))).toBe(
        'valid',
      );

      await view.click(`${row('jwt_expired')} [data-testid="cookie-toggle"]`);
      const status = await view.waitForSelector(`${row('jwt_expired')} [data-testid="jwt-status"]`);
      expect(await status!.evaluate((el) => el.getAttribute('data-status'))).toBe('expired');
      await view.close();
    });

    it('shows hostile cookie values as text and runs none of them', async () => {
      const { view, dialogs } = await openSettled();
      const value = (name: string) =>
        view.$eval(`${row(name)} [data-testid="cookie-value"]`, (el) => el.textContent ?? '');
      // The value may be shortened with an ellipsis, but what is shown is the markup as characters.
      expect(await value('xss')).toContain(HOSTILE_TEXT.slice(0, 20));
      expect(await value('xss_canary')).toContain(CANARY_TEXT.slice(0, 20));
      // Expanding renders the full value and its decoding (the URL-encoded one may be shown decoded).
      for (const name of ['xss', 'xss_encoded', 'xss_canary']) {
        await view.click(`${row(name)} [data-testid="cookie-toggle"]`);
        await view.waitForSelector(`${row(name)} [data-testid="cookie-detail"]`);
      }
      expect(await view.$eval(row('xss'), (el) => el.textContent)).toContain(HOSTILE_TEXT);
      expect(await markupTrace(view)).toEqual({ hostileImages: 0, inlineHandlers: 0, pwned: undefined });
      expect(dialogs).toEqual([]);
      await view.close();
    });
  });

  it('the panel lists its host’s cookies of other sites’ partitions apart from its table, as kept under those sites, and deletes them', async () => {
    const own = await setPartitionedCookie(suite.session.control, HOST, 'own_chip', 'http://sessionscope.localhost');
    const other = await setPartitionedCookie(suite.session.control, HOST, 'other_chip', 'https://embedder.test');
    try {
      const panel = await suite.openReadyView('panel');
      expect(await elsewhereCookies(panel, 'other_chip')).toEqual({ other_chip: 'https://embedder.test' });
      expect(await panel.$(row('own_chip'))).not.toBeNull();
      expect(await panel.$(row('other_chip'))).toBeNull();
      // Its change in the timeline names the partition: the name and domain are those of the page's cookies.
      const change = await panel.waitForSelector(
        '[data-testid="timeline-entry"][data-name="other_chip"] [data-testid="timeline-partition"]',
        { timeout: 10_000 },
      );
      expect(await change!.evaluate((e) => e.textContent)).toBe('partitioned under https://embedder.test');
      // Deleted from there, from its own partition only: the page's own partitioned cookie of the host stays.
      await panel.click('[data-testid="elsewhere"] summary');
      await panel.click('[data-testid="elsewhere-cookie"][data-name="other_chip"] [data-testid="elsewhere-delete"]');
      await waitUntil('the other partition’s cookie deleted', async () =>
        (await partitionedNames(suite.session.control, HOST)).includes('other_chip') ? undefined : true,
      );
      expect(await partitionedNames(suite.session.control, HOST)).toEqual(['own_chip']);
      await panel.waitForSelector('[data-testid="elsewhere"]', { hidden: true });
      // Undo puts it back in that partition, and the list shows it again.
      await panel.click('[data-testid="undo"]');
      expect(await elsewhereCookies(panel, 'other_chip')).toEqual({ other_chip: 'https://embedder.test' });
      expect(await partitionedNames(suite.session.control, HOST)).toEqual(['other_chip', 'own_chip']);
      // With a second one, under a third site: one button deletes them all, and one Undo puts them all back.
      const far = await setPartitionedCookie(suite.session.control, HOST, 'far_chip', 'https://far.test');
      try {
        expect(await elsewhereCookies(panel, 'far_chip')).toEqual({
          far_chip: 'https://far.test',
          other_chip: 'https://embedder.test',
        });
        // The list came back closed with the Undo (a click in a closed <details> does nothing).
        await panel.$eval('[data-testid="elsewhere"]', (d) => ((d as HTMLDetailsElement).open = true));
        await panel.click('[data-testid="elsewhere-delete-all"]');
        await waitUntil('both deleted from their partitions', async () =>
          (await partitionedNames(suite.session.control, HOST)).length === 1 ? true : undefined,
        );
        expect(await partitionedNames(suite.session.control, HOST)).toEqual(['own_chip']);
        await panel.waitForSelector('[data-testid="elsewhere"]', { hidden: true });
        await panel.click('[data-testid="undo"]');
        expect(await elsewhereCookies(panel, 'far_chip')).toEqual({
          far_chip: 'https://far.test',
          other_chip: 'https://embedder.test',
        });
        expect(await partitionedNames(suite.session.control, HOST)).toEqual(['far_chip', 'other_chip', 'own_chip']);
      } finally {
        await far();
      }
      await panel.close();
    } finally {
      await other();
      await own();
    }
  });

  it('opens from the toolbar without starting a stopped worker, with the undo and protection the background kept', async () => {
    const c = suite.session;
    const read = await sendFrom(c.control, 'readCookies', { scope: 'site', host: HOST });
    const cookie = (name: string) => (read.ok ? read.cookies.find((x) => x.name === name) : undefined);
    const theme = cookie('theme');
    const sid = cookie('connect.sid');
    expect(theme && sid).toBeTruthy();
    // Through the background, as the popup's own writes go: a delete it keeps an undo of, and a protected cookie.
    expect(
      await sendFrom(c.control, 'writeCookies', {
        ops: [{ kind: 'remove', cookie: theme! }],
        label: 'delete of theme',
      }),
    ).toMatchObject({ ok: true, undoable: true });
    expect((await sendFrom(c.control, 'setProtected', { cookie: sid!, protect: true })).protected).toHaveLength(1);
    try {
      // The site's tab in front before the worker stops: its activation would start the worker again.
      await suite.page.bringToFront();
      await c.stopWorker();
      const view = suite.track(await openRealPopup(c, suite.page));
      await waitForViewState(view, 'popup');
      // The undo state and the protection are read from storage (src/platform/edit-state.ts), as the background left
      // them, not asked of it.
      const undo = await view.waitForSelector('[data-testid="undo"]');
      expect(await undo!.evaluate((el) => el.getAttribute('aria-label'))).toBe('Undo delete of theme');
      await view.click(`${row('connect.sid')} [data-testid="cookie-toggle"]`);
      const protect = await view.waitForSelector(`${row('connect.sid')} [data-testid="cookie-protect"]`);
      expect(await protect!.evaluate((el) => (el as HTMLInputElement).checked)).toBe(true);
      // Nothing the popup did started the worker.
      await expect(c.workerTarget(1_000)).rejects.toThrow();
      await view.close();
    } finally {
      await sendFrom(c.control, 'undoLast', {});
      await sendFrom(c.control, 'setProtected', { cookie: sid!, protect: false });
    }
  });
});
