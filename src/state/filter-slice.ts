import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { CookieView } from '../core/analyze-site';
import { filterCookies } from '../core/cookie/cookie-filter';
import { nextSort, sortCookies, type SortColumn, type SortState } from '../core/cookie/cookie-sort';

/** The panel table's filter box, checkboxes and sort order, and the rows they leave visible. */
export function createFilterSlice(cookies: ReadonlySignal<readonly CookieView[]>) {
  /** Case-insensitive substring of the name, the domain or the value. */
  const text = signal('');
  const sessionOnly = signal(false);
  const findingsOnly = signal(false);
  const sort = signal<SortState>({ column: null, dir: 'asc' });

  const visible = computed(() =>
    sortCookies(
      filterCookies(cookies.value, {
        text: text.value,
        sessionOnly: sessionOnly.value,
        findingsOnly: findingsOnly.value,
      }),
      sort.value,
    ),
  );

  function sortBy(column: SortColumn): void {
    sort.value = nextSort(sort.value, column);
  }

  return { text, sessionOnly, findingsOnly, sort, visible, sortBy };
}

export type FilterSlice = ReturnType<typeof createFilterSlice>;
