import { cookieRows } from '../../src/core/cookie-views';
import { decodedFirstLoad } from '../../src/popup/decoded-first-load';
import { firstPaint } from '../../src/popup/first-paint';
import { afterFirstContentfulPaint } from '../../src/ui/frame-timing';
import '../../src/ui/theme.css';
import '../../src/ui/components.css';
import '../../src/popup/popup.css';
import '../../src/ui/verify.css';
import '../../src/ui/transfer.css';
import '../../src/ui/export-report.css';
import { BENCH_URL, benchCookies } from './bench-cookies';

// The popup's own start (src/popup/boot.ts does the same: the first paint, then, once it is on screen, the popup
// proper over it, then the analysis chunk), fed the injected cookies instead of the cookies API. The marks let the
// benchmark say where the time goes.
performance.mark('modules');
const root = document.getElementById('app')!;
const deps = {
  tabId: 1,
  activeTab: async () => ({ id: 1, url: BENCH_URL }),
  loadTabCookies: async (tabId: number) => ({ ok: true as const, tabId, url: BENCH_URL, cookies: benchCookies() }),
};

void firstPaint(
  {
    ...deps,
    rows: async (cookies, now) => {
      performance.mark('cookies');
      const rows = await cookieRows(cookies, now);
      performance.mark('rows');
      return rows;
    },
  },
  root,
  { checkboxes: false },
)
  .then(async (first) => {
    await afterFirstContentfulPaint();
    return { first: await decodedFirstLoad(first, cookieRows), app: await import('./popup-app') };
  })
  .then(({ first, app }) => app.startBenchPopup(root, deps, first));
