import { batch, computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { CookieView } from '../core/analyze-site';
import type { CookieRecord } from '../core/cookie/cookie-record';
import { bySite, cookiesPerView, thirdPartySites } from '../core/cookie/third-party';
import { errorText } from '../core/error-text';
import type { NetworkEntry } from '../core/network/network-entry';
import type { TabStore } from '../protocol/messages';
import type { Analyze } from './load-site';

/**
 * `idle`: nothing asked yet; `unavailable`: this view cannot read other sites' cookies (no reader given);
 * `error`: the last read failed (`error` says why).
 */
export type ThirdPartyState = 'idle' | 'loading' | 'ready' | 'unavailable' | 'error';

/** What the slice reads of the inspected site: its page, its cookie store. */
export interface InspectedSite {
  url: ReadonlySignal<string | undefined>;
  host: ReadonlySignal<string>;
  tabStore: ReadonlySignal<TabStore | null>;
}

/**
 * The cookies of the other sites the inspected page talked to, each analysed by the same rules as the site's own.
 * Those sites come from two sources, merged: what the page itself says it loaded (`pageUrls`: its frames' URLs
 * and their subresources' origins, read by page-hosts-watcher) and the requests DevTools recorded. `sites`
 * follows both; the loader fills `views`.
 */
export function createThirdPartySlice(site: InspectedSite, requests: ReadonlySignal<readonly NetworkEntry[]>) {
  /** The page's own answer, replaced at every read (each read is the whole page as it is now). */
  const pageUrls = signal<readonly string[]>([]);
  // Until the page's own host is known every site would look like a third party: none is listed before it.
  const sitesKey = computed(() =>
    site.host.value === ''
      ? ''
      : thirdPartySites(site.host.value, [...pageUrls.value, ...requests.value.map((r) => r.url)]).join('\n'),
  );
  /** The third-party sites (registrable domains), in the order the page first talked to them. */
  const sites = computed<readonly string[]>(() => (sitesKey.value === '' ? [] : sitesKey.value.split('\n')));
  const views = signal<readonly CookieView[]>([]);
  /** The keys of `views`: the table marks these rows as third parties'. */
  const keys = computed<ReadonlySet<string>>(() => new Set(views.value.map((v) => v.key)));
  const state = signal<ThirdPartyState>('idle');
  const error = signal<string | null>(null);

  function show(list: readonly CookieView[]): void {
    batch(() => {
      views.value = list;
      state.value = 'ready';
      error.value = null;
    });
  }

  function showError(message: string): void {
    batch(() => {
      state.value = 'error';
      error.value = message;
    });
  }

  /** The page's frames and subresources as last read (http(s) URLs or origins); [] forgets the old page's. */
  function showPageUrls(urls: readonly string[]): void {
    if (!sameList(urls, pageUrls.peek())) pageUrls.value = urls;
  }

  return { sites, views, keys, state, error, pageUrls, show, showError, showPageUrls };
}

export type ThirdPartySlice = ReturnType<typeof createThirdPartySlice>;

export interface ThirdPartyDeps {
  /** Every cookie (every partition) of the sites `sites` (registrable domains) in the store `storeId`, each once. */
  sitesCookies: (sites: readonly string[], storeId: string | undefined) => Promise<CookieRecord[]>;
  analyze: Analyze;
  now?: () => number;
  /** How long the list of sites must stay the same before it is read (requests come in bursts). */
  settleMs?: number;
}

export interface ThirdPartyLoader {
  /**
   * Reads and analyses the third parties' cookies again (a cookie changed, the page navigated). `changed`: the only
   * sites (registrable domains) whose cookies changed since the last read; the others' rows are kept as they are.
   * The loader reads them all when there is no complete last read of this page, these sites and this store to keep
   * rows from.
   */
  load(changed?: readonly string[]): Promise<void>;
  dispose(): void;
}

/** The last read that completed: what it was of, and each site's rows (in `sites` order). */
interface LastRead {
  pageUrl: string;
  storeId: string | undefined;
  sites: readonly string[];
  bySite: Map<string, readonly CookieView[]>;
}

/**
 * Reads each third-party site's cookies from the tab's store, keeps those that belong to this page (cookiesPerView:
 * partitions keyed to another top-level site are left out), and analyses each site's cookies with that site as
 * the page, so a third party's findings are the ones its own page would get. Loads again when the sites change.
 * A change of some sites' cookies reads and analyses only theirs: in Chromium a read of every site lists the whole
 * jar (docs/panel-speed.md).
 */
export function createThirdPartyLoader(
  slice: ThirdPartySlice,
  site: InspectedSite,
  deps: ThirdPartyDeps | undefined,
): ThirdPartyLoader {
  const now = deps?.now ?? Date.now;
  let generation = 0;
  let last: LastRead | undefined;
  /**
   * Sites whose cookies changed since `last` that no completed read has taken in yet: a read that another one
   * replaced before it ended leaves them here, for the next.
   */
  const pending = new Set<string>();
  /** A read of every site was asked for and has not completed: until one does, no read builds on `last`. */
  let wholeDue = false;

  async function load(changed?: readonly string[]): Promise<void> {
    const mine = ++generation;
    const pageUrl = site.url.peek();
    const sites = slice.sites.peek();
    if (!deps) {
      slice.state.value = 'unavailable';
      return;
    }
    if (pageUrl === undefined || sites.length === 0) {
      last = undefined;
      pending.clear();
      wholeDue = false;
      slice.show([]);
      return;
    }
    if (slice.state.peek() === 'idle') slice.state.value = 'loading';
    const storeId = site.tabStore.peek()?.id;
    for (const s of changed ?? []) pending.add(s);
    const base =
      changed !== undefined &&
      !wholeDue &&
      last !== undefined &&
      last.pageUrl === pageUrl &&
      last.storeId === storeId &&
      sameList(last.sites, sites)
        ? last
        : undefined;
    if (!base) wholeDue = true;
    const toRead = base ? sites.filter((s) => pending.has(s)) : sites;
    try {
      const cookies = toRead.length === 0 ? [] : await deps.sitesCookies(toRead, storeId);
      if (mine !== generation) return;
      const mineOnly = cookiesPerView(pageUrl, toRead, cookies, (c) => c)['third-parties'];
      const scheme = /^https:/i.test(pageUrl) ? 'https:' : 'http:';
      const t = now();
      const read = bySite(mineOnly, (c) => c);
      const next = new Map(base?.bySite);
      for (const name of toRead) {
        const siteCookies = read.get(name);
        next.delete(name);
        if (siteCookies === undefined) continue;
        const analysis = await deps.analyze(`${scheme}//${name}/`, siteCookies, t);
        if (mine !== generation) return;
        next.set(name, analysis.cookies);
      }
      // No other read began meanwhile (it would have replaced this one): every pending site was read here.
      last = { pageUrl, storeId, sites, bySite: next };
      pending.clear();
      wholeDue = false;
      slice.show(sites.flatMap((s) => next.get(s) ?? []));
    } catch (e) {
      if (mine === generation) slice.showError(errorText(e));
    }
  }

  // A page load brings its requests in batches, each maybe naming a new site: one read per burst, not per batch.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seen = slice.sites.peek();
  const unwatch = effect(() => {
    const next = slice.sites.value;
    if (next === seen) return;
    seen = next;
    clearTimeout(timer);
    timer = setTimeout(() => void load(), deps?.settleMs ?? 250);
  });

  return {
    load,
    dispose() {
      clearTimeout(timer);
      unwatch();
    },
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
