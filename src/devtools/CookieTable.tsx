import { Component, createRef, type ComponentChild, type TargetedKeyboardEvent } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { CookieView } from '../core/analyze-site';
import type { SortColumn } from '../core/cookie/cookie-sort';
import { TABLE_COLUMNS as COLUMNS } from '../state/columns-slice';
import { cookieRowAttrs } from '../ui/cookie-row-attrs';
import { expiryCellParts } from '../ui/ExpiryText';
import { sizeAttrs } from '../ui/SizeText';
import { formatBytes } from '../core/cookie/size';
import { isListKey, listTarget } from '../ui/list-navigation';
import { checkedDeleteLabel, deleteRows } from '../ui/delete-rows';
import { useEdit, useFilter, useStore } from '../ui/store-context';
import type { ViewStore } from '../state/create-store';
import { valueParts } from '../ui/ValueText';
import { ROW_HEIGHT, useVirtualRows } from '../ui/use-virtual-rows';
import { useRowSlots } from '../ui/use-row-slots';
import { worstSeverity } from '../core/audit/summary';
import { ThirdPartyEmpty } from './CookieScopeSwitch';
import { FlagLetters } from './FlagLetters';
import { isNarrowPanel } from './panel-layout';

const NO_KEYS: ReadonlySet<string> = new Set();
const NO_COLUMNS: ReadonlySet<SortColumn> = new Set();
/**
 * A row's offset from its place in the DOM. Every row has one, 0 included: a transform added to or taken from a row
 * makes Chromium paint the row again, a changed one does not.
 */
const shiftTransform = (shift: number) => `translateY(${shift}px)`;

function rowOf(body: HTMLElement | null, key: string): HTMLElement | undefined {
  if (!body) return undefined;
  return Array.from(body.querySelectorAll<HTMLElement>('tr[data-key]')).find((r) => r.dataset.key === key);
}

/**
 * A text cell: the cell itself is the ValueText (its classes, test id and text), one element fewer per column than
 * a ValueText inside it. `lead` goes before the text (the session dot, the third-party tag). Its children are one
 * flat array (a single expression is the children list itself): written as `{lead}{p.children}`, the inner array
 * would be a Fragment vnode of its own, diffed in every drawn cell at each keystroke.
 */
function valueCell(col: string, value: string, max: number, more: Record<string, string> = {}, lead?: ComponentChild) {
  const p = valueParts(value, max);
  return (
    <td class={`${col} ${p.class}`} data-omitted={p.omitted} {...more}>
      {[lead, ...p.children]}
    </td>
  );
}

function FindingsCell({ view }: { view: CookieView }) {
  if (view.findings.length === 0) return <td class="col-findings muted">none</td>;
  const worst = worstSeverity(view.findings);
  return (
    <td class={`col-findings finding-count sev-${worst}`} title={`worst: ${worst}`}>
      {`${view.findings.length} ${worst}`}
    </td>
  );
}

/** The partition's top-level site, or nothing for an unpartitioned cookie (as DevTools' own column shows it). */
function PartitionCell({ view }: { view: CookieView }) {
  const pk = view.cookie.partitionKey;
  if (pk === undefined) return <td class="col-partition" />;
  return valueCell('col-partition', pk.topLevelSite ?? '(unknown site)', 80, {
    'data-testid': 'cookie-partition',
    title: `Partitioned (CHIPS) under ${pk.topLevelSite ?? 'an unknown site'}`,
  });
}

/**
 * The row's cells, each cell the element that holds its text and test id (no wrapper inside), and only what has
 * something to show: every filter keystroke that moves other cookies into the drawn rows diffs, lays out and
 * paints all of them again. Plain function calls, not components: no instance per cell.
 */
function cookieCells(v: CookieView, now: number, thirdParty: boolean) {
  const c = v.cookie;
  const expiry = expiryCellParts(c, now);
  const size = sizeAttrs(v.size);
  return [
    valueCell(
      'col-name name',
      c.name,
      80,
      { 'data-testid': 'cookie-name' },
      v.sessionReason && <span class="session-dot" title={`Session cookie: ${v.sessionReason.detail}`} />,
    ),
    valueCell('col-value short-value', c.value, 48, { 'data-testid': 'cookie-value' }),
    valueCell(
      'col-domain',
      c.domain,
      80,
      {},
      thirdParty && (
        <abbr class="party-tag" title="Third party: a site this page's requests or frames talked to">
          3p
        </abbr>
      ),
    ),
    PartitionCell({ view: v }),
    valueCell('col-path', c.path, 60),
    <td {...expiry.attrs} class={`col-expiry ${expiry.attrs.class}`}>
      {expiry.text}
    </td>,
    <td {...size} class={`col-size ${size.class}`}>
      {formatBytes(v.size)}
    </td>,
    FlagLetters({ cookie: c }),
    FindingsCell({ view: v }),
  ];
}

/**
 * The scroll box is at most the panel's height less the bars above and below it, and at least ten rows; in a narrow
 * panel, where the detail shows under the table, half the panel's height (panel.css, `.table-wrap`, which these
 * numbers follow).
 */
const BOX_MIN_PX = 240;
const BOX_CHROME_PX = 140;
/** The box's height as the layout will make it with 10,000 rows in it, told from the window's size alone. */
const expectedBoxHeight = (): number =>
  Math.max(BOX_MIN_PX, isNarrowPanel() ? window.innerHeight / 2 : window.innerHeight - BOX_CHROME_PX);

interface CookieRowProps {
  store: ViewStore;
  view: CookieView;
  /** aria-rowindex: the header row is 1. */
  rowIndex: number;
  selected: boolean;
  marked: boolean;
  thirdParty: boolean;
  tabbable: boolean;
  now: number;
  /** How far the row is drawn from its place in the DOM, in px (ui/row-slots.ts). */
  shift: number;
}

/**
 * One drawn row: an element the table keeps for a cookie while it stays drawn (ui/use-row-slots.ts). A change that
 * leaves the row its cookie and state (typing on narrows the list, and its first rows often stay) renders nothing:
 * the row's new place (its offset from its DOM place, its aria-rowindex) is set on the element as it is, so it is
 * not diffed, laid out or painted again, only moved on screen.
 */
class CookieRow extends Component<CookieRowProps> {
  private readonly row = createRef<HTMLTableRowElement>();

  override shouldComponentUpdate(next: CookieRowProps): boolean {
    const p = this.props;
    const changed =
      p.view !== next.view ||
      p.selected !== next.selected ||
      p.marked !== next.marked ||
      p.thirdParty !== next.thirdParty ||
      p.tabbable !== next.tabbable ||
      p.now !== next.now ||
      p.store !== next.store;
    if (!changed && (p.shift !== next.shift || p.rowIndex !== next.rowIndex)) this.place(next);
    return changed;
  }

  /** After a render: its vnode holds the place of its own render, which the element may have been moved from since. */
  override componentDidUpdate(): void {
    this.place(this.props);
  }

  private place({ shift, rowIndex }: CookieRowProps): void {
    const row = this.row.current;
    if (!row) return;
    row.style.transform = shiftTransform(shift);
    row.setAttribute('aria-rowindex', String(rowIndex));
  }

  override render({ store, view: v, rowIndex, shift, selected, marked, thirdParty, tabbable, now }: CookieRowProps) {
    return (
      <tr
        ref={this.row}
        {...cookieRowAttrs(v)}
        aria-rowindex={rowIndex}
        style={{ transform: shiftTransform(shift) }}
        class={`cookie-line${selected ? ' selected' : ''}${marked ? ' marked' : ''}${v.sessionReason ? ' is-session' : ''}`}
        aria-selected={selected}
        data-marked={marked}
        data-scope={thirdParty ? 'third-party' : 'this-site'}
        tabIndex={tabbable ? 0 : -1}
        onClick={() => store.selection.open(v.key)}
      >
        {[
          <td class="col-check">
            <input
              type="checkbox"
              data-testid="cookie-check"
              aria-label={`Select ${v.cookie.name.slice(0, 80)}`}
              tabIndex={-1}
              checked={marked}
              onClick={(e) => {
                // Checking is not opening: the row's own click would open the detail.
                e.stopPropagation();
                store.selection.toggleMark(v.key, e.shiftKey);
              }}
            />
          </td>,
          ...cookieCells(v, now, thirdParty),
        ]}
      </tr>
    );
  }
}

/** A right-click on the table's header opens the columns menu (ColumnsMenu.tsx), as in DevTools' own tables. */
function openColumnsMenu(e: MouseEvent): void {
  const menu = document.querySelector<HTMLDetailsElement>('[data-testid="columns-menu"]');
  if (!menu) return;
  e.preventDefault();
  menu.open = true;
  menu.querySelector<HTMLInputElement>('input:not([disabled])')?.focus();
}

/** The height of the rows not drawn above or below the window, so the scrollbar stands for the whole list. */
function Spacer({ height, span }: { height: number; span: number }) {
  if (height <= 0) return null;
  return (
    <tr class="spacer" aria-hidden="true" style={{ height: `${height}px` }}>
      <td colSpan={span} />
    </tr>
  );
}

/**
 * The sortable, filterable cookie table; one focusable row at a time (roving tabindex). Only the rows in view (and one
 * either side) are in the DOM: spacer rows stand in for the others, so 10,000 cookies cost what 50 do. Each row
 * has a checkbox for the actions on several cookies (delete selected, export): click it, shift-click to check the
 * run from the last one, or from the keyboard Space (check the row), Shift+arrows (extend), Ctrl/Cmd+A (all shown);
 * Delete or Backspace deletes the checked rows shown, else the focused one.
 */
export function CookieTable() {
  const store = useStore();
  const filter = useFilter();
  const rows = filter.visible.value;
  const selected = store.selection.selectedKey.value;
  const sort = filter.sort.value;
  const now = store.site.now.value;
  const scroller = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  /** A row the keyboard moved to that was not drawn yet: focused once the scroll has drawn it. */
  const pendingFocus = useRef<string | null>(null);
  /** Where the selected row was last shown: a row deleted keeps the table's stop in its place, not at the top. */
  const selectedAt = useRef(0);
  // With nothing selected (while typing in the filter, as a rule) no scan of every shown row at each keystroke.
  const selectedIndex = selected === null ? -1 : rows.findIndex((r) => r.key === selected);
  if (selectedIndex !== -1) selectedAt.current = selectedIndex;
  const focusable =
    selectedIndex !== -1
      ? selected
      : (rows[selected === null ? 0 : Math.min(selectedAt.current, rows.length - 1)]?.key ?? null);
  // The header row (ROW_HEIGHT tall, panel.css) sticks at the top of the scroll box, over the rows under it.
  const virtual = useVirtualRows(rows.length, scroller, expectedBoxHeight, ROW_HEIGHT);
  const marked = store.selection.marked.value;
  const thirdKeys = store.thirdParty?.keys.value ?? NO_KEYS;
  const emptyThirdParty = filter.scope.value === 'third-parties' && filter.scopeCounts.value['third-parties'] === 0;
  // A hidden column's cells stay in the rows, out of the layout (panel.css, `.hide-<column>`): hiding one redraws no row.
  const hidden = store.columns?.hidden.value ?? NO_COLUMNS;
  const hiddenIds = COLUMNS.filter((c) => hidden.has(c.id)).map((c) => c.id);
  // The checkbox and the shown columns: a row spanning more would make a column of nothing that takes its share.
  const span = COLUMNS.length - hiddenIds.length + 1;
  // Counted over every shown row at each render (each keystroke): not at all while nothing is checked.
  const markedShown = marked.size === 0 ? 0 : rows.filter((r) => marked.has(r.key)).length;
  const edit = useEdit();

  useLayoutEffect(() => {
    const key = pendingFocus.current;
    if (key === null) return;
    const row = rowOf(body.current, key);
    if (row) {
      pendingFocus.current = null;
      row.focus({ preventScroll: true });
    }
  });

  const focusIndex = (index: number, key: string | null): void => {
    if (key === null) return;
    virtual.virtualizer.scrollToIndex(index, { align: 'auto' });
    const row = rowOf(body.current, key);
    if (row) row.focus({ preventScroll: true });
    else pendingFocus.current = key;
  };

  const onKeyDown = (e: TargetedKeyboardEvent<HTMLTableSectionElement>): void => {
    const rowKey = (e.target as HTMLElement).closest('tr')?.dataset.key;
    if (isListKey(e.key, true)) {
      e.preventDefault();
      // Read now, not at render: keys can come faster than renders.
      const list = filter.visible.peek();
      const current = store.selection.selectedKey.peek();
      let at = list.findIndex((r) => r.key === current);
      // The selected cookie went (deleted from its detail): the keys go on from the focused row in its place.
      if (at === -1 && current !== null && rowKey !== undefined) at = list.findIndex((r) => r.key === rowKey);
      const to = listTarget(e.key, at, list.length, virtual.pageRows);
      if (to === null) return;
      const from = list[at]?.key;
      if (e.shiftKey && from !== undefined && !store.selection.marked.peek().has(from)) {
        store.selection.toggleMark(from);
      }
      const key = store.selection.selectIndex(to);
      if (e.shiftKey && key !== null) store.selection.toggleMark(key, true);
      focusIndex(to, key);
      return;
    }
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      store.selection.toggleMarkAll();
      return;
    }
    // The checkbox handles its own Space (a click).
    if (e.target instanceof HTMLInputElement) return;
    switch (e.key) {
      case 'Enter':
        if (rowKey !== undefined) {
          e.preventDefault();
          store.selection.open(rowKey);
        }
        break;
      case ' ':
        if (rowKey !== undefined) {
          e.preventDefault();
          store.selection.toggleMark(rowKey, e.shiftKey);
        }
        break;
      case 'Escape':
        store.selection.closeDetail();
        break;
      case 'Delete':
      case 'Backspace':
        if (rowKey !== undefined && deleteFromKeyboard(rowKey)) e.preventDefault();
        break;
    }
  };

  /**
   * Delete (Backspace on a Mac keyboard), as in DevTools' own cookie table: the checked rows shown, else the focused
   * one, through the write path (read back; Undo brings them back). Once the table shows the jar without them, the
   * row in their place is selected and focused, so that the keys go on from there. False where the panel cannot
   * write, or a write is under way.
   */
  const deleteFromKeyboard = (rowKey: string): boolean => {
    if (!edit || edit.writer.busy.peek()) return false;
    const list = filter.visible.peek();
    const marks = store.selection.marked.peek();
    const checked = marks.size === 0 ? [] : list.filter((r) => marks.has(r.key));
    const gone = checked.length > 0 ? checked : list.filter((r) => r.key === rowKey);
    if (gone.length === 0) return false;
    const goneKeys = new Set(gone.map((r) => r.key));
    const last = list.findIndex((r) => r.key === gone.at(-1)!.key);
    const after = list.slice(last + 1).find((r) => !goneKeys.has(r.key));
    const before = list.slice(0, last).findLast((r) => !goneKeys.has(r.key));
    const next = (after ?? before)?.key ?? null;
    const label = gone.length === 1 ? `delete of ${gone[0]!.cookie.name}` : checkedDeleteLabel(gone.length);
    if (checked.length > 0) store.selection.clearMarks();
    void deleteRows(edit.writer, gone, label).then(() => {
      const at = next === null ? -1 : filter.visible.peek().findIndex((r) => r.key === next);
      if (at === -1) return;
      store.selection.selectIndex(at);
      focusIndex(at, next);
    });
    return true;
  };

  const drawn = rows.slice(virtual.first, virtual.last + 1);
  const slots = useRowSlots(
    drawn.map((r) => r.key),
    filter.text.value,
  );
  // The selected row may be scrolled out of the DOM: then the first drawn row keeps the table in the Tab order.
  const tabKey = drawn.some((r) => r.key === focusable) ? focusable : (drawn[0]?.key ?? null);
  return (
    <div class="table-wrap" ref={scroller} data-testid="cookie-table-scroll">
      <table
        class={`cookie-table${hiddenIds.map((id) => ` hide-${id}`).join('')}`}
        data-hidden-columns={hiddenIds.join(' ')}
        aria-label="Cookies"
        aria-rowcount={rows.length + 1}
        style={{ '--row-h': `${ROW_HEIGHT}px` }}
      >
        <thead onContextMenu={openColumnsMenu}>
          <tr aria-rowindex={1}>
            <th scope="col" class="col-check">
              <input
                type="checkbox"
                data-testid="check-all"
                aria-label="Select every cookie shown"
                checked={rows.length > 0 && markedShown === rows.length}
                indeterminate={markedShown > 0 && markedShown < rows.length}
                disabled={rows.length === 0}
                onClick={() => store.selection.toggleMarkAll()}
              />
            </th>
            {COLUMNS.map((col) => {
              const active = sort.column === col.id;
              return (
                <th
                  key={col.id}
                  scope="col"
                  class={`col-${col.id}`}
                  aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button type="button" data-testid={`sort-${col.id}`} onClick={() => filter.sortBy(col.id)}>
                    {col.label}
                    <span class="sort-mark" aria-hidden="true">
                      {active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : null}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody ref={body} onKeyDown={onKeyDown}>
          {rows.length === 0 && (
            <tr class="empty">
              <td colSpan={span}>
                {emptyThirdParty ? (
                  <ThirdPartyEmpty />
                ) : (
                  'No cookie matches the filter. Clear the filter box or the checkboxes.'
                )}
              </td>
            </tr>
          )}
          <Spacer height={virtual.before} span={span} />
          {slots.slots.map((slot, i) => {
            // Keyed by slot: a row element keeps its cookie while it is drawn, and one freed by a cookie that left
            // takes a new one (its text and attributes patched, not a row built anew).
            const v = drawn[slot.at]!;
            return (
              <CookieRow
                key={slot.id}
                store={store}
                view={v}
                rowIndex={virtual.first + slot.at + 2}
                selected={v.key === selected}
                marked={marked.has(v.key)}
                thirdParty={thirdKeys.has(v.key)}
                tabbable={v.key === tabKey}
                now={now}
                shift={(slot.at - i) * ROW_HEIGHT}
              />
            );
          })}
          <Spacer height={virtual.after} span={span} />
        </tbody>
      </table>
    </div>
  );
}
