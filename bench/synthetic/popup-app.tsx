import { cookieRows } from '../../src/core/cookie-views';
import { lazyAnalyze } from '../../src/popup/analysis-chunk';
import { startPopup } from '../../src/popup/start-popup';
import type { FirstLoad } from '../../src/state/load-site';
import type { PopupDeps } from '../../src/state/popup-controller';

/** The popup proper over the first paint, as src/popup/main.tsx starts it; marks when it took over and analysed. */
export function startBenchPopup(
  root: Element,
  deps: Pick<PopupDeps, 'tabId' | 'activeTab' | 'loadTabCookies'>,
  first: FirstLoad | undefined,
): void {
  const analyze = lazyAnalyze();
  startPopup(
    {
      ...deps,
      requestHostPermission: async () => false,
      rows: cookieRows,
      analyze: async (...args) => {
        const result = await analyze(...args);
        performance.mark('analysed');
        return result;
      },
    },
    { root, ...(first ? { first } : {}) },
  );
  performance.mark('app');
}
