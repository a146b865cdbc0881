import type { CookieView } from '../core/analyze-site';
import { CookieRow } from './CookieRow';
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
  return (
    <ul class="cookie-list" aria-label={label}>
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
