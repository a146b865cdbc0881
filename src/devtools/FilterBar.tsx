import type { Ref } from 'preact';
import { useStore } from '../ui/store-context';

export function FilterBar({ inputRef }: { inputRef: Ref<HTMLInputElement> }) {
  const store = useStore();
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
        value={store.filterText.value}
        onInput={(e) => {
          store.filterText.value = e.currentTarget.value;
        }}
      />
      <label>
        <input
          type="checkbox"
          data-testid="filter-session"
          checked={store.sessionOnly.value}
          onChange={(e) => {
            store.sessionOnly.value = e.currentTarget.checked;
          }}
        />{' '}
        Session only
      </label>
      <label>
        <input
          type="checkbox"
          data-testid="filter-findings"
          checked={store.findingsOnly.value}
          onChange={(e) => {
            store.findingsOnly.value = e.currentTarget.checked;
          }}
        />{' '}
        With findings only
      </label>
      <span class="muted" data-testid="filter-count" aria-live="polite">
        {store.visible.value.length} of {store.cookies.value.length}
      </span>
    </div>
  );
}
