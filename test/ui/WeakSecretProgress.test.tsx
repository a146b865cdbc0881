// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PanelApp } from '../../src/devtools/PanelApp';
import { PopupApp } from '../../src/popup/PopupApp';
import { createPanelStore } from '../../src/state/create-panel-store';
import { WeakSecretProgress } from '../../src/ui/WeakSecretProgress';
import { NOW, analysis, record, view } from './fixtures';
import { renderWithStore } from './render';

afterEach(cleanup);

type Progress = NonNullable<ReturnType<typeof createPanelStore>['verification']['weakSecret']['value']>;

/** The weak-secret check at `over`: by default running over one value and 413 secrets, nothing checked yet. */
const progress = (over: Partial<Progress>): Progress => ({
  state: 'running',
  values: 1,
  secrets: 413,
  checkedValues: 0,
  checked: 0,
  hits: 0,
  ...over,
});

/** A panel store whose weak-secret check is at `over`. */
function storeAt(over: Partial<Progress>) {
  const store = createPanelStore({ now: NOW });
  store.verification.weakSecret.value = progress(over);
  return store;
}

describe('WeakSecretProgress', () => {
  it('says what it checks while it runs, with a progress bar over values × secrets', () => {
    renderWithStore(<WeakSecretProgress />, storeAt({ values: 3, checkedValues: 1, checked: 500 }));
    const p = screen.getByTestId('weak-secret-progress');
    expect(p.dataset.state).toBe('running');
    expect(p).toHaveTextContent('Checking 3 signed values against 413 known secrets…');
    const bar = p.querySelector('progress')!;
    expect(bar.getAttribute('max')).toBe(String(3 * 413));
    expect(bar.getAttribute('value')).toBe('500');
  });

  it('says what it found when done, and follows the store', async () => {
    const store = storeAt({ state: 'done', checkedValues: 1, checked: 413 });
    renderWithStore(<WeakSecretProgress />, store);
    expect(screen.getByTestId('weak-secret-progress')).toHaveTextContent(
      'Checked 1 signed value against 413 known secrets: none uses a known secret.',
    );
    store.verification.weakSecret.value = progress({
      state: 'done',
      values: 4,
      checkedValues: 4,
      checked: 1652,
      hits: 2,
    });
    await Promise.resolve();
    const p = await screen.findByText(/2 values use a known secret/);
    expect(p.closest('[data-testid="weak-secret-progress"]')?.getAttribute('data-hits')).toBe('2');
    expect(screen.getByTestId('weak-secret-progress').querySelector('progress')).toBeNull();
  });

  it('shows nothing without signed values', () => {
    renderWithStore(<WeakSecretProgress />);
    expect(screen.queryByTestId('weak-secret-progress')).toBeNull();
  });

  it('is shown by the popup and the panel once the cookies are', () => {
    for (const App of [PopupApp, PanelApp]) {
      const store = storeAt({ secrets: 2, checked: 1 });
      store.site.showAnalysis(analysis([view(record({ name: 'sid' }))]), NOW);
      renderWithStore(<App onRequestPermission={() => {}} />, store);
      expect(screen.getByTestId('weak-secret-progress')).toHaveTextContent('Checking 1 signed value');
      cleanup();
    }
  });
});
