import { batch, computed, signal } from '@preact/signals';
import type { CookieView, SiteAnalysis } from '../core/analyze-site';
import type { Finding } from '../core/audit/finding';
import { hostOf } from '../core/cookie/site';
import type { CookieRecord } from '../core/cookie/cookie-record';
import type { VerifyResult } from '../core/verify/verify-result';
import type { ChangeLogEntry, DroppedBy } from '../protocol/messages';
import { filterCookies } from '../core/cookie/cookie-filter';
import { nextSort, sortCookies, type SortColumn, type SortState } from '../core/cookie/cookie-sort';
import { worstFirst } from '../core/audit/worst-first';

export type ViewState = 'loading' | 'ready' | 'not-http' | 'no-cookies' | 'no-permission' | 'no-tab' | 'error';

/** Checks a cookie's signature with what the user typed (verifyCookie's shape). Must never reject. */
export type Verifier = (
  cookie: CookieRecord,
  jar: readonly CookieRecord[],
  secrets: readonly string[],
) => Promise<VerifyResult>;

/** A verification the user ran, for the value it was run on: a rotated cookie is a new value, unchecked. */
export interface StoredVerification {
  value: string;
  result: VerifyResult;
}

/** The automatic weak-secret check of the signed values on the page, as the views show it. */
export interface WeakSecretProgress {
  state: 'running' | 'done';
  /** HMAC-signed values on the page (checked earlier for the same value count as checked). */
  values: number;
  /** Known secrets each value is tried against. */
  secrets: number;
  /** Values fully checked so far. */
  checkedValues: number;
  /** Secrets tried so far, over all values (for the progress bar: out of values × secrets). */
  checked: number;
  /** Values that verify with a known secret. */
  hits: number;
}

export interface StoreInit {
  now?: number;
  /** The panel keeps at most this many timeline entries in memory; older ones count as dropped. */
  timelineLimit?: number;
  /** Defaults to core's verifyCookie, loaded on first use so the popup's first paint does not wait for jose. */
  verify?: Verifier;
}

const loadVerifier: Verifier = async (cookie, jar, secrets) =>
  (await import('../core/verify/verify-cookie')).verifyCookie(cookie, jar, secrets);

function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * All state of the popup and the panel: signals and values computed from them, plus the actions that change
 * them. A factory rather than a module singleton (as preact-devtools does) so every test and every page gets
 * a fresh store, handed down through StoreContext.
 */
export function createStore(init: StoreInit = {}) {
  const timelineLimit = init.timelineLimit ?? 2000;

  const state = signal<ViewState>('loading');
  /** The sentence that explains a non-ready state (from the loader). */
  const message = signal('');
  /** A transient outcome to show, e.g. of a permission request. */
  const notice = signal('');
  const url = signal<string | undefined>(undefined);
  const analysis = signal<SiteAnalysis | null>(null);
  const now = signal(init.now ?? Date.now());

  const expanded = signal<ReadonlySet<string>>(new Set());
  const filterText = signal('');
  const sessionOnly = signal(false);
  const findingsOnly = signal(false);
  const sort = signal<SortState>({ column: null, dir: 'asc' });
  const selectedKey = signal<string | null>(null);
  const detailKey = signal<string | null>(null);

  const timeline = signal<readonly ChangeLogEntry[]>([]);
  const dropped = signal(0);
  /** What the background's log said about why entries are missing (the rest of `dropped` is this store's limit). */
  const droppedBy = signal<DroppedBy>({});

  /**
   * Outcomes of the user's signature checks, by cookie key. Only outcomes: the secrets and keys typed stay in
   * the form's own state and are never stored, here or in any storage area.
   */
  const verifications = signal<ReadonlyMap<string, StoredVerification>>(new Map());
  /** Cookie keys with a verification running. */
  const verifying = signal<ReadonlySet<string>>(new Set());
  const weakSecret = signal<WeakSecretProgress | null>(null);
  const verifier = init.verify ?? loadVerifier;

  const host = computed(() => (url.value === undefined ? '' : (hostOf(url.value) ?? '')));
  const cookies = computed<readonly CookieView[]>(() => analysis.value?.cookies ?? []);
  const sessionCookies = computed(() => cookies.value.filter((c) => c.sessionReason !== null));
  const otherCookies = computed(() => cookies.value.filter((c) => c.sessionReason === null));
  const visible = computed(() =>
    sortCookies(
      filterCookies(cookies.value, {
        text: filterText.value,
        sessionOnly: sessionOnly.value,
        findingsOnly: findingsOnly.value,
      }),
      sort.value,
    ),
  );
  const topFindings = computed<Finding[]>(() => worstFirst(analysis.value?.audit.findings ?? []));
  const nameByKey = computed(() => new Map(cookies.value.map((c) => [c.key, c.cookie.name])));
  const detail = computed(() =>
    detailKey.value === null ? null : (cookies.value.find((c) => c.key === detailKey.value) ?? null),
  );

  function showLoading(): void {
    batch(() => {
      state.value = 'loading';
      message.value = '';
    });
  }

  function showProblem(s: Exclude<ViewState, 'ready' | 'loading'>, text: string, pageUrl?: string): void {
    batch(() => {
      state.value = s;
      message.value = text;
      if (pageUrl !== undefined) url.value = pageUrl;
      analysis.value = null;
      weakSecret.value = null;
    });
  }

  function showAnalysis(result: SiteAnalysis, nowMs: number): void {
    batch(() => {
      const before = host.value;
      const hostChanged = before !== '' && before !== (hostOf(result.pageUrl) ?? '');
      url.value = result.pageUrl;
      analysis.value = result;
      now.value = nowMs;
      message.value = '';
      state.value = result.cookies.length === 0 ? 'no-cookies' : 'ready';
      if (hostChanged) {
        // Another site: what was selected belonged to the old one. (Same host, other path: keep it.)
        selectedKey.value = null;
        detailKey.value = null;
        expanded.value = new Set();
      }
    });
  }

  function toggleExpanded(key: string): void {
    const next = new Set(expanded.value);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    expanded.value = next;
  }

  /** Selects a row and shows it in the detail pane (click or Enter). */
  function open(key: string): void {
    batch(() => {
      selectedKey.value = key;
      detailKey.value = key;
    });
  }

  function closeDetail(): void {
    detailKey.value = null;
  }

  /** Selects the visible row at `index` (clamped); an open detail pane follows the selection. */
  function selectIndex(index: number): string | null {
    const rows = visible.value;
    if (rows.length === 0) return null;
    const key = rows[Math.min(rows.length - 1, Math.max(0, index))]!.key;
    batch(() => {
      selectedKey.value = key;
      if (detailKey.value !== null) detailKey.value = key;
    });
    return key;
  }

  /** Arrow keys: moves the selection by `delta` visible rows; with nothing selected, starts at an end. */
  function moveSelection(delta: number): string | null {
    const rows = visible.value;
    const i = rows.findIndex((c) => c.key === selectedKey.value);
    return selectIndex(i === -1 ? (delta > 0 ? 0 : rows.length - 1) : i + delta);
  }

  function sortBy(column: SortColumn): void {
    sort.value = nextSort(sort.value, column);
  }

  /**
   * Checks the signature of the cookie `key` with the given secrets or keys and keeps the outcome for that
   * value. Resolves to the outcome, or null when the cookie is gone. Never rejects.
   */
  async function verify(key: string, secrets: readonly string[]): Promise<VerifyResult | null> {
    const target = cookies.value.find((c) => c.key === key);
    if (!target) return null;
    const jar = cookies.value.map((c) => c.cookie);
    verifying.value = new Set(verifying.value).add(key);
    let result: VerifyResult;
    try {
      result = await verifier(target.cookie, jar, secrets);
    } catch (e) {
      result = { status: 'unsupported', format: null, message: `could not verify: ${reasonOf(e)}` };
    }
    batch(() => {
      verifications.value = new Map(verifications.value).set(key, { value: target.cookie.value, result });
      const pending = new Set(verifying.value);
      pending.delete(key);
      verifying.value = pending;
    });
    return result;
  }

  /** The outcome of the last verification of this cookie, if it was run on the value it has now. */
  function verificationOf(view: Pick<CookieView, 'key' | 'cookie'>): VerifyResult | undefined {
    const v = verifications.value.get(view.key);
    return v && v.value === view.cookie.value ? v.result : undefined;
  }

  function keepNewest(entries: readonly ChangeLogEntry[]): readonly ChangeLogEntry[] {
    if (entries.length <= timelineLimit) return entries;
    dropped.value += entries.length - timelineLimit;
    return entries.slice(entries.length - timelineLimit);
  }

  function setTimeline(entries: readonly ChangeLogEntry[], droppedBefore: number, why: DroppedBy = {}): void {
    batch(() => {
      dropped.value = droppedBefore;
      droppedBy.value = why;
      timeline.value = keepNewest([...entries].sort((a, b) => a.seq - b.seq));
    });
  }

  /** Appends live entries, skipping any whose sequence number the timeline already holds. */
  function appendTimeline(entries: readonly ChangeLogEntry[]): void {
    if (entries.length === 0) return;
    const seen = new Set(timeline.value.map((e) => e.seq));
    const fresh = entries.filter((e) => !seen.has(e.seq));
    if (fresh.length === 0) return;
    batch(() => {
      timeline.value = keepNewest([...timeline.value, ...fresh]);
    });
  }

  /** The next sequence number for an entry the page saw itself (watchCookies), after every known one. */
  function nextLocalSeq(): number {
    const t = timeline.value;
    return t.length === 0 ? 1 : t[t.length - 1]!.seq + 1;
  }

  return {
    state,
    message,
    notice,
    url,
    analysis,
    now,
    expanded,
    filterText,
    sessionOnly,
    findingsOnly,
    sort,
    selectedKey,
    detailKey,
    timeline,
    dropped,
    droppedBy,
    verifications,
    verifying,
    weakSecret,
    host,
    cookies,
    sessionCookies,
    otherCookies,
    visible,
    topFindings,
    nameByKey,
    detail,
    showLoading,
    showProblem,
    showAnalysis,
    toggleExpanded,
    open,
    closeDetail,
    selectIndex,
    moveSelection,
    sortBy,
    setTimeline,
    appendTimeline,
    nextLocalSeq,
    verify,
    verificationOf,
  };
}

export type Store = ReturnType<typeof createStore>;
