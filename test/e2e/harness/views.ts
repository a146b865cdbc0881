import type { Extension, Frame, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { PANEL_PATH, POPUP_PATH } from './paths';
import type { BeforeLoad, BrowserSession } from './browser-session';
import type { ChromiumSession } from './chromium';
import { waitUntil } from './wait';

export type ViewRoot = 'popup' | 'panel';

/** The selector of the `cookie-row` whose `data-name` is `name`. */
export const row = (name: string): string => `[data-testid="cookie-row"][data-name=${JSON.stringify(name)}]`;

/** The popup (or panel) document opened as an ordinary tab on the tab `tabId`, in either browser. */
export function openViewTab(
  session: Pick<BrowserSession, 'openExtensionPage'>,
  tabId: number,
  view: ViewRoot = 'popup',
  beforeLoad?: BeforeLoad,
): Promise<Page> {
  return session.openExtensionPage(`${view === 'popup' ? POPUP_PATH : PANEL_PATH}?tabId=${tabId}`, beforeLoad);
}

/** Tab `tabId`'s popup address as the browser holds it (`action.getPopup`), asked from the control page. */
export function tabPopup(session: Pick<BrowserSession, 'control'>, tabId: number): Promise<string> {
  return session.control.evaluate(
    `(globalThis.browser ?? globalThis.chrome).action.getPopup({ tabId: ${tabId} })`,
  ) as Promise<string>;
}

/** An extension's toolbar button, and the address its popup page starts with. */
export interface ToolbarButton {
  extension: Extension;
  popupUrl: string;
}

/**
 * Clicks the toolbar button for `page`: the real popup, with `page`'s tab as the active tab. SessionScope's
 * button, or `button` (another extension's, for the benchmark's reference popup).
 */
export async function openRealPopup(session: ChromiumSession, page: Page, button?: ToolbarButton): Promise<Page> {
  const { extension, popupUrl } = button ?? {
    extension: session.extension,
    popupUrl: session.extensionUrl(POPUP_PATH),
  };
  await page.bringToFront();
  // The real popup's address is the tab's own (`?tabId=N&url=U`, src/background/popup-address.ts), like a popup
  // opened as a tab: it is told apart as the page that was not there before the click.
  const before = new Set(session.browser.targets());
  const opened = session.browser.waitForTarget((t) => t.url().startsWith(popupUrl) && !before.has(t), {
    timeout: 10_000,
  });
  await page.triggerExtensionAction(extension);
  const target = await opened;
  const popup = await target.asPage();
  return popup;
}

/** A view's root once its cookies are in and analysed (the popup paints its rows first, then their findings). */
const SETTLED = ':not([data-state="loading"]):not([data-analysis="pending"])';

/** Waits until the view's root has left `loading` and its analysis is in; returns the state it settled on. */
export async function waitForViewState(
  context: Page | Frame,
  view: ViewRoot,
  { timeoutMs = 10_000 } = {},
): Promise<string> {
  const selector = `main[data-testid="${view}"]${SETTLED}`;
  const root = await context.waitForSelector(selector, { timeout: timeoutMs });
  const state = await root!.evaluate((el) => el.getAttribute('data-state') ?? '');
  return state;
}

/** The data attributes a `cookie-row` carries. */
const ROW_ATTRIBUTES = [
  'key',
  'name',
  'domain',
  'path',
  'session',
  'httponly',
  'secure',
  'partitioned',
  'hostonly',
  'samesite',
  'findings',
] as const;

export type CookieRowAttributes = Record<(typeof ROW_ATTRIBUTES)[number], string>;

/** Every `cookie-row`'s data attributes, by cookie name (last row wins for duplicate names). */
export async function cookieRows(context: Page | Frame): Promise<Map<string, CookieRowAttributes>> {
  const rows = await context.$$eval(
    '[data-testid="cookie-row"]',
    (els, names) =>
      els.map((el) => {
        const d = (el as HTMLElement).dataset;
        return Object.fromEntries(names.map((n) => [n, d[n] ?? ''])) as CookieRowAttributes;
      }),
    ROW_ATTRIBUTES,
  );
  return new Map(rows.map((r) => [r.name, r]));
}

/** Waits for a `cookie-row` whose `data-name` is `name`, in a view whose analysis is in. */
export async function waitForRow(context: Page | Frame, name: string, timeoutMs = 10_000): Promise<void> {
  // With its analysis: a row painted before it has no findings yet.
  await context.waitForSelector(`main${SETTLED} ${row(name)}`, { timeout: timeoutMs });
}

/**
 * Opens DevTools on `page` and shows the SessionScope panel (it sits in the tab overflow); returns the
 * panel's frame inside the DevTools front-end.
 */
/**
 * Switches the DevTools front-end `devtools` to the panel `id` (`elements`, or an extension's origin + title), as
 * a click on its tab does; false while DevTools has no such panel yet.
 */
export function showDevToolsPanel(devtools: Page, id: string): Promise<boolean> {
  // A string, not a function: the DevTools front-end loads its modules by relative path, and vitest would
  // rewrite a dynamic import written in a function here.
  return devtools.evaluate(`(async () => {
    const legacy = await import('./ui/legacy/legacy.js');
    const view = legacy.InspectorView.InspectorView.maybeGetInspectorViewInstance();
    if (!view) return false;
    const id = ${JSON.stringify(id)};
    if (!view.hasPanel(id)) return false;
    await view.showPanel(id);
    return true;
  })()`) as Promise<boolean>;
}

/** DevTools' id of the extension's panel: its origin and title. */
export function sessionScopePanelId(session: ChromiumSession, title = 'SessionScope'): string {
  return `chrome-extension://${session.extensionId}${title}`;
}

export async function openDevToolsPanel(
  session: ChromiumSession,
  page: Page,
  title = 'SessionScope',
): Promise<{ devtools: Page; panel: Frame }> {
  const devtools = await page.openDevTools();
  // The extension's panel registers once the devtools_page has run.
  const id = sessionScopePanelId(session, title);
  await waitUntil('the SessionScope panel in DevTools', () => showDevToolsPanel(devtools, id), { timeoutMs: 15_000 });
  const panelUrl = session.extensionUrl(PANEL_PATH);
  const panel = await waitUntil('the panel frame', () => devtools.frames().find((f) => f.url().startsWith(panelUrl)), {
    timeoutMs: 15_000,
  });
  return { devtools, panel };
}

/**
 * Runs `test` on the real SessionScope panel inside DevTools for `page` (web storage and the network are
 * DevTools' to give), once the panel has settled on `ready`; DevTools closes after, whatever the test did.
 */
export async function inReadyDevToolsPanel(
  session: ChromiumSession,
  page: Page,
  test: (panel: Frame) => Promise<void>,
): Promise<void> {
  const { devtools, panel } = await openDevToolsPanel(session, page);
  try {
    expect(await waitForViewState(panel, 'panel')).toBe('ready');
    await test(panel);
  } finally {
    await devtools.close();
  }
}
