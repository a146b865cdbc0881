import type { Signal } from '@preact/signals';
import type { Ref } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { FILTER_HELP } from '../core/filter/filter-help';
import { useFilter, useStore } from '../ui/store-context';
import { ValueText } from '../ui/ValueText';

/** A checkbox that narrows the table to the cookies `flag` keeps. */
function FilterCheck({ testId, flag, label }: { testId: string; flag: Signal<boolean>; label: string }) {
  return (
    <label>
      <input
        type="checkbox"
        data-testid={testId}
        checked={flag.value}
        onChange={(e) => {
          flag.value = e.currentTarget.checked;
        }}
      />{' '}
      {label}
    </label>
  );
}

/** The filter box, its inline syntax errors and the `?` help listing the filter language. */
export function FilterBar({ inputRef }: { inputRef: Ref<HTMLInputElement> }) {
  const store = useStore();
  const filter = useFilter();
  const [helpOpen, setHelpOpen] = useState(false);
  const text = filter.text.value;
  const errors = filter.parsed.value.errors;

  useEffect(() => {
    // "?" opens the help, as in DevTools' own shortcuts, unless the user is typing (it may be part of a value).
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && helpOpen) setHelpOpen(false);
      if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target;
      if (t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) {
        return;
      }
      e.preventDefault();
      setHelpOpen((open) => !open);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [helpOpen]);

  return (
    <div class="filter-bar" role="search">
      <div class="filter-box">
        <input
          ref={inputRef}
          type="search"
          class="filter"
          data-testid="filter"
          placeholder="Filter: text, name:sid, flag:httponly, severity>=high…  ( / )"
          aria-label="Filter cookies (free text, or terms such as name:, flag:, severity>=; ? for help)"
          aria-keyshortcuts="/"
          aria-invalid={errors.length > 0}
          aria-describedby={errors.length > 0 ? 'filter-errors' : undefined}
          value={text}
          onInput={(e) => {
            filter.text.value = e.currentTarget.value;
          }}
        />
        <button
          type="button"
          class="filter-help-toggle"
          data-testid="filter-help-toggle"
          aria-expanded={helpOpen}
          aria-controls="filter-help"
          aria-keyshortcuts="?"
          title="Filter syntax (?)"
          onClick={() => setHelpOpen(!helpOpen)}
        >
          ?
        </button>
        {helpOpen && (
          <div id="filter-help" class="filter-help" data-testid="filter-help" role="region" aria-label="Filter syntax">
            <p>
              Terms separated by spaces must all match; a term with an error is left out and underlined below. Esc
              closes.
            </p>
            <table>
              <tbody>
                {FILTER_HELP.map((h) => (
                  <tr key={h.syntax}>
                    <td>
                      <button
                        type="button"
                        class="link"
                        title="Put this in the filter box"
                        data-testid="filter-help-example"
                        onClick={() => {
                          filter.text.value = h.syntax;
                          setHelpOpen(false);
                        }}
                      >
                        <code>{h.syntax}</code>
                      </button>
                    </td>
                    <td>{h.meaning}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      {errors.length > 0 && (
        <ul id="filter-errors" class="filter-errors" data-testid="filter-errors" aria-live="polite">
          {errors.map((e) => (
            <li key={`${e.start}-${e.end}`} data-testid="filter-error" data-start={e.start} data-end={e.end}>
              <code>{ValueText({ value: text.slice(e.start, e.end), max: 40 })}</code>
              {`: ${e.message}`}
            </li>
          ))}
        </ul>
      )}
      <FilterCheck testId="filter-session" flag={filter.sessionOnly} label="Session only" />
      <FilterCheck testId="filter-findings" flag={filter.findingsOnly} label="With findings only" />
      <span class="muted" data-testid="filter-count" aria-live="polite">
        {filter.visible.value.length} of {store.site.cookies.value.length}
      </span>
    </div>
  );
}
