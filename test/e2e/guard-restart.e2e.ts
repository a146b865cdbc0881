import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser as WebExtBrowser, Cookies } from 'webextension-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserSession } from './harness/browser-session';
import { launchChromium } from './harness/chromium';
import { launchFirefox } from './harness/firefox';
import { sendFrom } from './harness/extension-messages';
import { waitUntil } from './harness/wait';
import { startSite, type RunningSite } from './site/test-site';

declare const browser: WebExtBrowser;

const HOST = '127.0.0.1';

function jar(session: BrowserSession): Promise<Cookies.Cookie[]> {
  return session.control.evaluate((domain: string) => browser.cookies.getAll({ domain }), HOST);
}

async function visit(session: BrowserSession, url: string): Promise<void> {
  const p = await session.openPage(url);
  await p.close();
}

/** A launch on `profileDir`, kept on close; in Firefox the extension is installed in it as a user's add-on. */
const browsers: Array<[string, (profileDir: string) => Promise<BrowserSession>]> = [
  ['Chromium', (profileDir) => launchChromium({ profileDir })],
  ['Firefox', (profileDir) => launchFirefox({ profileDir })],
];

/**
 * Issue 8: protected cookies and block rules live in storage.local, so they hold after the browser quits and
 * starts again on the same profile (a second launch), not only after the worker restarts.
 */
describe.each(browsers)('protect and block across a browser restart (%s)', (name, launch) => {
  let site: RunningSite;
  let profile = '';
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    site = await startSite(HOST);
    profile = await mkdtemp(join(tmpdir(), 'sessionscope-restart-'));
  });
  afterAll(async () => {
    await session?.close();
    await site?.stop();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('a protected cookie is put back and a blocked one removed after the relaunch', async () => {
    session = await launch(profile);
    // Persistent cookies: a session cookie would not outlive the quit anyway.
    await visit(session, site.url('/set?n=guarded&v=mine&maxAge=86400'));
    const read = await sendFrom(session.control, 'readCookies', { scope: 'site', host: HOST });
    const guarded = read.ok ? read.cookies.find((c) => c.name === 'guarded') : undefined;
    expect(guarded?.value).toBe('mine');
    expect(
      (await sendFrom(session.control, 'setProtected', { cookie: guarded!, protect: true })).protected,
    ).toHaveLength(1);
    await sendFrom(session.control, 'setBlockRules', { rules: [{ name: 'blocked_*', domain: '*' }] });
    await session.close();
    session = undefined;

    session = await launch(profile);
    const s = session;
    // Not a temporary add-on ('development'), which Firefox drops with its storage when it quits: in Firefox, one
    // the profile holds in its extensions folder ('sideload'); in Chromium, the unpacked one, loaded again.
    expect(await s.control.evaluate(async () => (await browser.management.getSelf()).installType)).toBe(
      name === 'Firefox' ? 'sideload' : 'development',
    );
    // The profile came back: the cookie is still there, and so are the settings.
    expect((await jar(s)).find((c) => c.name === 'guarded')?.value).toBe('mine');
    const guards = await sendFrom(s.control, 'getGuards', {});
    expect(guards.protected.map((c) => [c.name, c.value])).toEqual([['guarded', 'mine']]);
    expect(guards.blockRules).toEqual([{ name: 'blocked_*', domain: '*' }]);
    // And they act: the site's own Set-Cookie is undone, a blocked cookie goes.
    await visit(s, site.url('/set?n=guarded&v=theirs&maxAge=86400'));
    await visit(s, site.url('/set?n=blocked_after&v=1&maxAge=86400'));
    await waitUntil('protect and block after the relaunch', async () => {
      const l = await jar(s);
      return l.some((c) => c.name === 'guarded' && c.value === 'mine') && !l.some((c) => c.name === 'blocked_after');
    });
  });
});
