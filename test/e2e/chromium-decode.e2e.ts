import type { Frame, Page } from 'puppeteer-core';
import type { Browser as WebExtBrowser } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { readBadge } from './harness/badge';
import { withChromium } from './harness/setup';
import { inReadyDevToolsPanel, openRealPopup, row, waitForRow, waitForViewState } from './harness/views';
import { waitUntil } from './harness/wait';
import {
  COOKIE_SESSION_DATA,
  COOKIE_SESSION_KEYS,
  EXPRESS_SESSION_SECRET,
  FLASK_COOKIE,
  WEAK_JWT_SECRET,
  flaskCompressedFixture,
  startDecodeSite,
} from './site/decode-site';

// Functions given to `evaluate` run in an extension page, where `browser` is native.
declare const browser: WebExtBrowser;

const HOST = 'decode.sessionscope.localhost';
const WRONG_SECRET = 'decode-e2e-not-the-secret';

/** The decoded data of an open detail, parsed back: the view shows line breaks as visible control pictures. */
async function decodedData(view: Page | Frame, scope: string): Promise<unknown> {
  const text = await view.$eval(`${scope} [data-testid="decoded-data"]`, (el) => el.textContent ?? '');
  return JSON.parse(text.replaceAll('\u240a', '\n'));
}

async function openDetail(popup: Page, name: string): Promise<string> {
  await popup.click(`${row(name)} [data-testid="cookie-toggle"]`);
  const scope = `${row(name)} [data-testid="cookie-detail"]`;
  await popup.waitForSelector(scope, { timeout: 10_000 });
  return scope;
}

async function findingRules(view: Page | Frame, scope: string): Promise<string[]> {
  return view.$$eval(`${scope} [data-testid="finding"]`, (els) => els.map((e) => e.getAttribute('data-rule') ?? ''));
}

/** Types into the verify field of the panel's detail (replacing what was there), verifies, waits for `status`. */
async function verifyInPanel(panel: Frame, text: string, status: string): Promise<string> {
  const input = '[data-testid="detail"] [data-testid="verify-input"]';
  await panel.click(input);
  await panel.$eval(input, (el) => (el as HTMLTextAreaElement).select());
  await panel.page().keyboard.press('Backspace');
  await panel.type(input, text);
  await panel.click('[data-testid="detail"] [data-testid="verify-button"]');
  const result = await panel.waitForSelector(
    `[data-testid="detail"] [data-testid="verify-result"][data-status="${status}"]`,
    { timeout: 10_000 },
  );
  return result!.evaluate((el) => el.textContent ?? '');
}

/**
 * Records, in the popup document from its first script on, whether the weak-secret check was seen running
 * and the longest gap between two 10 ms timer ticks while it ran: a frozen page would show a long one.
 */
function responsivenessProbe(): void {
  const w = window as unknown as { __probe: { sawRunning: boolean; maxGapMs: number; ticks: number } };
  const probe = { sawRunning: false, maxGapMs: 0, ticks: 0 };
  w.__probe = probe;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const running = document.querySelector('[data-testid="weak-secret-progress"][data-state="running"]') !== null;
    if (running) {
      if (probe.sawRunning) probe.maxGapMs = Math.max(probe.maxGapMs, now - last);
      probe.sawRunning = true;
      probe.ticks++;
    } else if (probe.sawRunning) {
      clearInterval(timer);
    }
    last = now;
  }, 10);
}

describe('Chromium: decoding and verifying real framework sessions', () => {
  // One navigation: the site's redirects set the cookie-session, express-session, JWT and Flask cookies.
  const suite = withChromium({ site: () => startDecodeSite(HOST), open: '/' });

  it('lands on /home after the redirects', () => {
    expect(suite.page.url()).toBe(suite.site.url('/home'));
  });

  it('shows the cookie-session data and the Flask compressed payload in the popup', async () => {
    const popup = await openRealPopup(suite.session, suite.page);
    try {
      expect(await waitForViewState(popup, 'popup')).toBe('ready');
      await waitForRow(popup, 'session.sig');

      const cs = await openDetail(popup, 'session');
      expect(await popup.$eval(`${cs} [data-testid="decoded"]`, (el) => el.getAttribute('data-format'))).toBe(
        'cookie-session',
      );
      expect(await decodedData(popup, cs)).toEqual(COOKIE_SESSION_DATA);

      const flask = await openDetail(popup, FLASK_COOKIE);
      expect(await popup.$eval(`${flask} [data-testid="decoded"]`, (el) => el.getAttribute('data-format'))).toBe(
        'flask',
      );
      expect(await popup.$(`${flask} [data-testid="decode-layer"][data-kind="zlib"]`)).not.toBeNull();
      expect(await decodedData(popup, flask)).toEqual(flaskCompressedFixture().payload);
    } finally {
      await popup.close();
    }
  });

  it('finds the JWT signed with "secret" by itself, without freezing the popup, and counts it on the badge', async () => {
    const popup = await suite.openReadyView('popup', {
      beforeLoad: (p) => p.evaluateOnNewDocument(responsivenessProbe),
    });
    const progress = await popup.waitForSelector('[data-testid="weak-secret-progress"][data-state="done"]', {
      timeout: 30_000,
    });
    const summary = await progress!.evaluate((el) => ({
      text: el.textContent ?? '',
      values: el.getAttribute('data-values'),
      hits: el.getAttribute('data-hits'),
    }));
    // token, connect.sid, session (with session.sig) and the Flask cookie are HMAC-signed; only token is weak.
    expect(summary).toMatchObject({ values: '4', hits: '1' });
    expect(summary.text).toMatch(/^Checked 4 signed values against \d{3,} known secrets/);

    const probe = await popup.evaluate(
      () => (window as unknown as { __probe: { sawRunning: boolean; maxGapMs: number } }).__probe,
    );
    expect(probe.sawRunning).toBe(true);
    // The check yields between chunks: timers keep firing while it runs.
    expect(probe.maxGapMs).toBeLessThan(250);

    const token = await openDetail(popup, 'token');
    const weak = await popup.$eval(
      `${token} [data-testid="finding"][data-rule="weak-secret"][data-severity="critical"]`,
      (el) => el.textContent ?? '',
    );
    expect(weak).toContain(`secret: ${WEAK_JWT_SECRET}`);
    // Worst first: the site's only critical finding is the weak secret, so the badge's colour below is its doing.
    expect(
      await popup.$$eval('[data-testid="top-findings"] [data-testid="finding"][data-severity="critical"]', (els) =>
        els.map((e) => e.getAttribute('data-rule')),
      ),
    ).toEqual(['weak-secret']);
    for (const name of ['connect.sid', 'session', FLASK_COOKIE]) {
      expect(await findingRules(popup, await openDetail(popup, name))).not.toContain('weak-secret');
    }
    await popup.close();

    // The background's badge runs the same check: a critical finding turns it dark red (badge-for.ts).
    const color = await waitUntil('the badge to count the weak secret', async () => {
      const c = (await readBadge(suite.session.control, suite.tabId)).color;
      return c[0] === 0x8b && c[1] === 0 && c[2] === 0 ? c : undefined;
    });
    expect(color.slice(0, 3)).toEqual([0x8b, 0, 0]);
  });

  it('verifies connect.sid and cookie-session in the DevTools panel, and keeps the secrets out of storage', async () => {
    // The real panel inside DevTools for the site's tab, not the panel page opened as a tab.
    await inReadyDevToolsPanel(suite.session, suite.page, async (panel) => {
      await panel.click(row('connect.sid'));
      await panel.waitForSelector('[data-testid="detail"] [data-testid="verify-input"]', { timeout: 10_000 });
      // The weak-secret check's status stays in sight beside an open detail, above it.
      const status = await panel.waitForSelector('[data-testid="weak-secret-progress"][data-state="done"]', {
        visible: true,
        timeout: 10_000,
      });
      const placed = await panel.evaluate(
        (el) => ({
          statusBottom: el.getBoundingClientRect().bottom,
          detailTop: document.querySelector('[data-testid="detail"]')!.getBoundingClientRect().top,
        }),
        status!,
      );
      expect(placed.statusBottom).toBeLessThanOrEqual(placed.detailTop + 1);
      expect(await panel.$eval('[data-testid="detail"] [data-testid="verify"]', (el) => el.textContent)).toContain(
        'Kept in memory only',
      );

      expect(await verifyInPanel(panel, WRONG_SECRET, 'invalid')).toMatch(/^signature invalid/);
      await panel.waitForSelector('[data-testid="detail"] [data-testid="finding"][data-rule="signature-invalid"]', {
        timeout: 10_000,
      });

      expect(await verifyInPanel(panel, EXPRESS_SESSION_SECRET, 'valid')).toMatch(/^signature valid/);
      await panel.waitForSelector('[data-testid="detail"] [data-testid="finding"][data-rule="signature-verified"]', {
        timeout: 10_000,
      });
      expect(await findingRules(panel, '[data-testid="detail"]')).not.toContain('signature-invalid');

      // cookie-session: several keys, one per line, the current one second.
      await panel.click(row('session'));
      await panel.waitForSelector(
        `[data-testid="detail"][data-key] [data-testid="decoded"][data-format="cookie-session"]`,
        { timeout: 10_000 },
      );
      expect(await verifyInPanel(panel, `${WRONG_SECRET}\n${COOKIE_SESSION_KEYS[0]}`, 'valid')).toContain('#2');

      const stored = await suite.session.control.evaluate(async () =>
        JSON.stringify([await browser.storage.local.get(null), await browser.storage.sync.get(null)]),
      );
      for (const secret of [EXPRESS_SESSION_SECRET, WRONG_SECRET, COOKIE_SESSION_KEYS[0]]) {
        expect(stored).not.toContain(secret);
      }
    });
  });
});
