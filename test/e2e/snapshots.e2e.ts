import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { BrowserSession } from './harness/browser-session';
import { withChromium, withFirefox, type Suite } from './harness/setup';
import { deleteAllCookies, readJar } from './harness/transfer';
import { waitUntil } from './harness/wait';
import { startTransferSite, TRANSFER_LOGGED_IN, type RunningTransferSite } from './site/transfer-site';

/**
 * Issue 8's snapshots, as a tester uses them to check access control: log in as alice, save her session under a
 * name; log out and in as bob, save his; restore either and the real site (express-session) sees that user again;
 * compare two snapshots, or one with now.
 */
async function whoIs(suite: Suite<BrowserSession, RunningTransferSite>): Promise<string> {
  const p = suite.track(await suite.session.openPage(suite.site.url('/account')));
  const who = await p.$eval('#who', (el) => el.textContent ?? '');
  await p.close();
  return who;
}

async function logIn(suite: Suite<BrowserSession, RunningTransferSite>, user: string): Promise<string> {
  const p = suite.track(await suite.session.openPage(suite.site.url(`/login?user=${user}`)));
  await p.close();
  const sid = await waitUntil(`${user}'s session cookie`, async () =>
    (await readJar(suite.session.control)).find((c) => c.name === 'sid'),
  );
  return sid.value;
}

async function status(view: Page): Promise<string> {
  const el = await view.waitForSelector(
    '[data-testid="snapshot-status"]:is([data-outcome="done"],[data-outcome="failed"])',
  );
  const { outcome, text } = await el!.evaluate((e) => ({
    outcome: e.getAttribute('data-outcome'),
    text: e.textContent ?? '',
  }));
  if (outcome !== 'done') throw new Error(`the snapshot action said "${text}"`);
  // The next action's outcome must not be read as this one's.
  await view.$eval('[data-testid="snapshot-status"]', (e) => e.setAttribute('data-outcome', 'stale'));
  return text;
}

async function save(view: Page, name: string): Promise<string> {
  await view.$eval('[data-testid="snapshot-name"]', (e) => ((e as HTMLInputElement).value = ''));
  await view.type('[data-testid="snapshot-name"]', name);
  await view.click('[data-testid="snapshot-save"]');
  const said = await status(view);
  await view.waitForSelector(`[data-testid="snapshot-item"][data-name="${name}"]`);
  return said;
}

async function compare(view: Page, from: string, to: string): Promise<Array<[string, string]>> {
  await view.select('[data-testid="snapshot-from"]', from);
  await view.select('[data-testid="snapshot-to"]', to);
  await view.click('[data-testid="snapshot-compare"]');
  await status(view);
  return view.$$eval('[data-testid="diff-cookie"]', (els) =>
    els.map((e) => [e.getAttribute('data-name') ?? '', e.getAttribute('data-change') ?? ''] as [string, string]),
  );
}

async function restore(view: Page, name: string): Promise<string> {
  await view.click(`[data-testid="snapshot-item"][data-name="${name}"] [data-testid="snapshot-restore"]`);
  return status(view);
}

function snapshotSuite(name: string, suite: Suite<BrowserSession, RunningTransferSite>) {
  it(`${name}: save alice and bob, restore each and the site sees that user; compare`, async () => {
    const aliceSid = await logIn(suite, 'alice');
    expect(await whoIs(suite)).toBe(`${TRANSFER_LOGGED_IN} alice`);
    const view = await suite.openReadyView('popup');
    await view.click('[data-testid="snapshots-toggle"]');
    // Opt-in first: the view says snapshots hold live credentials.
    await view.waitForSelector('[data-testid="snapshots"][data-state="off"] [data-testid="snapshot-warning"]');
    await view.click('[data-testid="snapshot-opt-in"]');
    await status(view);
    expect(await save(view, 'alice')).toMatch(/^Saved "alice"/);

    // Log out (the site's cookies go) and in as bob: a new session id.
    await deleteAllCookies(suite.session.control);
    const bobSid = await logIn(suite, 'bob');
    expect(bobSid).not.toBe(aliceSid);
    expect(await whoIs(suite)).toBe(`${TRANSFER_LOGGED_IN} bob`);
    await save(view, 'bob');

    expect(await compare(view, 'alice', '=bob')).toContainEqual(['sid', 'changed']);
    expect(await compare(view, 'bob', 'now')).toEqual([]);

    expect(await restore(view, 'alice')).toMatch(/^Restored "alice": \d+ cookies? set(, \d+ deleted)?, all done/);
    expect(await whoIs(suite)).toBe(`${TRANSFER_LOGGED_IN} alice`);
    expect((await readJar(suite.session.control)).find((c) => c.name === 'sid')?.value).toBe(aliceSid);
    expect(await compare(view, 'bob', 'now')).toContainEqual(['sid', 'changed']);

    await restore(view, 'bob');
    expect(await whoIs(suite)).toBe(`${TRANSFER_LOGGED_IN} bob`);
    // The view offers to undo the restore it just made, by its name.
    await view.waitForFunction(
      () => document.querySelector('[data-testid="undo"]')?.textContent?.startsWith('Undo restore of snapshot "bob"'),
      { timeout: 5_000 },
    );

    // A deleted snapshot can be put back with Undo; deleting it again removes it from the list (and from storage: a
    // fresh view does not list it).
    const deleteAlice = async () => {
      await view.click('[data-testid="snapshot-item"][data-name="alice"] [data-testid="snapshot-delete"]');
      await status(view);
    };
    await deleteAlice();
    await view.click('[data-testid="snapshot-undo-delete"]');
    expect(await status(view)).toBe('Put back "alice".');
    await view.waitForSelector('[data-testid="snapshot-item"][data-name="alice"]');
    await deleteAlice();
    const fresh = await suite.openReadyView('popup');
    await fresh.click('[data-testid="snapshots-toggle"]');
    await fresh.waitForSelector('[data-testid="snapshot-item"][data-name="bob"]');
    expect(
      await fresh.$$eval('[data-testid="snapshot-item"]', (els) => els.map((e) => e.getAttribute('data-name'))),
    ).toEqual(['bob']);

    // Saving under bob's name says first that it replaces bob's snapshot.
    await fresh.type('[data-testid="snapshot-name"]', 'bob');
    await fresh.waitForSelector('[data-testid="snapshot-replaces"]');
    expect(await fresh.$eval('[data-testid="snapshot-save"]', (b) => b.textContent)).toBe('Replace snapshot');

    // Turning snapshots off asks first, and deletes them only on yes: from storage too (a fresh view is off).
    await fresh.click('[data-testid="snapshot-opt-out"]');
    await fresh.waitForSelector('[data-testid="snapshot-opt-out-confirm"]');
    expect(await fresh.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('snapshot-opt-out-no');
    await fresh.click('[data-testid="snapshot-opt-out-no"]');
    await fresh.click('[data-testid="snapshot-opt-out"]');
    await fresh.click('[data-testid="snapshot-opt-out-yes"]');
    await fresh.waitForSelector('[data-testid="snapshots"][data-state="off"]');
    const after = await suite.openReadyView('popup');
    await after.click('[data-testid="snapshots-toggle"]');
    await after.waitForSelector('[data-testid="snapshots"][data-state="off"]');
  });
}

describe('snapshots in Chromium (issue 8)', () => {
  const chromium = withChromium<RunningTransferSite>({ site: () => startTransferSite(), open: '/' });
  snapshotSuite('Chromium', chromium);
});

describe('snapshots in Firefox (issue 8)', () => {
  const firefox = withFirefox<RunningTransferSite>({
    site: () => startTransferSite(),
    launch: async (site) => ({ prefs: { 'network.dns.localDomains': Object.values(site.hosts).join(',') } }),
    open: '/',
  });
  snapshotSuite('Firefox', firefox);
});
