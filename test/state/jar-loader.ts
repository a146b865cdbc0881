import { analyzeSite } from '../../src/core/analyze-site';
import type { CookieRecord } from '../../src/core/cookie/cookie-record';
import { createSiteLoader, type LoaderSlices, type SiteLoader, type SiteLoaderDeps } from '../../src/state/load-site';
import { NOW } from '../ui/fixtures';

/** The page a jar loader reads the cookies of. */
export const JAR_URL = 'https://app.example.com/';

/**
 * A site loader of `store` whose every load reads the cookies `jar()` gives at that moment, on JAR_URL at NOW,
 * analysed by core's analyzeSite, with the weak-secret check off; `deps` replaces any of these.
 */
export function jarLoader(
  store: LoaderSlices,
  jar: () => readonly CookieRecord[],
  deps: Partial<SiteLoaderDeps> = {},
): SiteLoader {
  return createSiteLoader(store, {
    fetch: () => Promise.resolve({ ok: true, tabId: 1, url: JAR_URL, cookies: [...jar()] }),
    analyze: analyzeSite,
    now: () => NOW,
    weakSecrets: false,
    ...deps,
  });
}
