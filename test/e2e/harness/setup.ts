import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { screenshotOnFailure } from './artifacts';
import type { BeforeLoad, BrowserSession } from './browser-session';
import { launchChromium, type ChromiumOptions, type ChromiumSession } from './chromium';
import { tabIdOf } from './extension-messages';
import { launchFirefox, type FirefoxOptions, type FirefoxSession } from './firefox';
import { openViewTab, waitForViewState, type ViewRoot } from './views';

/** What every test site offers: `startSite`, `startAuditSite` and `startDecodeSite` all return one. */
export interface StartedSite {
  url(path: string): string;
  stop(): Promise<void>;
}

export interface SuiteOptions<Site extends StartedSite, LaunchOptions> {
  /** Starts the suite's site; it runs before the browser and stops after it. */
  site: () => Promise<Site>;
  /** The browser's launch options; a function runs once the site is up (say, to make a download directory). */
  launch?: LaunchOptions | ((site: Site) => LaunchOptions | Promise<LaunchOptions>);
  /** A path on the site to open in a tab once the browser runs: it becomes `page`, and its tab `tabId`. */
  open?: string;
}

/**
 * One e2e suite's browser and site, for the tests of a `describe`: read its fields inside tests and hooks only
 * (they are set in `beforeAll`).
 */
export interface Suite<Session extends BrowserSession, Site extends StartedSite> {
  readonly session: Session;
  readonly site: Site;
  /** The tab showing `open` (after the site's redirects). */
  readonly page: Page;
  readonly tabId: number;
  /** Keeps `page` to be closed after the current test, even when it fails. Returns it. */
  track(page: Page): Page;
  /** Opens each URL in a tab of its own, in order, and closes it once loaded: what the pages set stays in the jar. */
  visit(urls: readonly string[]): Promise<void>;
  /**
   * The popup or panel document opened as a tab on `tabId` (the suite's tab by default), with a 10 s default
   * timeout; closed after the test.
   */
  openView(view?: ViewRoot, options?: { tabId?: number; beforeLoad?: BeforeLoad }): Promise<Page>;
  /** `openView`, and asserts that the view settled on `ready`. */
  openReadyView(view?: ViewRoot, options?: { tabId?: number; beforeLoad?: BeforeLoad }): Promise<Page>;
}

/**
 * An object whose every field reads `state`'s field of the same name, and throws (naming it by `what`) while
 * that is not set yet.
 */
function requiredFields<T extends object>(state: Partial<T>, what: { [K in keyof T]: string }): T {
  const fields = {} as T;
  for (const key of Object.keys(what) as Array<keyof T>) {
    Object.defineProperty(fields, key, {
      enumerable: true,
      get: () => {
        const value = state[key];
        if (value === undefined) throw new Error(`${what[key]} is not there: the suite's beforeAll did not finish`);
        return value;
      },
    });
  }
  return fields;
}

/**
 * Test sites without a browser of the suite's, for a `describe` that drives its own (the command line, the
 * library on a Playwright page): each starts in `beforeAll`, in order, and all stop in `afterAll`. Read them
 * inside tests and hooks only.
 */
export function withSites<Sites extends Record<string, StartedSite>>(starters: {
  [K in keyof Sites]: () => Promise<Sites[K]>;
}): Readonly<Sites> {
  const started: Partial<Sites> = {};
  const keys = Object.keys(starters) as Array<keyof Sites>;
  beforeAll(async () => {
    for (const key of keys) started[key] = await starters[key]();
  });
  afterAll(async () => {
    await Promise.all(keys.map((key) => started[key]?.stop()));
  });
  return requiredFields(
    started,
    Object.fromEntries(keys.map((key) => [key, `the site ${String(key)}`])) as {
      [K in keyof Sites]: string;
    },
  );
}

/**
 * Registers the hooks that give a `describe` its site and browser: start the site, launch the browser with the
 * extension, open `open` and find its tab (beforeAll); close the views a test opened (afterEach); close the
 * browser, then stop the site (afterAll); a screenshot of every page when a test fails.
 */
function useSuite<Session extends BrowserSession, Site extends StartedSite, LaunchOptions>(
  launchBrowser: (options: LaunchOptions | undefined) => Promise<Session>,
  options: SuiteOptions<Site, LaunchOptions>,
): Suite<Session, Site> {
  type Fields = Pick<Suite<Session, Site>, 'session' | 'site' | 'page' | 'tabId'>;
  const state: { -readonly [K in keyof Fields]?: Fields[K] } = {};
  const opened: Page[] = [];
  screenshotOnFailure(() => state.session?.browser);

  beforeAll(async () => {
    const site = (state.site = await options.site());
    const { launch } = options;
    type LaunchFn = (started: Site) => LaunchOptions | Promise<LaunchOptions>;
    const session = (state.session = await launchBrowser(
      typeof launch === 'function' ? await (launch as LaunchFn)(site) : launch,
    ));
    if (options.open !== undefined) {
      state.page = await session.openPage(site.url(options.open));
      state.tabId = await tabIdOf(session.control, state.page.url());
    }
  });
  // Views a failed test left open would stay open (and a second toolbar click would close the real popup).
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((p) => p.close().catch(() => undefined)));
  });
  afterAll(async () => {
    await state.session?.close();
    await state.site?.stop();
  });

  const fields = requiredFields<Fields>(state, {
    session: 'the browser',
    site: 'the site',
    page: 'the tab on `open`',
    tabId: 'the tab on `open`',
  });
  const suite: Suite<Session, Site> = Object.assign(fields, {
    track(p) {
      p.setDefaultTimeout(10_000);
      opened.push(p);
      return p;
    },
    async visit(urls) {
      for (const url of urls) await suite.track(await suite.session.openPage(url)).close();
    },
    openView(view = 'popup', { tabId: on, beforeLoad } = {}) {
      // Tracked before it loads: a view that fails to load is closed too.
      return openViewTab(suite.session, on ?? suite.tabId, view, async (p) => {
        suite.track(p);
        await beforeLoad?.(p);
      });
    },
    async openReadyView(view = 'popup', more = {}) {
      const p = await suite.openView(view, more);
      expect(await waitForViewState(p, view)).toBe('ready');
      return p;
    },
  } satisfies Omit<Suite<Session, Site>, keyof Fields>);
  return suite;
}

/** The `with…` function of one browser: registers a `useSuite` that launches it. */
function suiteIn<Session extends BrowserSession, LaunchOptions>(
  launchBrowser: (options: LaunchOptions | undefined) => Promise<Session>,
) {
  return <Site extends StartedSite>(options: SuiteOptions<Site, LaunchOptions>): Suite<Session, Site> =>
    useSuite(launchBrowser, options);
}

/** A site and Chromium with the extension for the calling `describe`; see `useSuite`. */
export const withChromium = suiteIn<ChromiumSession, ChromiumOptions>(launchChromium);

/** A site and Firefox with the extension for the calling `describe`; see `useSuite`. */
export const withFirefox = suiteIn<FirefoxSession, FirefoxOptions>(launchFirefox);
