/**
 * The DevTools panel in real Chromium with a full jar (PERF.md's larger scale: about 3,000 cookies over many sites in
 * the profile). The page requests an image from each of THIRD_PARTIES third-party sites (30 cookies each), and
 * cookies of 80 other sites make up the rest. Timed, on the bench's clock: a new cookie of one third party
 * set over CDP, to the panel's "third parties" count including it (the panel reads the site's and every third
 * party's cookies again on such a change, analyses them and redraws). Beside it, the two ways the browser can be asked
 * for those sites' cookies, timed from the extension's own page: one query under each site's domain, all at once,
 * and one query for the whole store. Then the writes: WRITES cookies of one more site removed in one `writeCookies`
 * and set again in one, as the background applies them (each cookie read before and after).
 * Alone: `npx tsx bench/panel-jar.ts` (after `npm run build:chrome`; BENCH_PANEL_JAR_RUNS rounds, default 15;
 * BENCH_EXTENSION_DIR times another build of the extension, such as an older commit's `dist/chrome`).
 */
import { resolve } from 'node:path';
import type { Frame } from 'puppeteer-core';
import { launchChromium, type ChromiumSession } from '../test/e2e/harness/chromium';
import { settledEntries } from '../test/e2e/harness/change-log';
import { openDevToolsPanel, waitForViewState } from '../test/e2e/harness/views';
import { manyHost, startThirdPartySite } from '../test/e2e/site/third-party-site';
import type { Cookies } from 'webextension-polyfill';
import { toCookieRecord } from '../src/core/cookie/to-cookie-record';
import { sendFrom } from '../test/e2e/harness/extension-messages';
import { otherSitesCookies } from './bench-site';
import { median, ms } from './stats';

export const THIRD_PARTIES = 20;
const PER_THIRD_PARTY = 30;
// Chromium keeps at most 3,300 cookies in all (and then purges to 3,000): the full jar is 3,000, the third parties'
// included.
const OTHERS = 3_000 - THIRD_PARTIES * PER_THIRD_PARTY;
const RUNS = Number(process.env.BENCH_PANEL_JAR_RUNS ?? 15);
const WARMUP = 2;
const API_RUNS = 9;

/** Cookies of one more site, removed and set again in one write each (a "Delete all" and its undo, an import). */
const WRITES = 60;
const WRITE_RUNS = 5;

export interface PanelJarFigures {
  /** A third party's new cookie set → counted in the panel, per round. */
  updates: number[];
  /** The browser's answers, medians: one query per site (all at once), and the whole store. */
  perSite: number;
  wholeStore: number;
  jar: number;
  /** One `writeCookies` of WRITES removals, and of WRITES cookies set, as the popup and the panel send them. */
  removeAll: number[];
  setAll: number[];
}

/** The third parties' own cookies: PER_THIRD_PARTY on each of the page's THIRD_PARTIES image hosts. */
function thirdPartyCookies(port: number) {
  return Array.from({ length: THIRD_PARTIES * PER_THIRD_PARTY }, (_, i) => ({
    name: `t${i % PER_THIRD_PARTY}`,
    value: 'w'.repeat(60),
    url: `http://${manyHost(Math.floor(i / PER_THIRD_PARTY))}:${port}/`,
    path: '/',
  }));
}

const thirdPartyCount = (panel: Frame) =>
  panel.$eval('[data-testid="scope-third-parties"]', (el) => Number(el.getAttribute('data-count')));

/** Waits, checking at every change of the panel's DOM, until its "third parties" count is `n`. */
async function countReaches(panel: Frame, n: number): Promise<void> {
  await panel.waitForFunction(
    (want: number) =>
      Number(document.querySelector('[data-testid="scope-third-parties"]')?.getAttribute('data-count')) === want,
    { polling: 'mutation', timeout: 30_000 },
    n,
  );
}

/** Medians of the two ways to ask for the third parties' cookies, from the extension's page (`chrome.cookies`). */
function apiTimings(session: ChromiumSession): Promise<{ perSite: number; wholeStore: number; jar: number }> {
  const script = `(async () => {
    const domains = Array.from({ length: ${THIRD_PARTIES} }, (_, i) => 's' + i + '.localhost');
    const time = async (f) => {
      const took = [];
      for (let i = 0; i < ${API_RUNS}; i++) {
        const t = performance.now();
        await f();
        took.push(performance.now() - t);
      }
      return took.sort((a, b) => a - b)[${API_RUNS >> 1}];
    };
    const perSite = await time(() =>
      Promise.all(domains.map((domain) => chrome.cookies.getAll({ domain, partitionKey: {} }))));
    const wholeStore = await time(() => chrome.cookies.getAll({ partitionKey: {} }));
    return { perSite, wholeStore, jar: (await chrome.cookies.getAll({ partitionKey: {} })).length };
  })()`;
  return session.control.evaluate(script) as Promise<{ perSite: number; wholeStore: number; jar: number }>;
}

/** WRITE_RUNS rounds of: the WRITES cookies of `bulk.localhost` removed in one write, then set again in one. */
async function writeTimings(session: ChromiumSession): Promise<{ removeAll: number[]; setAll: number[] }> {
  const cdp = await session.control.createCDPSession();
  const expires = Math.floor(Date.now() / 1000) + 86_400;
  const bulk = Array.from({ length: WRITES }, (_, i) => ({
    name: `k${i}`,
    value: 'x'.repeat(50),
    domain: 'bulk.localhost',
    path: i % 2 === 0 ? '/' : '/app',
    expires,
  }));
  await cdp.send('Network.setCookies', { cookies: bulk });
  await cdp.detach();
  const records = (
    (await session.control.evaluate(`chrome.cookies.getAll({ domain: 'bulk.localhost' })`)) as Cookies.Cookie[]
  ).map(toCookieRecord);
  if (records.length !== WRITES) throw new Error(`bulk.localhost holds ${records.length} cookies, expected ${WRITES}`);
  const removeAll: number[] = [];
  const setAll: number[] = [];
  const timed = async (kind: 'remove' | 'set', into: number[]) => {
    const start = performance.now();
    const answer = await sendFrom(session.control, 'writeCookies', {
      ops: records.map((cookie) => ({ kind, cookie })),
      label: kind,
    });
    into.push(performance.now() - start);
    const written = answer.ok ? answer.results.filter((r) => r.outcome === 'written').length : 0;
    if (written !== WRITES) throw new Error(`${kind}: ${written} of ${WRITES} written`);
  };
  for (let r = 0; r < WRITE_RUNS; r++) {
    await timed('remove', removeAll);
    await timed('set', setAll);
  }
  return { removeAll, setAll };
}

export async function panelJarBenchmarks(extensionDir?: string): Promise<PanelJarFigures> {
  const site = await startThirdPartySite();
  const session = await launchChromium(extensionDir === undefined ? {} : { extensionDir });
  try {
    const cdp = await session.control.createCDPSession();
    await cdp.send('Network.clearBrowserCookies');
    await cdp.send('Network.setCookies', { cookies: otherSitesCookies(OTHERS) as never });
    await cdp.send('Network.setCookies', { cookies: thirdPartyCookies(site.port) });
    const jar = OTHERS + THIRD_PARTIES * PER_THIRD_PARTY;
    const { cookies } = await cdp.send('Network.getAllCookies');
    if (cookies.length !== jar) throw new Error(`the jar holds ${cookies.length} cookies, expected ${jar}`);
    // The background logs each of those changes: let it finish before anything is timed.
    await settledEntries(session.control, () => true, jar, { quietMs: 2_000, timeoutMs: 120_000 });

    const page = await session.openPage(site.url(`/?hosts=${THIRD_PARTIES}&frame=none`));
    const { devtools, panel } = await openDevToolsPanel(session, page);
    const updates: number[] = [];
    try {
      if ((await waitForViewState(panel, 'panel')) !== 'ready') throw new Error('the panel did not show the page');
      // DevTools recorded none of the page's requests before it opened: a reload makes it see all of them.
      await page.reload();
      const base = THIRD_PARTIES * PER_THIRD_PARTY;
      await countReaches(panel, base);
      for (let r = 0; r < RUNS + WARMUP; r++) {
        const url = `http://${manyHost(r % THIRD_PARTIES)}:${site.port}/`;
        const start = performance.now();
        await cdp.send('Network.setCookie', { name: `bench${r}`, value: 'x', url, path: '/' });
        await countReaches(panel, base + r + 1);
        if (r >= WARMUP) updates.push(performance.now() - start);
        // The change's own aftermath (the background's log, the badge) settles before the next round.
        await new Promise((done) => setTimeout(done, 300));
      }
      if ((await thirdPartyCount(panel)) !== base + RUNS + WARMUP) throw new Error('the count moved on its own');
    } finally {
      await devtools.close();
      await page.close();
    }
    await cdp.detach();
    return { updates, ...(await apiTimings(session)), ...(await writeTimings(session)) };
  } finally {
    await session.close();
    await site.stop();
  }
}

export function panelJarSection(f: PanelJarFigures): string[] {
  return [
    "## A full jar in real Chromium: the panel's third parties, and writes",
    '',
    `The real panel in DevTools, on a page that loads an image from each of ${THIRD_PARTIES} third-party sites ` +
      `(\`*.localhost\`, ${PER_THIRD_PARTY} cookies each), with ${OTHERS.toLocaleString('en')} cookies of ` +
      `${OTHERS / 30} other sites in the profile (${f.jar.toLocaleString('en')} in all, as Chromium keeps at most 3,300). A round sets a new cookie of one third ` +
      'party over CDP and ends when the panel\'s "third parties" count includes it: the panel waits 120 ms for ' +
      "the changes to settle, reads the page's cookies and that third party's again, analyses them and redraws " +
      "(the other third parties' rows are kept). " +
      `Medians of ${f.updates.length} rounds after ${WARMUP} warm-ups. Beside it, what the browser takes to answer ` +
      `for those ${THIRD_PARTIES} sites, from the extension's page (medians of ${API_RUNS}): a query under each ` +
      "site's domain, all at once, and one query for the whole store (`getAllUnderDomains` makes the second " +
      'from four sites on, src/platform/whole-site-cookies.ts).',
    '',
    `| a third party's cookie set → in the panel's count | ${THIRD_PARTIES} queries under a domain, at once | the whole store, once |`,
    '|---:|---:|---:|',
    `| ${ms(median(f.updates))} | ${ms(f.perSite)} | ${ms(f.wholeStore)} |`,
    '',
    `Then, in the same jar, the ${WRITES} cookies of one more site (two paths) removed in one write, as the panel's ` +
      '"Delete all" sends it to the background, and set again in one, as its undo or an import does (medians of ' +
      `${WRITE_RUNS} rounds; every write reads the cookie and the same-named ones a removal may reach before and ` +
      'after it, src/platform/cookie-write.ts).',
    '',
    `| remove ${WRITES} cookies | set ${WRITES} cookies |`,
    '|---:|---:|',
    `| ${ms(median(f.removeAll))} | ${ms(median(f.setAll))} |`,
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const figures = await panelJarBenchmarks(process.env.BENCH_EXTENSION_DIR);
  process.stdout.write(`${panelJarSection(figures).join('\n')}\n`);
  process.stdout.write(`rounds: ${figures.updates.map((t) => t.toFixed(0)).join(' ')}\n`);
}
