import type { TargetedKeyboardEvent } from 'preact';
import { useRef } from 'preact/hooks';
import type { CookieView } from '../core/analyze-site';
import type { SortColumn } from '../core/cookie/cookie-sort';
import { cookieRowAttrs } from '../ui/cookie-row-attrs';
import { ExpiryText } from '../ui/ExpiryText';
import { FlagChips } from '../ui/FlagChips';
import { SizeText } from '../ui/SizeText';
import { isListKey, listTarget } from '../ui/list-navigation';
import { useFilter, useStore } from '../ui/store-context';
import { ValueText } from '../ui/ValueText';
import { worstSeverity } from '../core/audit/summary';

const COLUMNS: ReadonlyArray<{ id: SortColumn; label: string }> = [
  { id: 'name', label: 'Name' },
  { id: 'value', label: 'Value' },
  { id: 'domain', label: 'Domain' },
  { id: 'path', label: 'Path' },
  { id: 'expiry', label: 'Expires' },
  { id: 'size', label: 'Size' },
  { id: 'flags', label: 'Flags' },
  { id: 'findings', label: 'Findings' },
];

function FindingsCell({ view }: { view: CookieView }) {
  if (view.findings.length === 0) return <span class="muted">none</span>;
  const worst = worstSeverity(view.findings);
  return (
    <span class={`finding-count sev-${worst}`} title={`worst: ${worst}`}>
      {`${view.findings.length} ${worst}`}
    </span>
  );
}

function rowOf(body: HTMLElement | null, key: string): HTMLElement | undefined {
  if (!body) return undefined;
  return Array.from(body.querySelectorAll<HTMLElement>('tr[data-key]')).find((r) => r.dataset.key === key);
}

/** The sortable, filterable cookie table; one focusable row at a time (roving tabindex). */
export function CookieTable() {
  const store = useStore();
  const filter = useFilter();
  const rows = filter.visible.value;
  const selected = store.selection.selectedKey.value;
  const sort = filter.sort.value;
  const now = store.site.now.value;
  const body = useRef<HTMLTableSectionElement>(null);
  const focusable = rows.some((r) => r.key === selected) ? selected : (rows[0]?.key ?? null);

  const focusKey = (key: string | null): void => {
    if (key === null) return;
    const row = rowOf(body.current, key);
    row?.focus();
    row?.scrollIntoView?.({ block: 'nearest' });
  };

  const onKeyDown = (e: TargetedKeyboardEvent<HTMLTableSectionElement>): void => {
    const rowKey = (e.target as HTMLElement).closest('tr')?.dataset.key;
    if (isListKey(e.key)) {
      e.preventDefault();
      // Read now, not at render: keys can come faster than renders.
      const list = filter.visible.peek();
      const current = store.selection.selectedKey.peek();
      const to = listTarget(
        e.key,
        list.findIndex((r) => r.key === current),
        list.length,
      );
      if (to !== null) focusKey(store.selection.selectIndex(to));
      return;
    }
    switch (e.key) {
      case 'Enter':
      case ' ':
        if (rowKey !== undefined) {
          e.preventDefault();
          store.selection.open(rowKey);
        }
        break;
      case 'Escape':
        store.selection.closeDetail();
        break;
    }
  };

  return (
    <div class="table-wrap">
      <table class="cookie-table" aria-label="Cookies">
        <thead>
          <tr>
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
                      {active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
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
              <td colSpan={COLUMNS.length}>No cookie matches the filter. Clear the filter box or the checkboxes.</td>
            </tr>
          )}
          {rows.map((v) => {
            const c = v.cookie;
            const isSelected = v.key === selected;
            return (
              <tr
                key={v.key}
                {...cookieRowAttrs(v)}
                class={`${isSelected ? 'selected' : ''}${v.sessionReason ? ' is-session' : ''}`}
                aria-selected={isSelected}
                tabIndex={v.key === focusable ? 0 : -1}
                onClick={() => store.selection.open(v.key)}
              >
                <td class="col-name">
                  {v.sessionReason && <span class="session-dot" title={`Session cookie: ${v.sessionReason.detail}`} />}
                  <ValueText class="name" testId="cookie-name" value={c.name} max={80} />
                </td>
                <td class="col-value">
                  <ValueText class="short-value" testId="cookie-value" value={c.value} max={48} />
                </td>
                <td class="col-domain">
                  <ValueText value={c.domain} max={80} />
                </td>
                <td class="col-path">
                  <ValueText value={c.path} max={60} />
                </td>
                <td class="col-expiry">
                  <ExpiryText cookie={c} now={now} />
                </td>
                <td class="col-size">
                  <SizeText size={v.size} />
                </td>
                <td class="col-flags">
                  <FlagChips cookie={c} />
                </td>
                <td class="col-findings">
                  <FindingsCell view={v} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
