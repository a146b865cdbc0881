import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { CookieView, SiteAnalysis } from '../core/analyze-site';
import type { FoundToken } from '../core/audit/audit-input';
import type { Finding } from '../core/audit/finding';
import { hostOf } from '../core/cookie/host';
import { changedAttributes } from '../core/cookie/changed-attributes';
import { cookieKey } from '../core/cookie/cookie-key';
import type { CookieRecord } from '../core/cookie/cookie-record';
import { countMechanisms, explainSession, type SessionMechanism } from '../core/session/explain-session';
import type { CookiesProblem, ProblemReason, TabStore } from '../protocol/messages';

export type ViewState = 'loading' | 'ready' | 'no-cookies' | ProblemReason;

/** The outcome of the last permission request when it did not grant access (the views word it). */
export type PermissionNotice = { kind: 'denied' } | { kind: 'failed'; error: string };

export interface SiteSliceInit {
  now?: number;
}

/**
 * The inspected site and its analysis: what the loader last showed, the state the views are in, and the
 * views of it every part of both views reads (session and other cookies, the site's findings worst first).
 */
/** Mechanisms told in full; a jar with thousands of session-like cookies would otherwise draw thousands of cards. */
export const MAX_MECHANISMS = 12;

export function createSiteSlice(
  init: SiteSliceInit = {},
  /** Tokens the page holds outside cookies (web storage, request headers), where the view reads them. */
  pageTokens?: ReadonlySignal<readonly FoundToken[]>,
) {
  const state = signal<ViewState>('loading');
  /** Why the cookies cannot be shown, with its data (from the loader); null when they can. */
  const problem = signal<CookiesProblem | null>(null);
  /** How the last permission request failed, until the next one. */
  const notice = signal<PermissionNotice | null>(null);
  const url = signal<string | undefined>(undefined);
  const analysis = signal<SiteAnalysis | null>(null);
  /** The cookie store the analysis was read from (a container's, a private window's); null when not known. */
  const tabStore = signal<TabStore | null>(null);
  /**
   * The rows shown before the analysis arrives (the popup's first paint: cookieRows, in the final order, no
   * findings yet); null once the analysis is in, or when there is nothing to show.
   */
  const rows = signal<readonly CookieView[] | null>(null);
  /**
   * The site's cookies kept in other top-level sites' partitions (set while embedded there): not this page's, so
   * neither rows nor analysed. The read of the page hands them apart (TabCookiesResult.elsewhere); the loader shows
   * each load's (showElsewhere).
   */
  const elsewhere = signal<readonly CookieRecord[]>([]);
  /** Rows are on screen and their findings, grade and badges are still being worked out. */
  const analysing = computed(() => analysis.value === null && rows.value !== null);
  /** The clock relative times are shown against: set by each analysis and by the views' ticker. */
  const now = signal(init.now ?? Date.now());
  /** The clock of the last analysis: what token lifetimes are told against (the ticker does not move it). */
  const analysedAt = signal(init.now ?? Date.now());
  const newSiteListeners = new Set<() => void>();

  const host = computed(() => (url.value === undefined ? '' : (hostOf(url.value) ?? '')));
  const cookies = computed<readonly CookieView[]>(() => analysis.value?.cookies ?? rows.value ?? []);
  const sessionCookies = computed(() => cookies.value.filter((c) => c.sessionReason !== null));
  const otherCookies = computed(() => cookies.value.filter((c) => c.sessionReason === null));
  const topFindings = computed<readonly Finding[]>(() => analysis.value?.audit.findings ?? []);
  /** The store new cookies go to (the editor's default, an import's): the tab's, else that of the cookies shown. */
  const storeId = computed<string | undefined>(() => tabStore.value?.id ?? cookies.value[0]?.cookie.storeId);
  const nameByKey = computed(() => new Map(cookies.value.map((c) => [c.key, c.cookie.name])));
  /**
   * How the site's session works: each session cookie, then each token the page holds elsewhere; the first
   * MAX_MECHANISMS of them told in full, and how many there are.
   */
  const mechanisms = computed<readonly SessionMechanism[]>(() => {
    const shown = analysis.value ?? (rows.value === null ? null : { cookies: rows.value });
    return shown === null ? [] : explainSession(shown, pageTokens?.value ?? [], analysedAt.value, MAX_MECHANISMS);
  });
  const mechanismCount = computed(() => countMechanisms(cookies.value, pageTokens?.value ?? []));

  function showLoading(): void {
    batch(() => {
      state.value = 'loading';
      problem.value = null;
    });
  }

  function showProblem(p: CookiesProblem): void {
    batch(() => {
      state.value = p.reason;
      problem.value = p;
      // A hidden URL must not leave the last site's behind: the grant button would ask for the wrong site.
      if (p.reason === 'no-permission') url.value = p.url;
      else if ('url' in p && p.url !== undefined) url.value = p.url;
      analysis.value = null;
      rows.value = null;
      elsewhere.value = [];
    });
  }

  /**
   * Sets the list when it differs from the one shown (an identity, or any attribute the list shows): a reload that
   * read the same cookies renders nothing anew.
   */
  function showElsewhere(next: readonly CookieRecord[]): void {
    const before = elsewhere.peek();
    const same =
      before.length === next.length &&
      before.every((c, i) => cookieKey(c) === cookieKey(next[i]!) && changedAttributes(c, next[i]!).length === 0);
    if (!same) elsewhere.value = next;
  }

  /** The host of the last analysis shown: a problem page in between (not a web page, no access) does not count. */
  let analysedHost = '';

  /** What showRows and showAnalysis both do: the site, its clocks and state; another host resets the others. */
  function arrive(pageUrl: string, count: number, nowMs: number, store: TabStore | undefined): void {
    const next = hostOf(pageUrl) ?? '';
    const hostChanged = analysedHost !== '' && analysedHost !== next;
    analysedHost = next;
    url.value = pageUrl;
    tabStore.value = store ?? null;
    now.value = nowMs;
    analysedAt.value = nowMs;
    problem.value = null;
    state.value = count === 0 ? 'no-cookies' : 'ready';
    // Another site: what other slices hold about the old one goes. (Same host, other path: it stays.)
    if (hostChanged) for (const listener of newSiteListeners) listener();
  }

  /**
   * The rows before their analysis: in the order the analysis keeps (cookieRows), so nothing moves when
   * showAnalysis follows; findings, grade and badges show `analysing` until then.
   */
  /** `store`: where the cookies were read from; absent: the default store (or not known). */
  function showRows(pageUrl: string, views: readonly CookieView[], nowMs: number, store?: TabStore): void {
    batch(() => {
      analysis.value = null;
      rows.value = views;
      arrive(pageUrl, views.length, nowMs, store);
    });
  }

  function showAnalysis(result: SiteAnalysis, nowMs: number, store?: TabStore): void {
    batch(() => {
      analysis.value = result;
      rows.value = null;
      arrive(result.pageUrl, result.cookies.length, nowMs, store);
    });
  }

  /** Calls `listener` (inside the update) whenever an analysis of another host replaces the one shown. */
  function onNewSite(listener: () => void): () => void {
    newSiteListeners.add(listener);
    return () => newSiteListeners.delete(listener);
  }

  return {
    state,
    problem,
    notice,
    url,
    analysis,
    tabStore,
    elsewhere,
    storeId,
    analysing,
    now,
    host,
    cookies,
    sessionCookies,
    otherCookies,
    topFindings,
    nameByKey,
    mechanisms,
    mechanismCount,
    showLoading,
    showProblem,
    showElsewhere,
    showRows,
    showAnalysis,
    onNewSite,
  };
}

export type SiteSlice = ReturnType<typeof createSiteSlice>;
