import type { SiteAnalysis } from '../core/analyze-site';
import type { CookieRecord } from '../core/cookie/cookie-record';
import type { TabCookiesResult } from '../protocol/messages';
import type { Store } from './create-store';

export type Analyze = (pageUrl: string, cookies: readonly CookieRecord[], nowMs: number) => Promise<SiteAnalysis>;

export interface SiteLoaderDeps {
  fetch: () => Promise<TabCookiesResult>;
  analyze: Analyze;
  now?: () => number;
}

export interface SiteLoader {
  /** `quiet`: keep showing the current data until the new data is ready (live updates, no flicker). */
  load(opts?: { quiet?: boolean }): Promise<void>;
}

function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Reads the tab's cookies, analyses them and puts the outcome in the store. Loads can overlap (live
 * updates, navigation); only the latest one may write, so a slow old load never overwrites a newer one.
 */
export function createSiteLoader(store: Store, deps: SiteLoaderDeps): SiteLoader {
  const now = deps.now ?? Date.now;
  let generation = 0;

  async function load(opts: { quiet?: boolean } = {}): Promise<void> {
    const mine = ++generation;
    if (!opts.quiet) store.showLoading();
    try {
      const result = await deps.fetch();
      if (mine !== generation) return;
      if (!result.ok) {
        store.showProblem(result.reason, result.message, result.url);
        return;
      }
      const t = now();
      const analysis = await deps.analyze(result.url, result.cookies, t);
      if (mine !== generation) return;
      store.showAnalysis(analysis, t);
    } catch (e) {
      if (mine !== generation) return;
      store.showProblem('error', `Reading the cookies failed: ${reasonOf(e)}.`);
    }
  }

  return { load };
}
