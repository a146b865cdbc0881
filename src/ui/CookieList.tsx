import { useLayoutEffect, useRef } from 'preact/hooks';
import type { CookieView } from '../core/analyze-site';
import { CookieRow } from './CookieRow';
import { keepOneTabStop, moveTabStop } from './row-tab-stop';
import { useEdit, useStore } from './store-context';

export interface CookieListProps {
  cookies: readonly CookieView[];
  label: string;
  /** Rows rendered whole; those after them are light (CookieRow's `light`). All of them when absent. */
  eager?: number;
}

export function CookieList({ cookies, label, eager = Infinity }: CookieListProps) {
  const store = useStore();
  const expanded = store.selection.expanded.value;
  const now = store.site.now.value;
  // Checkboxes for delete selected and export, where the page can act on cookies.
  const canAct = useEdit() !== null;
  const marked = store.selection.marked.value;
  const list = useRef<HTMLUListElement>(null);
  // One Tab stop for the whole list (src/ui/row-tab-stop.ts): rows added by this render come without it.
  useLayoutEffect(() => {
    if (list.current) keepOneTabStop(list.current);
  });
  return (
    <ul
      ref={list}
      class="cookie-list"
      aria-label={label}
      onFocusIn={(e) => {
        if (list.current && e.target instanceof Element) moveTabStop(list.current, e.target);
      }}
    >
      {cookies.map((v, i) => (
        <CookieRow
          key={v.key}
          view={v}
          now={now}
          expanded={expanded.has(v.key)}
          onToggle={store.selection.toggleExpanded}
          light={i >= eager}
          {...(canAct ? { marked: marked.has(v.key), onMark: store.selection.toggleMark } : {})}
        />
      ))}
    </ul>
  );
}
