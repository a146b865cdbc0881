import { batch, effect, type ReadonlySignal } from '@preact/signals';
import type { AnalyzeOptions, CookieView, SiteAnalysis } from '../core/analyze-site';
import type { SignatureVerification } from '../core/audit/audit-input';
import { cookieKey } from '../core/cookie/cookie-key';
import type { CookieRecord } from '../core/cookie/cookie-record';
import type { CookieRows } from '../core/cookie-views';
import type { DecodedValue } from '../core/decode/decoded-value';
import { toSignatureVerification } from '../core/verify/to-signature-verification';
import type { CookiesProblem, TabCookiesResult, TabStore } from '../protocol/messages';
import type { PopupStore } from './create-store';
import type { PageInputs } from './page-data-slice';
import { createWeakSecretCache } from './weak-secret-cache';
import { loadWeakSecretFinder, type WeakSecretFinder } from './weak-secret-finder';
import type { WeakSecretProgress } from './verification-slice';
import { errorText } from '../core/error-text';

export type Analyze = (
  pageUrl: string,
  cookies: readonly CookieRecord[],
  nowMs: number,
  options?: AnalyzeOptions,
) => Promise<SiteAnalysis>;

export interface SiteLoaderDeps {
  fetch: () => Promise<TabCookiesResult>;
  analyze: Analyze;
  /**
   * The rows before the analysis (core's cookieRows): shown at once, in the order the analysis keeps, while
   * `analyze` (and the chunk it loads) runs. Without it (the panel) the rows wait for the analysis.
   */
  rows?: (cookies: readonly CookieRecord[], nowMs: number) => Promise<CookieRows>;
  now?: () => number;
  /**
   * The automatic weak-secret check, run after the first paint; defaults to core's dictionary, loaded on
   * demand. `false` turns the check off.
   */
  weakSecrets?: (() => Promise<WeakSecretFinder>) | false;
  /** Known secrets tried between two yields to the event loop. */
  chunkSize?: number;
  /**
   * What the weak-secret check waits for before it starts: the first frame of the analysis painted (the panel
   * passes a wait for the next frame). Defaults to a macrotask, which a browser may run before it paints.
   */
  afterPaint?: () => Promise<void>;
  /** Tokens in web storage and headers, and request URLs (the panel's page-data slice); re-analysed as they change. */
  pageInputs?: ReadonlySignal<PageInputs>;
}

/**
 * What the popup's first paint already read and worked out (src/popup/first-paint.ts): a load given it starts from
 * there instead of reading the tab again, and puts the rows in the store before it first awaits anything, so the
 * view rendered right after shows the very rows painted.
 */
export interface FirstLoad {
  /** The tab the cookies were read from, when one was found. */
  tabId: number | undefined;
  result: TabCookiesResult;
  /** The rows painted (cookieRows of `result.cookies` at `t`); absent when none were. */
  rows?: CookieRows;
  /** The clock the rows' expiry was told against. */
  t: number;
}

export interface LoadOptions {
  /** Keep showing the current data until the new data is ready (live updates, no flicker). */
  quiet?: boolean;
  /** Start from the first paint's read (ignored with `quiet`). */
  first?: FirstLoad;
}

export interface SiteLoader {
  load(opts?: LoadOptions): Promise<void>;
  /** Resolves when the weak-secret check the latest load started has finished or was cancelled. */
  settled(): Promise<void>;
  /** Cancels a running check and stops re-analysing on new verifications. */
  dispose(): void;
}

interface Snapshot {
  generation: number;
  url: string;
  cookies: readonly CookieRecord[];
  t: number;
  store?: TabStore;
  /** From the rows step, handed to every analysis of this snapshot so it does not decode again. */
  decoded?: readonly DecodedValue[];
}

// A macrotask: the browser paints the analysis just shown before the first secret is tried.
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** How often, at most, the weak-secret check analyses the site again to show the hits it found since. */
const SHOW_HITS_MS = 250;
/**
 * The weak-secret progress moves by at least this share of the whole search between two reports (a hit and the
 * end are reported at once): each report renders the progress line again. Reported at every chunk of every value,
 * the bench panel's 1,250 signed values cost some 1,270 renders in the fifth of a second the search takes.
 */
const PROGRESS_STEP = 0.01;

/**
 * Reads the tab's cookies, analyses them and puts the outcome in the store, then checks the HMAC-signed values
 * against the known weak secrets in the background and analyses again with each hit. Loads can overlap (live
 * updates, navigation); only the latest one may write, so a slow old load never overwrites a newer one, and a
 * new load cancels the check of the old one. The user's verifications (store.verification.verify) are fed to every
 * analysis and trigger one when they change.
 */
/** The slices the loader writes: the site it shows and the verifications each analysis is given. */
export type LoaderSlices = Pick<PopupStore, 'site' | 'verification'>;

export function createSiteLoader(store: LoaderSlices, deps: SiteLoaderDeps): SiteLoader {
  const now = deps.now ?? Date.now;
  const chunkSize = deps.chunkSize ?? 32;
  const afterPaint = deps.afterPaint ?? nextTask;
  const getFinder = deps.weakSecrets === false ? undefined : (deps.weakSecrets ?? loadWeakSecretFinder);
  const weakCache = createWeakSecretCache();
  let finder: Promise<WeakSecretFinder> | undefined;
  let generation = 0;
  /** Bumped whenever what an analysis is given changes (a verification, a weak-secret hit). */
  let optionsVersion = 0;
  let current: Snapshot | undefined;
  let check: AbortController | undefined;
  let checking: Promise<void> = Promise.resolve();

  function analysisOptions(snap: Snapshot): AnalyzeOptions {
    const cookies = snap.cookies;
    const stored = store.verification.verifications.peek();
    const verifications = new Map<string, SignatureVerification>();
    for (const cookie of cookies) {
      const key = cookieKey(cookie);
      const v = stored.get(key);
      // A verification of an older value says nothing about the cookie's current signature.
      const sv = v && v.value === cookie.value ? toSignatureVerification(v.result) : undefined;
      if (sv) verifications.set(key, sv);
    }
    const page = deps.pageInputs?.peek();
    return {
      ...(snap.decoded ? { decoded: snap.decoded } : {}),
      verifications,
      ...(page ? { tokens: page.tokens, requestUrls: page.requestUrls } : {}),
      checkWeakSecret: (cookie, _decoded, jar) => {
        const secret = weakCache.get(cookie, jar);
        return typeof secret === 'string' ? { secret } : null;
      },
    };
  }

  /** Analyses and shows `snap` unless a newer load started; analyses again if the options changed meanwhile. */
  async function show(snap: Snapshot, t: number): Promise<SiteAnalysis | null> {
    for (;;) {
      const version = optionsVersion;
      const analysis = await deps.analyze(snap.url, snap.cookies, t, analysisOptions(snap));
      if (snap.generation !== generation) return null;
      if (version !== optionsVersion) continue;
      store.site.showAnalysis(analysis, t, snap.store);
      return analysis;
    }
  }

  async function checkWeakSecrets(snap: Snapshot, signed: readonly CookieView[], signal: AbortSignal): Promise<void> {
    const jar = snap.cookies;
    const stale = () => signal.aborted || snap.generation !== generation;
    await afterPaint();
    if (stale() || !getFinder) return;
    finder ??= getFinder();
    const { find, size } = await finder;
    if (stale()) return;
    let secrets = size;
    let checkedValues = signed.filter((v) => weakCache.get(v.cookie, jar) !== undefined).length;
    // Counted as they come: recounting the signed cookies on every progress report cost O(signed²) key builds.
    let hitCount = signed.filter((v) => typeof weakCache.get(v.cookie, jar) === 'string').length;
    let shown: WeakSecretProgress | undefined;
    const report = (state: 'running' | 'done', inValue = 0): void => {
      const checked = checkedValues * secrets + inValue;
      const step = PROGRESS_STEP * signed.length * secrets;
      if (state === 'running' && shown?.hits === hitCount && checked - shown.checked < step) return;
      shown = { state, values: signed.length, secrets, checkedValues, checked, hits: hitCount };
      store.verification.weakSecret.value = shown;
    };
    report('running');
    let unshown = false;
    let shownAt = -Infinity;
    for (const view of signed) {
      if (weakCache.get(view.cookie, jar) !== undefined) continue;
      const result = await find(view.cookie, jar, {
        signal,
        chunkSize,
        onProgress: (checked, total) => {
          if (stale()) return;
          secrets = total;
          report('running', checked);
        },
      });
      if (stale() || result.aborted) return;
      if (result.applicable) secrets = result.total;
      weakCache.set(view.cookie, jar, result.secret);
      checkedValues++;
      if (result.secret !== null) hitCount++;
      report('running');
      if (result.secret !== null) {
        optionsVersion++;
        unshown = true;
      }
      // A hit is shown (the whole site analysed again) at most every SHOW_HITS_MS, and once more at the end: the
      // same weak JWT under a thousand names would otherwise cost a thousand analyses.
      if (unshown && performance.now() - shownAt >= SHOW_HITS_MS) {
        unshown = false;
        if ((await show(snap, now())) === null) return;
        shownAt = performance.now();
      }
    }
    if (unshown && (await show(snap, now())) === null) return;
    report('done');
  }

  function startCheck(snap: Snapshot, analysis: SiteAnalysis): void {
    const signed = analysis.cookies.filter((v) => v.decoded.hmacSigned);
    if (signed.length === 0 || !getFinder) {
      store.verification.weakSecret.value = null;
      return;
    }
    const controller = new AbortController();
    check = controller;
    checking = checkWeakSecrets(snap, signed, controller.signal).catch(() => {
      // The check only ever adds findings: when it fails (the dictionary's chunk did not load), the analysis
      // shown stays right; only the progress line, which would say "checking" forever, goes.
      if (snap.generation === generation) store.verification.weakSecret.value = null;
    });
  }

  /** Nothing to analyse: and so no weak-secret check to show the progress of. */
  function showProblem(problem: CookiesProblem): void {
    batch(() => {
      store.site.showProblem(problem);
      store.verification.weakSecret.value = null;
    });
  }

  async function load(opts: LoadOptions = {}): Promise<void> {
    const mine = ++generation;
    check?.abort();
    const first = opts.quiet ? undefined : opts.first;
    // From the first paint: nothing is awaited until its rows are in the store.
    if (!opts.quiet && !first) store.site.showLoading();
    try {
      const result = first ? first.result : await deps.fetch();
      if (mine !== generation) return;
      if (!result.ok) {
        showProblem(result);
        return;
      }
      store.site.showElsewhere(result.elsewhere ?? []);
      const snap: Snapshot = { generation: mine, url: result.url, cookies: result.cookies, t: first?.t ?? now() };
      if (result.store) snap.store = result.store;
      current = snap;
      // A quiet load keeps the analysis on screen until the new one is ready: rows without findings in between
      // would make the badges blink.
      if (deps.rows && !opts.quiet) {
        const rows = first?.rows ?? (await deps.rows(snap.cookies, snap.t));
        if (mine !== generation) return;
        snap.decoded = rows.decoded;
        store.site.showRows(snap.url, rows.views, snap.t, snap.store);
      }
      const analysis = await show(snap, snap.t);
      if (analysis) startCheck(snap, analysis);
    } catch (e) {
      if (mine !== generation) return;
      showProblem({ reason: 'error', error: errorText(e) });
    }
  }

  /** A new verification outcome or new page inputs: analyse the cookies on screen again so their findings show. */
  async function reanalyse(): Promise<void> {
    optionsVersion++;
    const snap = current;
    // With a load in flight, that load reads the new verifications itself.
    if (!snap || snap.generation !== generation) return;
    try {
      await show(snap, now());
    } catch {
      // The analysis on screen stays; the next load tries again.
    }
  }

  let seen = store.verification.verifications.peek();
  const unwatch = effect(() => {
    const next = store.verification.verifications.value;
    if (next === seen) return;
    seen = next;
    void reanalyse();
  });

  let seenInputs = deps.pageInputs?.peek().key;
  const unwatchInputs = deps.pageInputs
    ? effect(() => {
        const key = deps.pageInputs!.value.key;
        if (key === seenInputs) return;
        seenInputs = key;
        void reanalyse();
      })
    : () => undefined;

  return {
    load,
    settled: () => checking,
    dispose() {
      unwatch();
      unwatchInputs();
      check?.abort();
    },
  };
}
