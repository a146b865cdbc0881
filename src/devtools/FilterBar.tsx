import type { Ref } from 'preact';
import { useFilter, useStore } from '../ui/store-context';

export function FilterBar({ inputRef }: { inputRef: Ref<HTMLInputElement> }) {
  const store = useStore();
  const filter = useFilter();
  return (
    <div class="filter-bar" role="search">
      <input
        ref={inputRef}
        type="search"
        class="filter"
        data-testid="filter"
        placeholder="Filter name, domain, value  ( / )"
        aria-label="Filter cookies by name, domain or value"
        aria-keyshortcuts="/"
        value={filter.text.value}
        onInput={(e) => {
          filter.text.value = e.currentTarget.value;
        }}
      />
      <label>
        <input
          type="checkbox"
          data-testid="filter-session"
          checked={filter.sessionOnly.value}
          onChange={(e) => {
            filter.sessionOnly.value = e.currentTarget.checked;
          }}
        />{' '}
        Session only
      </label>
      <label>
        <input
          type="checkbox"
          data-testid="filter-findings"
          checked={filter.findingsOnly.value}
          onChange={(e) => {
            filter.findingsOnly.value = e.currentTarget.checked;
          }}
        />{' '}
        With findings only
      </label>
      <span class="muted" data-testid="filter-count" aria-live="polite">
        {filter.visible.value.length} of {store.site.cookies.value.length}
      </span>
    </div>
  );
}
