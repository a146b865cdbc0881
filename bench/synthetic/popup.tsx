import { cookieRows } from '../../src/core/cookie-views';
import { lazyAnalyze } from '../../src/popup/analysis-chunk';
import { startPopup } from '../../src/popup/start-popup';
import { BENCH_URL, benchCookies } from './bench-cookies';

// The popup's own start (src/popup/main.tsx does the same: rows first, the analysis chunk after they painted), fed
// the injected cookies instead of the cookies API. The marks let the benchmark say where the time goes.
performance.mark('modules');
const analyze = lazyAnalyze();

startPopup(
  {
    tabId: 1,
    activeTab: async () => ({ id: 1, url: BENCH_URL }),
    loadTabCookies: async (tabId) => ({ ok: true, tabId, url: BENCH_URL, cookies: benchCookies() }),
    requestHostPermission: async () => false,
    rows: async (cookies, now) => {
      performance.mark('cookies');
      const rows = await cookieRows(cookies, now);
      performance.mark('rows');
      return rows;
    },
    analyze: async (...args) => {
      const result = await analyze(...args);
      performance.mark('analysed');
      return result;
    },
  },
  { root: document.getElementById('app')! },
);
