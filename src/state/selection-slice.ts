import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { CookieView } from '../core/analyze-site';

/**
 * Which cookies the user opened: the popup's expanded rows, the panel's selected row and its detail pane; and
 * which ones are checked (`marked`) for the actions on several cookies at once (delete selected, export).
 * `rows` is the list in the order shown (the panel's visible rows): the keyboard moves through it by index and
 * a shift-click checks the run of it between two rows; `cookies` all of the site's.
 */
export function createSelectionSlice(
  cookies: ReadonlySignal<readonly CookieView[]>,
  rows: ReadonlySignal<readonly CookieView[]> = cookies,
) {
  const expanded = signal<ReadonlySet<string>>(new Set());
  const selectedKey = signal<string | null>(null);
  const detailKey = signal<string | null>(null);
  const marked = signal<ReadonlySet<string>>(new Set());
  // The row a shift-click or shift-arrow extends from: the last one checked or unchecked on its own.
  let anchor: string | null = null;

  /** The checked cookies that still exist, in the order of the site's list. */
  const markedCookies = computed(() => cookies.value.filter((c) => marked.value.has(c.key)));

  const detail = computed(() =>
    detailKey.value === null ? null : (cookies.value.find((c) => c.key === detailKey.value) ?? null),
  );

  function toggleExpanded(key: string): void {
    expanded.value = toggled(expanded.value, key);
  }

  /** Selects a row and shows it in the detail pane (click or Enter). */
  function open(key: string): void {
    batch(() => {
      selectedKey.value = key;
      detailKey.value = key;
    });
  }

  /** Shows a cookie wherever the view shows one: its popup row expanded, the panel's row selected and opened. */
  function reveal(key: string): void {
    batch(() => {
      if (!expanded.value.has(key)) expanded.value = new Set([...expanded.value, key]);
      selectedKey.value = key;
      detailKey.value = key;
    });
  }

  function closeDetail(): void {
    detailKey.value = null;
  }

  /** Selects the row at `index` (clamped); an open detail pane follows the selection. */
  function selectIndex(index: number): string | null {
    const list = rows.value;
    if (list.length === 0) return null;
    const key = list[Math.min(list.length - 1, Math.max(0, index))]!.key;
    batch(() => {
      selectedKey.value = key;
      if (detailKey.value !== null) detailKey.value = key;
    });
    return key;
  }

  /**
   * Checks or unchecks one row. With `extend` (shift-click, shift-arrow), checks every row shown between the
   * anchor and this one instead, and keeps the anchor, as file lists do; without an anchor it acts alone.
   */
  function toggleMark(key: string, extend = false): void {
    const list = rows.value;
    const from = anchor === null ? -1 : list.findIndex((r) => r.key === anchor);
    const to = list.findIndex((r) => r.key === key);
    if (extend && from !== -1 && to !== -1) {
      const next = new Set(marked.value);
      for (let i = Math.min(from, to); i <= Math.max(from, to); i++) next.add(list[i]!.key);
      marked.value = next;
      return;
    }
    marked.value = toggled(marked.value, key);
    anchor = key;
  }

  /** Checks every row shown, or unchecks them all when each is already checked. */
  function toggleMarkAll(): void {
    const keys = rows.value.map((r) => r.key);
    const all = keys.length > 0 && keys.every((k) => marked.value.has(k));
    marked.value = all ? new Set() : new Set([...marked.value, ...keys]);
  }

  function clearMarks(): void {
    marked.value = new Set();
    anchor = null;
  }

  /** Forgets everything: what was open belonged to another site. */
  function reset(): void {
    batch(() => {
      selectedKey.value = null;
      detailKey.value = null;
      expanded.value = new Set();
      clearMarks();
    });
  }

  return {
    expanded,
    selectedKey,
    detailKey,
    detail,
    marked,
    markedCookies,
    toggleExpanded,
    toggleMark,
    toggleMarkAll,
    clearMarks,
    open,
    reveal,
    closeDetail,
    selectIndex,
    reset,
  };
}

export type SelectionSlice = ReturnType<typeof createSelectionSlice>;

/** A copy of `set` with `key` added, or removed when it was there. */
function toggled(set: ReadonlySet<string>, key: string): Set<string> {
  const next = new Set(set);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}
