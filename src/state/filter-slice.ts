import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { CookieView } from '../core/analyze-site';
import { nextSort, sortCookies, type SortColumn, type SortState } from '../core/cookie/cookie-sort';
import type { CookieScope } from '../core/cookie/third-party';
import { compileFilter, narrows, queryKey } from '../core/filter/match-cookie';
import type { FilterQuery } from '../core/filter/filter-query';
import { parseFilter } from '../core/filter/parse-filter';

/**
 * The panel table's filter box (the filter language of core/filter: free text, `name:`, `flag:`, `severity>=`…),
 * its checkboxes and sort order, and the rows they leave visible. `now` is what `expires<1d` compares with.
 */
export function createFilterSlice(
  cookies: ReadonlySignal<readonly CookieView[]>,
  now: ReadonlySignal<number> = signal(Date.now()),
  /** The cookies of the other sites the page talked to (the "third parties" view); none by default. */
  thirdParty: ReadonlySignal<readonly CookieView[]> = signal([]),
) {
  const text = signal('');
  /** Which cookies the table shows: the site's, the third parties', or both. */
  const scope = signal<CookieScope>('this-site');
  /** This site's cookies, then the third parties'. */
  const everything = computed<readonly CookieView[]>(() =>
    thirdParty.value.length === 0 ? cookies.value : [...cookies.value, ...thirdParty.value],
  );
  /** How many cookies each view holds before the filter (the view switch shows them). */
  const scopeCounts = computed<Record<CookieScope, number>>(() => ({
    'this-site': cookies.value.length,
    'third-parties': thirdParty.value.length,
    all: everything.value.length,
  }));
  const inScope = computed(() =>
    scope.value === 'this-site' ? cookies.value : scope.value === 'third-parties' ? thirdParty.value : everything.value,
  );
  const sessionOnly = signal(false);
  const findingsOnly = signal(false);
  const sort = signal<SortState>({ column: null, dir: 'asc' });

  /** The terms and the inline errors of the filter box; terms with errors are left out, the rest still filter. */
  const parsed = computed(() => parseFilter(text.value));

  // Sorted once per sort order and list, not per keystroke: filtering keeps the order (and sortCookies breaks
  // ties by analysis order, so filtering the sorted list gives what sorting the filtered one would).
  const sorted = computed(() => sortCookies(inScope.value, sort.value));

  // Per keystroke, only what it can change: the rows of a query already seen on this list (erasing what was just
  // typed), or the rows of the query it narrows (typing on) filtered again, instead of the whole list.
  const MEMO = 32;
  let memo = { list: null as readonly CookieView[] | null, nowMs: 0, session: false, withFindings: false };
  const seen = new Map<string, readonly CookieView[]>();
  let last: { query: FilterQuery; rows: readonly CookieView[] } | null = null;

  const visible = computed(() => {
    const list = sorted.value;
    const query = parsed.value.query;
    // The clock ticks every few seconds: only a query about expiry has to be re-run by it.
    const nowMs = query.terms.some((t) => t.kind === 'expires') ? now.value : now.peek();
    const session = sessionOnly.value;
    const withFindings = findingsOnly.value;
    if (memo.list !== list || memo.nowMs !== nowMs || memo.session !== session || memo.withFindings !== withFindings) {
      memo = { list, nowMs, session, withFindings };
      seen.clear();
      last = null;
    }
    const key = queryKey(query);
    let rows = seen.get(key);
    if (rows === undefined) {
      const match = compileFilter(query);
      const from = last !== null && narrows(last.query, query) ? last.rows : list;
      rows = from.filter(
        (v) => (!session || v.sessionReason !== null) && (!withFindings || v.findings.length > 0) && match(v, nowMs),
      );
      if (seen.size >= MEMO) seen.delete(seen.keys().next().value!);
      seen.set(key, rows);
    }
    last = { query, rows };
    return rows;
  });

  function sortBy(column: SortColumn): void {
    sort.value = nextSort(sort.value, column);
  }

  return { text, scope, scopeCounts, everything, sessionOnly, findingsOnly, sort, parsed, visible, sortBy };
}

export type FilterSlice = ReturnType<typeof createFilterSlice>;
