import { useEffect, useRef } from 'preact/hooks';
import { FIXED_COLUMN, TABLE_COLUMNS } from '../state/columns-slice';
import { useStore } from '../ui/store-context';

/**
 * Which of the table's columns are shown: a fold of checkboxes beside the cookie scope switch (a right-click on the
 * table's header opens it too). The choice is kept per layout (columns-slice.ts). Escape or a click elsewhere
 * closes it; the Name column always stays.
 */
export function ColumnsMenu() {
  const columns = useStore().columns;
  const menu = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    const onPointer = (e: PointerEvent): void => {
      const el = menu.current;
      if (el?.open && !el.contains(e.target as Node)) el.open = false;
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, []);

  if (!columns) return null;
  const hidden = columns.hidden.value;
  const problem = columns.problem.value;
  const shown = TABLE_COLUMNS.length - hidden.size;
  const onKeyDown = (e: KeyboardEvent): void => {
    const el = menu.current;
    if (e.key !== 'Escape' || !el?.open) return;
    // Closes the menu only, not the cookie's detail as Escape in the table does.
    e.stopPropagation();
    el.open = false;
    el.querySelector('summary')?.focus();
  };
  return (
    <details class="columns-menu" data-testid="columns-menu" ref={menu} onKeyDown={onKeyDown}>
      <summary data-testid="columns-toggle" title="Choose the table's columns (a right-click on its header too)">
        {`Columns (${shown} of ${TABLE_COLUMNS.length})`}
      </summary>
      <div class="columns-popover">
        <fieldset>
          <legend>Columns shown</legend>
          {TABLE_COLUMNS.map((c) => (
            <label key={c.id}>
              <input
                type="checkbox"
                data-testid="column-toggle"
                data-column={c.id}
                checked={!hidden.has(c.id)}
                disabled={c.id === FIXED_COLUMN}
                onChange={() => columns.toggle(c.id)}
              />
              {c.label}
            </label>
          ))}
        </fieldset>
        <p class="muted columns-note" data-testid="columns-layout" data-layout={columns.layout.value}>
          {columns.layout.value === 'narrow' ? 'For narrow panels (docked at the side).' : 'For wide panels.'}
        </p>
        <button
          type="button"
          data-testid="columns-reset"
          disabled={!columns.custom.value}
          onClick={() => columns.reset()}
        >
          Default columns
        </button>
        {problem !== null && (
          <p class="error-text" role="alert" data-testid="columns-problem">
            {problem}
          </p>
        )}
      </div>
    </details>
  );
}
