import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { FIRST_PAINT_MARKS } from '../../src/popup/first-paint-marks';
import { DECODERS_MARK } from '../../src/popup/first-rows';
import { toCookieRecord, type BrowserCookie } from '../../src/core/cookie/to-cookie-record';
import { jarFingerprint } from '../../src/core/cookie/jar-fingerprint';
import { FIRST_PAINT_HINT_KEY, type FirstPaintHint } from '../../src/protocol/first-paint-hint';
import { makeJwt } from '../fakes/make-jwt';
import { TAKE_OVER_MARK } from '../../src/popup/take-over';
import type { BrowserSession } from './harness/browser-session';
import { POPUP_PATH } from './harness/paths';
import { withChromium, withFirefox, type StartedSite, type Suite } from './harness/setup';
import { openRealPopup, waitForViewState } from './harness/views';
import { waitUntil } from './harness/wait';
import { startSite } from './site/test-site';

/*
 * Issue 10: the popup paints its rows before Preact loads (src/popup/boot.ts, plain DOM), then the popup proper
 * takes them over. The rows of that first paint must be the rows shown after the takeover and after the analysis:
 * the same cookies, in the same session-first order, with the same flags, and (until the analysis adds its findings
 * above them) at the same places.
 */

/**
 * Installed before the page's scripts: notes the rows the moment the first paint puts them in (its `<main>` has
 * `data-first-paint`) and the moment the popup has taken that `<main>` over (the attribute is gone), each with the
 * rows' data attributes and their places. A string: tsx's `__name` helper does not exist in the page.
 */
const SNAP = `() => [...document.querySelectorAll('[data-testid="cookie-row"]')].map((r) => ({
  key: r.dataset.key, session: r.dataset.session, httponly: r.dataset.httponly, secure: r.dataset.secure,
  samesite: r.dataset.samesite, hostonly: r.dataset.hostonly, partitioned: r.dataset.partitioned,
  top: r.getBoundingClientRect().top + window.scrollY, height: r.getBoundingClientRect().height,
}))`;

const RECORDER = `(() => {
  if (window.__firstPaint) return 'installed';
  const snap = ${SNAP};
  const seen = { painted: null, takenOver: null };
  const note = () => {
    const main = document.querySelector('main[data-testid="popup"]');
    if (!main) return;
    if (seen.painted === null && main.hasAttribute('data-first-paint')) seen.painted = snap();
    if (seen.painted !== null && seen.takenOver === null && !main.hasAttribute('data-first-paint')) {
      seen.takenOver = { rows: snap(), analysis: main.getAttribute('data-analysis') };
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(note);
  // Installed late (see openRecorded), the popup may already be past its first paint: that run cannot tell.
  if (document.querySelector('main[data-testid="popup"]:not([data-first-paint])')) return 'missed';
  window.__firstPaint = seen;
  note();
  observer.observe(document, { childList: true, subtree: true, attributes: true });
  return 'installed';
})()`;

interface RowSnap {
  key: string;
  session: string;
  httponly: string;
  secure: string;
  samesite: string;
  hostonly: string;
  partitioned: string;
  top: number;
  height: number;
}

interface Seen {
  painted: RowSnap[] | null;
  takenOver: { rows: RowSnap[]; analysis: string } | null;
}

const withoutPlace = ({ top: _t, height: _h, ...rest }: RowSnap) => rest;

/**
 * The popup as a tab with the recorder in it before its first paint. Chromium runs it before the page's scripts
 * (evaluateOnNewDocument). Firefox runs no preload script in a moz-extension:// page, so there it is installed by
 * evaluating it as soon as the new document answers: the first paint waits for the tab and cookie reads, so that
 * is nearly always in time, and a run where the popup had already taken over is opened again.
 */
async function openRecorded(suite: Suite<BrowserSession, StartedSite>, firefox: boolean): Promise<Page> {
  if (!firefox) return suite.openView('popup', { beforeLoad: (p) => p.evaluateOnNewDocument(RECORDER) });
  const url = `${suite.session.extensionUrl(POPUP_PATH)}?tabId=${suite.tabId}`;
  for (let attempt = 0; attempt < 5; attempt++) {
    const page = suite.track(await suite.session.browser.newPage());
    void page.goto(url).catch(() => undefined);
    const state = await waitUntil(
      'the popup document',
      () => page.evaluate(`location.href === ${JSON.stringify(url)} ? ${RECORDER} : undefined`).catch(() => undefined),
      { intervalMs: 0 },
    );
    if (state === 'installed') return page;
    await page.close();
  }
  throw new Error('the recorder came too late in every run');
}

/** A JWT under a name that says nothing: only its decoded value (or the background's hint) makes it a session. */
const CARRIER = 'carrier';

/** The site's session cookies, a JWT only decoding finds, and more rows than a first screenful (light rows too). */
function visitJar(suite: Suite<BrowserSession, StartedSite>): Promise<void> {
  const jwt = makeJwt({ sub: 'user-7' });
  return suite.visit([
    suite.site.url('/'),
    suite.site.url(`/set?n=${CARRIER}&v=${encodeURIComponent(jwt)}`),
    suite.site.url('/many?count=30&prefix=pref_'),
  ]);
}

/** The first paint's rows, once the popup has taken them over; and whether the decoders were asked for before them. */
async function recordedFirstPaint(view: Page): Promise<{ seen: Seen; decodedFirst: boolean }> {
  expect(await waitForViewState(view, 'popup')).toBe('ready');
  const seen = await waitUntil('the takeover recorded', async () => {
    const s = (await view.evaluate('window.__firstPaint')) as Seen;
    return s.takenOver ? s : undefined;
  });
  const decodedFirst = (await view.evaluate(`(() => {
    const at = (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime;
    const decoders = at(${JSON.stringify(DECODERS_MARK)});
    return decoders !== undefined && decoders < at(${JSON.stringify(FIRST_PAINT_MARKS.rows)});
  })()`)) as boolean;
  return { seen, decodedFirst };
}

/** The first-paint hint the background left in storage.session, read or replaced from an extension page. */
const HINT = {
  /**
   * The hint, and the cookies of `host` as the cookies API lists them (the test site's are all host-only on Path=/;
   * by domain, not by URL: Firefox's `getAll({ url })` leaves out a Secure cookie the page at http://127.0.0.1 gets).
   */
  read: (host: string) => `(async () => {
    const api = globalThis.browser ?? chrome;
    const hint = (await api.storage.session.get(${JSON.stringify(FIRST_PAINT_HINT_KEY)}))[${JSON.stringify(FIRST_PAINT_HINT_KEY)}];
    return { hint: hint ?? null, jar: await api.cookies.getAll({ domain: ${JSON.stringify(host)} }) };
  })()`,
  // Worked out by another version: it answers for no cookies (protocol/first-paint-hint.ts).
  spoil: `(globalThis.browser ?? chrome).storage.session.get(${JSON.stringify(FIRST_PAINT_HINT_KEY)}).then((r) => (globalThis.browser ?? chrome).storage.session.set({ [${JSON.stringify(FIRST_PAINT_HINT_KEY)}]: { ...r[${JSON.stringify(FIRST_PAINT_HINT_KEY)}], version: '0.0.0-other' } }))`,
};

function firstPaintSuite(name: string, suite: Suite<BrowserSession, StartedSite>, firefox: boolean) {
  it(`${name}: the first paint's rows are the rows the popup shows, in the same order and places`, async () => {
    await visitJar(suite);
    const view = await openRecorded(suite, firefox);
    const { seen } = await recordedFirstPaint(view);
    const painted = seen.painted!;
    expect(painted.length).toBeGreaterThan(30);
    // Session cookies first, as the analysis orders them.
    const firstOther = painted.findIndex((r) => r.session === 'false');
    expect(painted.slice(0, firstOther).every((r) => r.session === 'true')).toBe(true);
    expect(painted.slice(firstOther).every((r) => r.session === 'false')).toBe(true);
    expect(firstOther).toBeGreaterThan(0);
    expect(painted.find((r) => JSON.parse(r.key)[0] === CARRIER)?.session).toBe('true');
    // Taken over before the analysis came in: same rows, flags, order, places and heights.
    expect(seen.takenOver!.analysis).toBe('pending');
    expect(seen.takenOver!.rows).toEqual(painted);
    // After the analysis: the same rows, flags and order, and in the same places (the findings' box above them was as
    // high before the findings came in).
    const analysed = (await view.evaluate(`(${SNAP})()`)) as RowSnap[];
    expect(analysed.map(withoutPlace)).toEqual(painted.map(withoutPlace));
    expect(analysed.map((r) => Math.round(r.top))).toEqual(painted.map((r) => Math.round(r.top)));
  });

  it(`${name}: the first paint takes the background's session reasons for these very cookies, else decodes first`, async () => {
    await visitJar(suite);
    // The background analyses the active tab for its badge once the tab's events settle, and leaves the reasons.
    // It may first leave a hint for the cookies of an earlier page of the visit: wait for the one for them all.
    const probe = await suite.openView('popup');
    const host = new URL(suite.site.url('/')).hostname;
    const hint = await waitUntil('the background’s hint for the jar', async () => {
      const { hint, jar } = (await probe.evaluate(HINT.read(host))) as {
        hint: FirstPaintHint | null;
        jar: BrowserCookie[];
      };
      return hint !== null && hint.fingerprint === jarFingerprint(jar.map(toCookieRecord)) ? hint : undefined;
    });
    expect(hint.session.map(([key]) => JSON.parse(key)[0])).toContain(CARRIER);
    const hinted = await recordedFirstPaint(await openRecorded(suite, firefox));
    expect(hinted.decodedFirst).toBe(false);
    // A hint that does not answer for these cookies is not used: the decoders load first, and paint the same rows.
    await probe.evaluate(HINT.spoil);
    const decoded = await recordedFirstPaint(await openRecorded(suite, firefox));
    expect(decoded.decodedFirst).toBe(true);
    expect(decoded.seen.painted!.map(withoutPlace)).toEqual(hinted.seen.painted!.map(withoutPlace));
    expect(hinted.seen.takenOver!.rows).toEqual(hinted.seen.painted);
    expect(hinted.seen.painted!.find((r) => JSON.parse(r.key)[0] === CARRIER)?.session).toBe('true');
  });

  it(`${name}: the page loads one script, the module that paints the rows, and it carries the compile hint`, async () => {
    const view = await suite.openView('popup');
    expect(await waitForViewState(view, 'popup')).toBe('ready');
    const page = (await view.evaluate(`(async () => ({
      scripts: [...document.scripts].map((s) => [s.getAttribute('src'), s.type]),
      heads: await Promise.all([...document.scripts].map(async (s) => (await (await fetch(s.src)).text()).slice(0, 40))),
    }))()`)) as { scripts: Array<[string, string]>; heads: string[] };
    // A second script of its own, started before the module to begin the reads, held the module up in the toolbar
    // (docs/popup-speed.md): the module's first lines start them.
    expect(page.scripts).toHaveLength(1);
    expect(page.scripts[0]![0]).toMatch(/^\/popup\/index-[\w-]+\.js$/);
    expect(page.scripts[0]![1]).toBe('module');
    // V8's compile hint on its first line, so its functions come compiled from the code cache.
    expect(page.heads[0]!.split('\n')[0]).toBe('//# allFunctionsCalledOnLoad');
    // Its marks, which the bench reads in the toolbar popups, on the page's clock and in their order.
    const marks = (await view.evaluate(
      `${JSON.stringify(Object.values(FIRST_PAINT_MARKS))}.map((n) => performance.getEntriesByName(n, 'mark').length === 1 ? performance.getEntriesByName(n, 'mark')[0].startTime : null)`,
    )) as Array<number | null>;
    expect(marks.every((t) => typeof t === 'number' && t > 0)).toBe(true);
    expect([...marks].sort((a, b) => a! - b!)).toEqual(marks);
    expect(await view.$$('[data-testid="cookie-row"]')).not.toHaveLength(0);
  });
}

/** When the page's first contentful paint is dated, and when it asked for the popup proper (take-over.ts's mark). */
const PAINT_AND_TAKEOVER = `(() => {
  const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
  return { fcp: at('first-contentful-paint'), takeOver: at(${JSON.stringify(TAKE_OVER_MARK)}) };
})()`;

describe('popup first paint', () => {
  describe('Chromium', () => {
    const suite = withChromium({ site: () => startSite('first.sessionscope.localhost'), open: '/' });
    firstPaintSuite('Chromium', suite, false);

    it('Chromium: the real toolbar popup asks for the popup proper only once its rows are on screen', async () => {
      // A toolbar popup is shown once its page has loaded and been sized, well after the frame with its rows was
      // produced: loading the popup proper in between held up its being shown (take-over.ts).
      await suite.visit([suite.site.url('/many?count=30&prefix=pref_')]);
      const popup = suite.track(await openRealPopup(suite.session, suite.page));
      expect(await waitForViewState(popup, 'popup')).toBe('ready');
      const seen = await waitUntil('the paint and the takeover dated', async () => {
        const t = (await popup.evaluate(PAINT_AND_TAKEOVER)) as { fcp: number | null; takeOver: number | null };
        return t.fcp !== null && t.takeOver !== null ? (t as { fcp: number; takeOver: number }) : undefined;
      });
      // The browser dates paints to a few milliseconds; the popup proper was asked for 50 to 90 ms before the paint
      // when it loaded right after the rows' frame was produced.
      expect(seen.takeOver).toBeGreaterThanOrEqual(seen.fcp - 4);
    });
  });
  describe('Firefox', () => {
    firstPaintSuite('Firefox', withFirefox({ site: () => startSite('127.0.0.1'), open: '/' }), true);
  });
});
