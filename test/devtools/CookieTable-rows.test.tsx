// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { useRef } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CookieTable } from '../../src/devtools/CookieTable';
import { createPanelStore } from '../../src/state/create-panel-store';
import { ROW_HEIGHT, useVirtualRows } from '../../src/ui/use-virtual-rows';
import { NOW, analysis, record, view } from '../ui/fixtures';
import { renderWithStore } from '../ui/render';
import type * as FlagChipsModule from '../../src/ui/FlagChips';

// Every drawn row renders its flag chips once: counting FlagChips' calls counts the rows rendered.
const chips = vi.hoisted(() => ({ renders: 0 }));
vi.mock('../../src/ui/FlagChips', async (importOriginal) => {
  const real = await importOriginal<typeof FlagChipsModule>();
  return {
    ...real,
    FlagChips: (props: Parameters<typeof real.FlagChips>[0]) => {
      chips.renders++;
      return real.FlagChips(props);
    },
  };
});

afterEach(cleanup);

const N = 2000;

function table() {
  const store = createPanelStore({ now: NOW });
  const views = Array.from({ length: N }, (_, i) => view(record({ name: `c${String(i).padStart(5, '0')}` })));
  store.site.showAnalysis(analysis(views), NOW);
  renderWithStore(<CookieTable />, store);
  return store;
}

const rows = () => screen.getAllByTestId('cookie-row');
const names = () => rows().map((r) => r.dataset.name);
/** Lets every scheduled render run. */
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('CookieTable: a change renders only the rows it changes', () => {
  it('a filter that leaves every drawn row in place renders none of them again', async () => {
    const store = table();
    await settle();
    const drawn = names();
    expect(drawn.length).toBeGreaterThan(10);
    chips.renders = 0;
    // Every name has a "c": the list narrows to the same rows in the same places.
    store.filter.text.value = 'c';
    await settle();
    expect(names()).toEqual(drawn);
    expect(chips.renders).toBe(0);

    // Selecting a row renders that row and the one that held the Tab stop (the first), no other.
    store.selection.selectIndex(2);
    await waitFor(() => expect(rows()[2]!.getAttribute('aria-selected')).toBe('true'));
    await settle();
    expect(rows()[0]!.tabIndex).toBe(-1);
    expect(chips.renders).toBe(2);

    // A filter that puts other cookies in the places renders the rows again.
    chips.renders = 0;
    store.filter.text.value = 'c0199';
    await waitFor(() => expect(names()).toEqual(Array.from({ length: 10 }, (_, i) => `c0199${i}`)));
    expect(chips.renders).toBeGreaterThanOrEqual(10);
  });
});

describe('useVirtualRows: the first render', () => {
  function Probe({ expected, seen }: { expected?: () => number; seen: number[] }) {
    const box = useRef<HTMLDivElement>(null);
    const v = useVirtualRows(N, box, (i) => String(i), expected);
    seen.push(v.last - v.first + 1);
    return <div ref={box} />;
  }

  it('draws the rows of the height it is told to expect, not an unlaid-out screenful', () => {
    const told: number[] = [];
    render(<Probe expected={() => 10 * ROW_HEIGHT} seen={told} />);
    const untold: number[] = [];
    render(<Probe seen={untold} />);
    // Ten rows in view and the overscan below them; without a height, the 40 rows of an unlaid-out box.
    expect(told[0]).toBe(13);
    expect(untold[0]).toBe(43);
  });
});
