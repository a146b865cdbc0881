// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportDialog } from '../../src/ui/ImportDialog';
import { fakeTransferDeps } from '../state/transfer-fakes';
import { renderWithStore } from './render';

afterEach(cleanup);

const NETSCAPE = [
  '# Netscape HTTP Cookie File',
  '.app.example.com\tTRUE\t/\tTRUE\t0\tnew_one\tv1',
  'app.example.com\tFALSE\t/\tTRUE\t0\tother\tv2',
  '',
].join('\n');

async function previewOf(text: string, refuse: ReadonlySet<string> = new Set()) {
  const fake = fakeTransferDeps([], refuse);
  renderWithStore(<ImportDialog deps={fake.deps} />);
  fireEvent.input(screen.getByTestId('import-text'), { target: { value: text } });
  await act(async () => {
    fireEvent.click(screen.getByTestId('import-preview'));
  });
  await waitFor(() => screen.getByTestId('import-summary'));
  return fake;
}

describe('ImportDialog', () => {
  it('says the format could not be told, shows why, and offers nothing to press', async () => {
    await previewOf('{"not": "cookies"');
    const summary = screen.getByTestId('import-summary');
    expect(summary.dataset.format).toBe('');
    expect(summary.querySelector('p')).toHaveTextContent(
      'The format could not be told: choose it under Format, or see why below.',
    );
    // No counts of a read that read nothing.
    expect(summary.querySelector('p')).not.toHaveTextContent('0 new');
    // The whole input's problem, without an `input:` before it.
    expect(screen.getByTestId('import-problem').textContent).toBe(
      'the input starts like JSON but is not valid JSON: line 1, column 18: expected , or }, the input ends ({"not": "cookies"▸)',
    );
    const confirm = screen.getByTestId('import-confirm') as HTMLButtonElement;
    expect(confirm.textContent).toBe('Nothing to import');
    expect(confirm.disabled).toBe(true);
  });

  it('names the format it read and counts what the import would do, then writes only after the click', async () => {
    const fake = await previewOf(NETSCAPE);
    expect(screen.getByTestId('import-summary').querySelector('p')).toHaveTextContent(
      'Read as cookies.txt (detected from the content): 2 new, 0 overwrite, 0 unchanged, 0 invalid.',
    );
    const confirm = screen.getByTestId('import-confirm') as HTMLButtonElement;
    expect(confirm.textContent).toBe('Import 2 cookies');
    expect(confirm.disabled).toBe(false);
    expect(fake.jar).toEqual([]);
    await act(async () => {
      fireEvent.click(confirm);
    });
    await waitFor(() => expect(fake.jar.map((c) => c.name).sort()).toEqual(['new_one', 'other']));
  });

  it('shows what the paste decides as visible text: a hidden character in a name, or where its JSON breaks', async () => {
    await previewOf('.app.example.com\tTRUE\t/\tTRUE\t0\tsid\u202egnp.exe\tv1\n');
    const item = screen.getByTestId('import-item');
    expect(item.dataset.name).toBe('sid\u202egnp.exe');
    expect(item.querySelector('.hidden-char')?.getAttribute('title')).toBe('U+202E');
    expect(item.textContent).not.toContain('\u202e');
    cleanup();
    await previewOf('[{"name": "a", "value":\u200b"x"}]');
    const problem = screen.getByTestId('import-problem');
    expect(problem.textContent).toContain('line 1, column 24: expected a value');
    expect(problem.textContent).toContain('found U+200B (');
    expect(problem.textContent).not.toContain('\u200b');
    expect([...problem.querySelectorAll('.hidden-char')].map((e) => e.getAttribute('title'))).toContain('U+200B');
  });

  it("shows the browser's words on a refused cookie as visible text", async () => {
    await previewOf('.app.example.com\tTRUE\t/\tTRUE\t0\tbad\u202e\tv1\n', new Set(['bad\u202e']));
    await act(async () => {
      fireEvent.click(screen.getByTestId('import-confirm'));
    });
    const result = await waitFor(() => screen.getByTestId('import-item-result'));
    expect(result.textContent).toBe(' → failed (Failed to set cookie named "badU+202E")');
    expect(result.querySelector('.hidden-char')?.getAttribute('title')).toBe('U+202E');
  });
});
