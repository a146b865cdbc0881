import { computed, signal } from '@preact/signals';
import { render } from 'preact';
import type { CookieChange } from '../core/cookie/cookie-change';
import type { CookieRecord } from '../core/cookie/cookie-record';
import type { ChangeLogResult, PageUrlsResult, TabCookiesResult } from '../protocol/messages';
import { type PanelStore } from '../state/create-store';
import { createPanelStore } from '../state/create-panel-store';
import type { Analyze } from '../state/load-site';
import { afterTransferWrite, createEditSlice, type EditDeps } from '../state/edit-slice';
import { startNowTicker } from '../state/now-ticker';
import { watchPageData, type PageDataDeps } from '../state/page-data-watcher';
import { watchPageHosts } from '../state/page-hosts-watcher';
import { afterNextPaint } from '../ui/frame-timing';
import { createPanelController, type PanelController } from '../state/panel-controller';
import type { ExportReportDeps } from '../ui/ExportReport';
import { ViewContexts } from '../ui/ViewContexts';
import type { TransferDeps } from '../state/transfer-deps';
import type { ColumnPrefsStore } from '../state/columns-slice';
import { keepFocus } from '../ui/keep-focus';
import { PanelApp } from './PanelApp';
import { narrowPanelSignal } from './panel-layout';
import '../ui/theme.css';
import '../ui/components.css';
import './panel.css';

/** What the panel may use of the browser, detected once by the entry (platform/capabilities). */
export interface PanelCapabilities {
  /** In a real DevTools panel; false when the panel page is opened as a plain tab (`?tabId=N`). */
  inDevtools: boolean;
  /** Chromium panels and a panel opened as a tab; not Firefox's DevTools panels, which go through the background. */
  readCookiesDirectly: boolean;
  watchTabs: boolean;
  watchSessionStorage: boolean;
}

/** The browser as the panel sees it: the entry passes the platform wrappers, tests and the bench pass fakes. */
export interface PanelStartDeps {
  capabilities: PanelCapabilities;
  /** From `?tabId=N`; otherwise the inspected tab. */
  tabId: number | undefined;
  /** Only called in DevTools; may throw where the DevTools API is half there. */
  inspectedTabId: () => number;
  /** DevTools' own theme name ('dark' or 'default'); may throw or be undefined. */
  devtoolsTheme: () => string | undefined;
  /** The page reads cookies itself (when it can). */
  loadTabCookies: (tabId: number) => Promise<TabCookiesResult>;
  /** The background reads them for a page that cannot (Firefox's DevTools panels). */
  askBackgroundForCookies: (tabId: number) => Promise<TabCookiesResult>;
  getChangeLog: (site: string, afterSeq?: number, storeId?: string) => Promise<ChangeLogResult>;
  watchCookies: (listener: (change: CookieChange) => void) => () => void;
  watchChangeLog: (listener: () => void) => () => void;
  watchTabUrl: (tabId: number, listener: (url: string) => void) => () => void;
  watchInspectedNavigation: (listener: (url: string) => void) => () => void;
  /**
   * In DevTools: the user switched to the panel (true) or to another one (false). While it is not shown, the panel
   * stops reading the inspected page every few seconds, and reads it once when shown again.
   */
  watchPanelShown?: (listener: (shown: boolean) => void) => () => void;
  requestHostPermission: (url: string | undefined) => Promise<boolean>;
  analyze: Analyze;
  /**
   * The origins of the tab's frames and of the subresources they loaded, read from the page (the background's
   * `scripting.executeScript`): the third parties' sites besides the requests DevTools recorded.
   */
  readPageUrls?: (tabId: number) => Promise<PageUrlsResult>;
  /** Every cookie of some sites (registrable domains) in a store, in one read: the third parties' cookies. */
  sitesCookies?: (sites: readonly string[], storeId: string | undefined) => Promise<CookieRecord[]>;
  /** The extension's version for exported reports. */
  version?: () => string | Promise<string>;
  /** Export, import and snapshots; the panel adds `refresh` (its own reload). */
  transfer?: Omit<TransferDeps, 'refresh'>;
  /** The write path (edit, add, delete, undo, protect, block rules); without it the panel only shows. */
  edit?: EditDeps;
  now?: () => number;
  /** How this browser treats a cookie without SameSite (the would-send tool): `lax` (Chromium, the default), `none` (Firefox). */
  unspecifiedSameSite?: 'lax' | 'none';
  /** In DevTools: the inspected page's web storage and requests (absent, or unused, in a panel opened as a tab). */
  pageData?: Omit<PageDataDeps, 'watchNavigation'>;
  /** Where the table's column choice is kept; without it, only while the panel is open. */
  columnPrefs?: ColumnPrefsStore;
}

export interface StartPanelOptions {
  root: Element;
  /** The element whose `data-theme` follows DevTools' theme (the page's `<html>`). */
  themeRoot?: HTMLElement;
  /** How often relative times ("in 3 min") are refreshed while the panel is open. */
  tickMs?: number;
  /** Test-sized timings of the controller (debounce, poll, log timeout). */
  timing?: { debounceMs?: number; pollMs?: number; logTimeoutMs?: number };
}

export interface RunningPanel {
  store: PanelStore;
  /** Undefined when there is no tab to inspect (the view says so). */
  controller: PanelController | undefined;
  /** Stops listening and ticking (the page is going away). */
  stop(): void;
}

/** DevTools' theme, not the system's: they differ when the user picked one in DevTools' settings. */
export function panelTheme(deps: Pick<PanelStartDeps, 'capabilities' | 'devtoolsTheme'>): 'dark' | 'light' | undefined {
  if (!deps.capabilities.inDevtools) return undefined;
  let theme: string | undefined;
  try {
    theme = deps.devtoolsTheme();
  } catch {
    return undefined;
  }
  if (theme === undefined) return undefined;
  return theme === 'dark' ? 'dark' : 'light';
}

/** The tab to inspect: the one in the URL, else (in DevTools) the inspected one. */
export function panelTabId(
  deps: Pick<PanelStartDeps, 'capabilities' | 'tabId' | 'inspectedTabId'>,
): number | undefined {
  if (deps.tabId !== undefined || !deps.capabilities.inDevtools) return deps.tabId;
  try {
    return deps.inspectedTabId();
  } catch {
    return undefined;
  }
}

/**
 * Mounts the panel with its browser access injected, as startPopup does for the popup: picks the theme and
 * the tab, chooses how to read cookies and hear of changes from what the page may use, and starts the
 * controller and the clock.
 */
export function startPanel(deps: PanelStartDeps, options: StartPanelOptions): RunningPanel {
  const caps = deps.capabilities;
  const theme = panelTheme(deps);
  if (theme !== undefined && options.themeRoot) options.themeRoot.dataset.theme = theme;

  const store = createPanelStore({
    readSiteCookies: deps.transfer?.siteCookies,
    ...(deps.unspecifiedSameSite ? { unspecifiedSameSite: deps.unspecifiedSameSite } : {}),
    ...(deps.columnPrefs ? { columnPrefs: deps.columnPrefs } : {}),
    narrowPanel: narrowPanelSignal(),
  });
  const tabId = panelTabId(deps);
  let controller: PanelController | undefined;
  // Shown until DevTools says otherwise: DevTools loads the panel's page when the user first switches to it.
  const shown = signal(true);
  const stopShown =
    caps.inDevtools && deps.watchPanelShown ? deps.watchPanelShown((now) => (shown.value = now)) : () => undefined;
  const exportDeps: Partial<ExportReportDeps> = deps.version ? { version: deps.version } : {};
  const edit = deps.edit ? createEditSlice(deps.edit, async () => controller?.reload()) : null;

  render(
    <ViewContexts store={store} edit={edit}>
      <PanelApp
        onRequestPermission={() => void controller?.requestPermission()}
        exportDeps={exportDeps}
        {...(deps.transfer
          ? {
              transferDeps: {
                ...deps.transfer,
                refresh: () => afterTransferWrite(controller?.reload() ?? Promise.resolve(), edit),
              },
            }
          : {})}
      />
    </ViewContexts>,
    options.root,
  );
  // A cookie deleted from its detail takes the focus with it: the table's row in its place gets it. (The detail of
  // a cookie still there has its key: its editor closed, the detail's own controls take the focus.)
  const stopKeepFocus = keepFocus(options.root, {
    instead: (from) =>
      from.closest('[data-testid="detail"]:not([data-key])')
        ? options.root.querySelector<HTMLElement>('[data-testid="cookie-table-scroll"] tr[tabindex="0"]')
        : null,
  });

  let stopPageHosts = (): void => undefined;
  if (tabId === undefined) {
    store.site.showProblem({ reason: 'no-tab' });
  } else {
    const navigation: Array<(listener: () => void) => () => void> = [];
    if (caps.watchTabs) navigation.push((listener) => deps.watchTabUrl(tabId, listener));
    if (caps.inDevtools) navigation.push((listener) => deps.watchInspectedNavigation(listener));
    const watchNavigation =
      navigation.length === 0
        ? undefined
        : (listener: () => void) => {
            const offs = navigation.map((watch) => watch(listener));
            return () => offs.forEach((off) => off());
          };
    // The page's frames and subresources, read from the page itself: in a panel opened as a tab too, where no
    // DevTools records requests, and for what the page loaded before DevTools opened. Only while the panel shows
    // the page's cookies: a page whose access the user withheld is never scripted.
    if (deps.readPageUrls && deps.sitesCookies) {
      const site = store.site;
      const readablePage = computed(() =>
        site.state.value === 'ready' || site.state.value === 'no-cookies' ? site.url.value : undefined,
      );
      stopPageHosts = watchPageHosts(store.thirdParty, {
        tabId,
        shown,
        readPageUrls: deps.readPageUrls,
        readablePage,
        watchNavigation,
      });
    }
    controller = createPanelController(store, {
      tabId,
      loadCookies: caps.readCookiesDirectly ? deps.loadTabCookies : deps.askBackgroundForCookies,
      getChangeLog: deps.getChangeLog,
      watchCookies: caps.readCookiesDirectly ? deps.watchCookies : undefined,
      watchLog: caps.watchSessionStorage ? deps.watchChangeLog : undefined,
      watchNavigation,
      requestHostPermission: deps.requestHostPermission,
      analyze: deps.analyze,
      // The weak-secret check (its dictionary chunk, the first secrets tried, its progress line) starts once the
      // rows have painted: none of it is in the first frame.
      afterPaint: afterNextPaint,
      thirdParty: deps.sitesCookies ? { sitesCookies: deps.sitesCookies } : undefined,
      ...(deps.now ? { now: deps.now } : {}),
      ...options.timing,
    });
  }

  // Web storage and the network are DevTools' to give: only a real panel reads them.
  const stopPageData =
    tabId !== undefined && caps.inDevtools && deps.pageData
      ? watchPageData(store.page, { ...deps.pageData, watchNavigation: deps.watchInspectedNavigation, shown })
      : () => undefined;

  void edit?.refresh();
  const stopTicker = startNowTicker(store.site.now, options.tickMs);
  return {
    store,
    controller,
    stop() {
      controller?.stop();
      stopKeepFocus();
      stopPageHosts();
      stopPageData();
      stopShown();
      stopTicker();
    },
  };
}
