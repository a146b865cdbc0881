import { startPopup } from '../../src/popup/start-popup';
import { BENCH_URL, benchCookies } from './bench-cookies';

// The popup's own start, fed the injected cookies instead of the cookies API; the analysis chunk is loaded the
// same way the extension loads it. The marks let the benchmark say where the time goes.
performance.mark('modules');
const analysis = import('../../src/core/analyze-site');

startPopup(
  {
    tabId: 1,
    activeTab: async () => ({ id: 1, url: BENCH_URL }),
    loadTabCookies: async (tabId) => ({ ok: true, tabId, url: BENCH_URL, cookies: benchCookies() }),
    requestHostPermission: async () => false,
    analyze: async (url, cookies, now) => {
      const { analyzeSite } = await analysis;
      performance.mark('chunk');
      const result = await analyzeSite(url, cookies, now);
      performance.mark('analysed');
      return result;
    },
  },
  { root: document.getElementById('app')! },
);
