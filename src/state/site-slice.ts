import { batch, computed, signal } from '@preact/signals';
import type { CookieView, SiteAnalysis } from '../core/analyze-site';
import type { Finding } from '../core/audit/finding';
import { hostOf } from '../core/cookie/site';
import { explainSession, type SessionMechanism } from '../core/session/explain-session';
import type { CookiesProblem, ProblemReason } from '../protocol/messages';

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
export function createSiteSlice(init: SiteSliceInit = {}) {
  const state = signal<ViewState>('loading');
  /** Why the cookies cannot be shown, with its data (from the loader); null when they can. */
  const problem = signal<CookiesProblem | null>(null);
  /** How the last permission request failed, until the next one. */
  const notice = signal<PermissionNotice | null>(null);
  const url = signal<string | undefined>(undefined);
  const analysis = signal<SiteAnalysis | null>(null);
  /** The clock relative times are shown against: set by each analysis and by the views' ticker. */
  const now = signal(init.now ?? Date.now());
  /** The clock of the last analysis: what token lifetimes are told against (the ticker does not move it). */
  const analysedAt = signal(init.now ?? Date.now());
  const newSiteListeners = new Set<() => void>();

  const host = computed(() => (url.value === undefined ? '' : (hostOf(url.value) ?? '')));
  const cookies = computed<readonly CookieView[]>(() => analysis.value?.cookies ?? []);
  const sessionCookies = computed(() => cookies.value.filter((c) => c.sessionReason !== null));
  const otherCookies = computed(() => cookies.value.filter((c) => c.sessionReason === null));
  const topFindings = computed<readonly Finding[]>(() => analysis.value?.audit.findings ?? []);
  const nameByKey = computed(() => new Map(cookies.value.map((c) => [c.key, c.cookie.name])));
  /** How the site's session works, one mechanism per session cookie (tokens join when the views read them). */
  const mechanisms = computed<readonly SessionMechanism[]>(() =>
    analysis.value === null ? [] : explainSession(analysis.value, [], analysedAt.value),
  );

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
      if ('url' in p && p.url !== undefined) url.value = p.url;
      analysis.value = null;
    });
  }

  function showAnalysis(result: SiteAnalysis, nowMs: number): void {
    batch(() => {
      const before = host.value;
      const hostChanged = before !== '' && before !== (hostOf(result.pageUrl) ?? '');
      url.value = result.pageUrl;
      analysis.value = result;
      now.value = nowMs;
      analysedAt.value = nowMs;
      problem.value = null;
      state.value = result.cookies.length === 0 ? 'no-cookies' : 'ready';
      // Another site: what other slices hold about the old one goes. (Same host, other path: it stays.)
      if (hostChanged) for (const listener of newSiteListeners) listener();
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
    now,
    host,
    cookies,
    sessionCookies,
    otherCookies,
    topFindings,
    nameByKey,
    mechanisms,
    showLoading,
    showProblem,
    showAnalysis,
    onNewSite,
  };
}

export type SiteSlice = ReturnType<typeof createSiteSlice>;
