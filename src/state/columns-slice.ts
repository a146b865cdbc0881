import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { SortColumn } from '../core/cookie/cookie-sort';

/** The panel table's columns, in their order; each can sort the table. */
export const TABLE_COLUMNS: ReadonlyArray<{ id: SortColumn; label: string }> = [
  { id: 'name', label: 'Name' },
  { id: 'value', label: 'Value' },
  { id: 'domain', label: 'Domain' },
  { id: 'partition', label: 'Partition' },
  { id: 'path', label: 'Path' },
  { id: 'expiry', label: 'Expires' },
  { id: 'size', label: 'Size' },
  { id: 'flags', label: 'Flags' },
  { id: 'findings', label: 'Findings' },
];

/** The one column that is always shown: a row without its name would say nothing. */
export const FIXED_COLUMN: SortColumn = 'name';

/** The panel's two layouts (panel-layout.ts): beside the detail, or alone in a narrow panel docked at the side. */
export type TableLayout = 'wide' | 'narrow';

/** The columns the user chose to hide, per layout; a layout not named here shows its default columns. */
export type ColumnPrefs = Partial<Record<TableLayout, readonly SortColumn[]>>;

/** Where the choice is kept (`storage.local` in the panel, under COLUMN_PREFS_KEY). */
export interface ColumnPrefsStore {
  load(): Promise<unknown>;
  save(prefs: ColumnPrefs): Promise<void>;
}

export const COLUMN_PREFS_KEY = 'panelColumns';

/**
 * What a narrow panel leaves out until the user says otherwise: the detail under the table shows them whole, and
 * at 554 px they were cut to three letters each.
 */
const NARROW_HIDDEN: readonly SortColumn[] = ['partition', 'path', 'size'];

const KNOWN = new Set<string>(TABLE_COLUMNS.map((c) => c.id));

/** The stored choice, keeping only what this version can show: anything else (an old or damaged value) is dropped. */
export function parseColumnPrefs(raw: unknown): ColumnPrefs {
  if (typeof raw !== 'object' || raw === null) return {};
  const prefs: ColumnPrefs = {};
  for (const layout of ['wide', 'narrow'] as const) {
    const list = (raw as Record<string, unknown>)[layout];
    if (!Array.isArray(list)) continue;
    const ids = list.filter((id): id is SortColumn => typeof id === 'string' && KNOWN.has(id) && id !== FIXED_COLUMN);
    prefs[layout] = [...new Set(ids)];
  }
  return prefs;
}

/**
 * Which of the table's columns are shown. The user's choice is kept per layout, so that DevTools docked at the side
 * and at the bottom each keep their own; until there is one, a layout shows its default: every column when wide
 * (the Partition column only when a cookie in the table is partitioned), and no Partition, Path or Size when narrow.
 * A choice that could not be kept is said (`problem`), and still applies until the panel closes; when the stored one
 * could not be read, nothing is written over it.
 */
export function createColumnsSlice(
  narrow: ReadonlySignal<boolean>,
  anyPartitioned: ReadonlySignal<boolean>,
  store?: ColumnPrefsStore,
) {
  const prefs = signal<ColumnPrefs>({});
  const problem = signal<string | null>(null);
  /** Layouts the user chose for in this panel: that choice wins over the stored one, read later. */
  const chosen = new Set<TableLayout>();
  // The stored choice, or null when it could not be read (then nothing is written over it).
  // A store that throws at once (a page without the storage API) is a failed read too, not a panel that fails.
  const stored: Promise<ColumnPrefs | null> = store
    ? new Promise<unknown>((resolve) => resolve(store.load())).then(parseColumnPrefs, (e: unknown) => {
        problem.value = `Could not read the saved columns: ${String(e)}`;
        return null;
      })
    : Promise.resolve(null);
  void stored.then((read) => {
    if (read === null) return;
    const merged = { ...read };
    for (const l of chosen) {
      const choice = prefs.peek()[l];
      if (choice === undefined) delete merged[l];
      else merged[l] = choice;
    }
    prefs.value = merged;
  });

  const layout = computed<TableLayout>(() => (narrow.value ? 'narrow' : 'wide'));
  const custom = computed(() => prefs.value[layout.value] !== undefined);
  const hidden = computed<ReadonlySet<SortColumn>>(() => {
    const choice = prefs.value[layout.value];
    if (choice) return new Set(choice);
    if (layout.value === 'narrow') return new Set(NARROW_HIDDEN);
    return new Set(anyPartitioned.value ? [] : ['partition']);
  });

  function keep(next: ColumnPrefs): void {
    chosen.add(layout.peek());
    prefs.value = next;
    // Written once the stored choice is in (merged above), so that the other layout's is not written over.
    void stored.then((read) => {
      if (read === null || !store) return;
      new Promise<void>((resolve) => resolve(store.save(prefs.peek()))).then(
        () => (problem.value = null),
        (e: unknown) => (problem.value = `Could not keep this choice after the panel closes: ${String(e)}`),
      );
    });
  }

  /** Shows or hides a column in the current layout (the name column stays). */
  function toggle(id: SortColumn): void {
    if (id === FIXED_COLUMN) return;
    const now = new Set(hidden.peek());
    if (now.has(id)) now.delete(id);
    else now.add(id);
    keep({ ...prefs.peek(), [layout.peek()]: TABLE_COLUMNS.map((c) => c.id).filter((c) => now.has(c)) });
  }

  /** Back to the current layout's default columns. */
  function reset(): void {
    const next = { ...prefs.peek() };
    delete next[layout.peek()];
    keep(next);
  }

  return { hidden, custom, layout, problem, toggle, reset };
}

export type ColumnsSlice = ReturnType<typeof createColumnsSlice>;
