// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PanelApp } from '../../src/devtools/PanelApp';
import { FILTER_HELP } from '../../src/core/filter/filter-help';
import { analysis, finding, record, sid, view } from '../ui/fixtures';
import { panelStoreShowing, renderWithStore, shownRows } from '../ui/render';

afterEach(cleanup);

function panel() {
  const store = panelStoreShowing(
    analysis([
      view(record({ name: 'sid', value: 's3cr3t', httpOnly: true, secure: true }), {
        sessionReason: sid,
        findings: [finding({ severity: 'high' })],
      }),
      view(record({ name: 'theme', value: 'dark', secure: false })),
      view(record({ name: 'cart', value: 'a:b', sameSite: 'no_restriction', secure: true })),
    ]),
  );
  renderWithStore(<PanelApp onRequestPermission={() => {}} />, store);
  return store;
}

const names = () => shownRows().map((r) => r.dataset.name);
const type = (value: string) => fireEvent.input(screen.getByTestId('filter'), { target: { value } });

describe('FilterBar: the filter language', () => {
  it('filters with terms, flags, negation and comparisons', async () => {
    panel();
    for (const [query, shown] of [
      ['flag:httponly', ['sid']],
      ['-flag:httponly flag:secure', ['cart']],
      ['samesite:none', ['cart']],
      ['severity>=high session:yes', ['sid']],
      ['value:"a:b"', ['cart']],
    ] as const) {
      type(query);
      await waitFor(() => expect(names(), query).toEqual(shown));
    }
    expect(screen.getByTestId('filter-count')).toHaveTextContent('1 of 3');
    expect(screen.queryByTestId('filter-errors')).toBeNull();
  });

  it('shows bad syntax inline, marks the box invalid and keeps filtering with the valid terms', async () => {
    panel();
    type('flag:sticky theme');
    await waitFor(() => expect(screen.getAllByTestId('filter-error')).toHaveLength(1));
    const error = screen.getByTestId('filter-error');
    expect(error).toHaveTextContent('flag:sticky: flag must be one of: httponly, secure, hostonly, persistent');
    expect(error.dataset).toMatchObject({ start: '0', end: '11' });
    expect(screen.getByTestId('filter').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('filter').getAttribute('aria-describedby')).toBe('filter-errors');
    expect(names()).toEqual(['theme']);
    type('name:"unclosed <b>x</b>');
    await waitFor(() => expect(screen.getByTestId('filter-error')).toHaveTextContent('missing closing quote'));
    // Page-controlled? No, but still text: the markup typed shows as characters, never as elements.
    expect(screen.getByTestId('filter-error').querySelector('b')).toBeNull();
    expect(names()).toEqual(['sid', 'theme', 'cart']);
    type('');
    await waitFor(() => expect(screen.queryByTestId('filter-errors')).toBeNull());
    expect(screen.getByTestId('filter').getAttribute('aria-invalid')).toBe('false');
  });

  it('? opens the syntax help (not while typing), an example fills the box, Esc closes', async () => {
    panel();
    const toggle = screen.getByTestId('filter-help-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(screen.getByTestId('filter'), { key: '?' });
    expect(screen.queryByTestId('filter-help')).toBeNull();
    fireEvent.keyDown(document.body, { key: '?' });
    const help = await screen.findByTestId('filter-help');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const examples = within(help).getAllByTestId('filter-help-example');
    expect(examples.map((e) => e.textContent)).toEqual(FILTER_HELP.map((h) => h.syntax));
    expect(help).toHaveTextContent('a leading - negates any term');
    fireEvent.click(examples.find((e) => e.textContent === 'session:yes')!);
    await waitFor(() => expect(names()).toEqual(['sid']));
    expect((screen.getByTestId('filter') as HTMLInputElement).value).toBe('session:yes');
    expect(screen.queryByTestId('filter-help')).toBeNull();
    fireEvent.click(toggle);
    await screen.findByTestId('filter-help');
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('filter-help')).toBeNull());
  });
});
