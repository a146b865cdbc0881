import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { CookieView } from '../core/analyze-site';

/**
 * Which cookies the user opened: the popup's expanded rows, the panel's selected row and its detail pane.
 * `rows` is the list the keyboard moves through by index (the panel's visible rows); `cookies` all of the site's.
 */
export function createSelectionSlice(
  cookies: ReadonlySignal<readonly CookieView[]>,
  rows: ReadonlySignal<readonly CookieView[]> = cookies,
) {
  const expanded = signal<ReadonlySet<string>>(new Set());
  const selectedKey = signal<string | null>(null);
  const detailKey = signal<string | null>(null);

  const detail = computed(() =>
    detailKey.value === null ? null : (cookies.value.find((c) => c.key === detailKey.value) ?? null),
  );

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

  /** Forgets everything: what was open belonged to another site. */
  function reset(): void {
    batch(() => {
      selectedKey.value = null;
      detailKey.value = null;
      expanded.value = new Set();
    });
  }

  return {
    expanded,
    selectedKey,
    detailKey,
    detail,
    toggleExpanded,
    open,
    reveal,
    closeDetail,
    selectIndex,
    reset,
  };
}

export type SelectionSlice = ReturnType<typeof createSelectionSlice>;
