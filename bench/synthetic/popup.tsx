import { startPopup } from '../../src/popup/start-popup';
import { BENCH_URL, benchCookies, markedAnalyze } from './bench-cookies';

// The popup's own start (src/popup/main.tsx does the same), fed the injected cookies instead of the cookies API.
// The marks let the benchmark say where the time goes.
performance.mark('modules');

startPopup(
  {
    tabId: 1,
    activeTab: async () => ({ id: 1, url: BENCH_URL }),
    loadTabCookies: async (tabId) => ({ ok: true, tabId, url: BENCH_URL, cookies: benchCookies() }),
    requestHostPermission: async () => false,
    analyze: markedAnalyze,
  },
  { root: document.getElementById('app')! },
);
