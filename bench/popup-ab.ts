/**
 * `npm run bench:popup-ab`: whether a change moves the popup's opening time, beyond the noise of this machine.
 * `npm run bench` times each popup 15 times and gives a ratio that moves by ±0.15 from run to run; a change worth
 * a few milliseconds cannot be seen there. This times builds of the extension against each other and the reference
 * popup in one browser, page after page in rounds (in a new random order each round), on the same real site, and
 * prints per page the medians, the ratio to the reference, and the median of the paired differences (the same
 * round) with a bootstrap 90 % interval: an interval that holds 0 is no evidence of a difference. Two identical
 * copies of one build measured 2 to 9 ms apart in runs of 60 rounds, and some of those intervals left 0 out (load
 * drifts within a run): read less than ~10 ms as noise.
 *
 * `AB_BUILDS`: built extension directories, comma-separated (copies of `dist/chrome` from the builds to compare;
 * the first is the one the others are compared with); `dist/chrome` by default. `AB_COOKIES=10,180`,
 * `AB_RUNS=60` (rounds, after two to warm up). Each build is installed as an extension of its own with its popup
 * page open in a background tab (an already running extension process, as in `npm run bench`) and opened at the
 * address its toolbar button opens for the site's tab (`?tabId=N&url=U`). `AB_TOOLBAR=1` opens each popup from
 * its toolbar button instead, as a real toolbar popup over the site's tab, and times it by the browser's first
 * contentful paint, as `npm run bench` times the toolbar popups (test/e2e/harness/toolbar-popup.ts): a toolbar
 * popup is shown only once its page has loaded and been sized, which a page in a tab never waits for. Prints,
 * and with `AB_RAW=file.json` also writes every opening, with the toolbar popup's phases (docs/popup-speed.md uses
 * them to count the openings that paint in the reference's frame). `AB_COLD=1` stops every extension worker before
 * each opening (stopped-workers.ts), as `npm run bench`'s third toolbar table does: the state after 30 s idle; it
 * first waits for each build's background to leave its first-paint hint for the site's tab (stopped before that, no
 * popup would find one). Otherwise each build's background is pinged before each opening, so that its worker is
 * running, as in `npm run bench`'s first toolbar table. A toolbar run says how many openings of each build decoded
 * first for want of that hint. `AB_STATIC=1` adds, for each cookie count, the first build's first paint for the
 * site as static HTML in a copy of that build (static-first-paint.ts): the same elements with no script, the floor
 * that the popup's content and its extension set (docs/popup-speed.md). `AB_JAR=3000` puts that many cookies of
 * other sites in the jar beside the site's, as a profile in use holds them (PERF.md's full jar).
 */
import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { basename, resolve } from 'node:path';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { FIRST_PAINT_HINT_KEY } from '../src/protocol/first-paint-hint';
import { popupSearch } from '../src/protocol/view-address';
import { launchChromium, listedExtension } from '../test/e2e/harness/chromium';
import { distDir, POPUP_PATH } from '../test/e2e/harness/paths';
import { timeToolbarPopup } from '../test/e2e/harness/toolbar-popup';
import type { ToolbarButton } from '../test/e2e/harness/views';
import { waitUntil } from '../test/e2e/harness/wait';
import { sendFrom } from '../test/e2e/harness/extension-messages';
import { seededRandom } from '../test/fakes/hostile-values';
import { openSiteTab, startBenchSite } from './bench-site';
import { makeJwts } from './jwts';
import { timePage, type Timing } from './page-timing';
import { installReferenceExtension } from './reference-extension';
import { installStaticCopy } from './static-first-paint';
import { stopWorkersForGood } from './stopped-workers';
import { median, medianAndInterval, ms, pairedDifferences, ratio, signed } from './stats';

const BUILDS = (process.env.AB_BUILDS ?? distDir('chrome')).split(',').map((d) => resolve(d.trim()));
const COUNTS = (process.env.AB_COOKIES ?? '10').split(',').map(Number);
const RUNS = Number(process.env.AB_RUNS ?? 60);
const TOOLBAR = process.env.AB_TOOLBAR === '1';
/** `AB_RAW=file.json`: every timed opening, page by page and round by round (the toolbar's phases too). */
const RAW = process.env.AB_RAW;
const COLD = process.env.AB_COLD === '1';
/** `AB_JAR=3000`: that many cookies of other sites in the jar beside the site's (bench-site.ts's otherSitesCookies). */
const JAR = Number(process.env.AB_JAR ?? 0);
/** `AB_STATIC=1`: also the first build's first paint as a page with no script (static-first-paint.ts). */
const STATIC = process.env.AB_STATIC === '1';
const STATIC_NAME = 'first paint as static HTML';
const WARMUP = 2;
const ROW = '[data-testid="cookie-row"]';
const REF_ROW = 'li.ref-row';

/** One opening's times (ms from navigation start): in a tab, rows in the DOM and painted; toolbar, the paint. */
type Opening = Pick<Timing, 'rowsMs' | 'paintedMs'>;

interface Page {
  name: string;
  url: (tabId: number, siteUrl: string) => string;
  row: string;
  /** Its toolbar button (AB_TOOLBAR); none for the session's own extension, whose button the harness knows. */
  button?: ToolbarButton;
  /** A page of the build's extension kept open (SessionScope's builds): where its `storage.session` is read. */
  home?: PuppeteerPage;
  /** Pings its extension's background (SessionScope's builds and the static copy), so that its worker is running. */
  ping?: () => Promise<void>;
}

/** What a build's `storage.session` holds for its first paint (the background's hint), as JSON text. */
function readHint(home: PuppeteerPage): Promise<string> {
  return home.evaluate(async (key: string) => {
    const api = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<object> } } } })
      .chrome;
    return JSON.stringify((await api.storage.session.get(key))[key as keyof object] ?? null);
  }, FIRST_PAINT_HINT_KEY);
}

/**
 * Pings every build's background from its open page, so that each worker is running at the next opening, as it is
 * for 30 s after any cookie change or tab event (a popup starts none itself), as `npm run bench`'s first toolbar
 * table has it.
 */
async function pingWorkers(pages: readonly Page[]): Promise<void> {
  for (const p of pages) await p.ping?.();
}

/**
 * Waits until every build's background has left a new hint for its first paint (its badge's recount of the site's
 * tab just opened), as `before` said it was: the workers stopped before that, no popup would find one, and each
 * would decode first.
 */
async function waitForHints(pages: readonly Page[], before: readonly (string | undefined)[]): Promise<void> {
  for (const [i, p] of pages.entries()) {
    if (p.home === undefined) continue;
    const home = p.home;
    await waitUntil(`${p.name}'s first-paint hint for the site`, async () => (await readHint(home)) !== before[i], {
      timeoutMs: 10_000,
    });
  }
}

/**
 * 0 … n-1 in a random order (Fisher–Yates). Each round opens the pages in a new order: a page opens while the one
 * before it is still being torn down, and turning a fixed order by one page each round keeps every page after the
 * same one.
 */
function shuffled(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** `Δ median [low, high]` of `after - before`, paired round by round. */
function delta(before: readonly number[], after: readonly number[], seed: number): string {
  return `${medianAndInterval(pairedDifferences(before, after), seededRandom(seed), signed)} ms`;
}

async function main(): Promise<void> {
  const jwts = await makeJwts();
  const site = await startBenchSite(jwts);
  const session = await launchChromium({ extensionDir: BUILDS[0]! });
  const loadAtStart = loadavg()[0]!;
  const raw: Record<string, unknown>[] = [];
  try {
    const { id: refId } = await installReferenceExtension(session.browser);
    await session.openPage(`chrome-extension://${refId}/warm.html`);
    const refBase = `chrome-extension://${refId}/ref.html`;
    const pages: Page[] = [
      {
        name: 'reference',
        url: (tabId) => `${refBase}?tabId=${tabId}`,
        row: REF_ROW,
        button: { extension: await listedExtension(session.browser, refId), popupUrl: refBase },
      },
    ];
    const names = new Set<string>();
    for (const [i, dir] of BUILDS.entries()) {
      // The session's own extension is the first build; its popup is already open as the harness's control page.
      const id = i === 0 ? session.extensionId : await session.browser.installExtension(dir);
      const home = i === 0 ? session.control : await session.openPage(`chrome-extension://${id}/${POPUP_PATH}`);
      let name = basename(dir) === 'chrome' ? dir.split('/').slice(-3).join('/') : basename(dir);
      while (names.has(name)) name += "'";
      names.add(name);
      const base = `chrome-extension://${id}/${POPUP_PATH}`;
      pages.push({
        name,
        url: (tabId, siteUrl) => `${base}${popupSearch(tabId, siteUrl)}`,
        row: ROW,
        ping: () => sendFrom(home, 'ping', {}).then(() => undefined),
        home,
        ...(i > 0 && { button: { extension: await listedExtension(session.browser, id), popupUrl: base } }),
      });
    }
    for (const n of COUNTS) {
      const hints = COLD ? await Promise.all(pages.map((p) => (p.home ? readHint(p.home) : undefined))) : [];
      const { page: tab, tabId, url: siteUrl } = await openSiteTab(session, site, n, JAR);
      // Each build's background logs the other sites' cookies as they are set, as the session's did.
      if (JAR > 0) await new Promise((r) => setTimeout(r, 5_000));
      if (COLD) await waitForHints(pages, hints);
      // AB_STATIC: the first build's first paint for this site, as static HTML in a copy of that build.
      const copy = STATIC ? await installStaticCopy(session, BUILDS[0]!, pages[1]!.url(tabId, siteUrl)) : undefined;
      const floor: Page | undefined = copy && {
        name: STATIC_NAME,
        url: () => copy.button.popupUrl,
        row: ROW,
        ping: copy.ping,
        button: copy.button,
      };
      const run = floor ? [...pages, floor] : pages;
      const timings = run.map((): Opening[] => []);
      const decodedFirst = run.map(() => 0);
      const random = seededRandom(n);
      for (let round = 0; round < RUNS + WARMUP; round++) {
        for (const at of shuffled(run.length, random)) {
          const p = run[at]!;
          if (COLD) await stopWorkersForGood(session);
          else await pingWorkers(run);
          // A toolbar popup has no "rows": no timer runs in it before its scripts.
          const toolbar = TOOLBAR ? await timeToolbarPopup(session, tab, n, p.row, p.button) : undefined;
          const t: Opening = toolbar
            ? { rowsMs: Number.NaN, paintedMs: toolbar.fcpMs }
            : await timePage(session.browser, p.url(tabId, siteUrl), n, p.row);
          if (round >= WARMUP) {
            timings[at]!.push(t);
            if (toolbar && Number.isFinite(toolbar.decodersMs)) decodedFirst[at]!++;
            raw.push({ cookies: n, round: round - WARMUP, page: p.name, ...(toolbar ?? t) });
          }
        }
      }
      await tab.close();
      const painted = timings.map((list) => list.map((t) => t.paintedMs));
      const rows = timings.map((list) => list.map((t) => t.rowsMs));
      const ref = median(painted[0]!);
      const [what, rowsHead] = TOOLBAR ? ['first contentful paint', ''] : ['painted', ' rows |'];
      process.stdout.write(
        `\n${n} cookies, ${RUNS} rounds${TOOLBAR ? ', toolbar popups' : ''}${COLD ? ', workers stopped' : ''} (medians; Δ: median of the paired ` +
          `differences in ${what}, 90 % interval)\n` +
          `| page |${rowsHead} ${what} | ${what} / reference | Δ vs reference | Δ vs ${pages[1]!.name} |\n` +
          `|---|${TOOLBAR ? '' : '---:|'}---:|---:|---:|---:|\n`,
      );
      run.forEach((p, i) => {
        const cells = [
          p.name,
          ...(TOOLBAR ? [] : [ms(median(rows[i]!))]),
          ms(median(painted[i]!)),
          ratio(median(painted[i]!), ref),
          i === 0 ? '' : delta(painted[0]!, painted[i]!, n * 31 + i),
          i <= 1 ? '' : delta(painted[1]!, painted[i]!, n * 37 + i),
        ];
        process.stdout.write(`| ${cells.join(' | ')} |\n`);
      });
      // A popup that found no hint from its background loaded the decoders before its rows (first-rows.ts).
      run.forEach((p, i) => {
        if (decodedFirst[i]! > 0) process.stdout.write(`${p.name}: decoded first in ${decodedFirst[i]} of ${RUNS}\n`);
      });
      await copy?.remove();
    }
  } finally {
    await session.close();
    await site.stop();
    if (RAW) await writeFile(RAW, JSON.stringify(raw, null, 1));
  }
  process.stdout.write(
    `\nload average (1 min): ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end\n`,
  );
}

await main();
