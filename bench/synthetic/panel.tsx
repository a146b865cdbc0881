import { startPanel } from '../../src/devtools/start-panel';
import { BENCH_URL, benchCookies } from './bench-cookies';
import { markedAnalyze } from './marked-analyze';

// The panel's own start (src/devtools/panel.tsx does the same with the platform wrappers), opened as a tab on
// tab 1 and fed the injected cookies instead of the cookies API. No change log, no watchers: the benchmark times
// the table. The marks let it say where the time goes.
performance.mark('modules');

const none = () => () => undefined;

startPanel(
  {
    capabilities: { inDevtools: false, readCookiesDirectly: true, watchTabs: false, watchSessionStorage: false },
    tabId: 1,
    inspectedTabId: () => 1,
    devtoolsTheme: () => undefined,
    loadTabCookies: async (tabId) => ({ ok: true, tabId, url: BENCH_URL, cookies: benchCookies() }),
    askBackgroundForCookies: async (tabId) => ({ ok: true, tabId, url: BENCH_URL, cookies: benchCookies() }),
    getChangeLog: async () => ({ ok: true, entries: [], dropped: 0, capacity: 0 }),
    watchCookies: none,
    watchChangeLog: none,
    watchTabUrl: none,
    watchInspectedNavigation: none,
    requestHostPermission: async () => false,
    analyze: markedAnalyze,
  },
  { root: document.getElementById('app')!, themeRoot: document.documentElement },
);
