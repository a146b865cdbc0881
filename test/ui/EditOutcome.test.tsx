// @vitest-environment happy-dom
import { act, cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { CookieWriteOp, CookieWriteResult, WriteCookiesResult } from '../../src/protocol/messages';
import { createEditSlice } from '../../src/state/edit-slice';
import { EditOutcome } from '../../src/ui/EditOutcome';
import { EditContext } from '../../src/ui/store-context';
import { record } from './fixtures';
import { renderWithStore } from './render';

afterEach(cleanup);

/** An edit slice whose background writes with `writeCookies` and has nothing to undo. */
function editWith(writeCookies: () => Promise<WriteCookiesResult>) {
  const guards = { ok: true as const, protected: [], blockRules: [] };
  return createEditSlice(
    {
      writeCookies,
      undoLast: async () => ({ ok: false, reason: 'nothing-to-undo' }),
      getUndoState: async () => ({ label: null, depth: 0 }),
      getGuards: async () => guards,
      setProtected: async () => guards,
      setBlockRules: async () => guards,
    },
    async () => undefined,
  );
}

/** An edit slice whose background answers each write when the test says so. */
function slowEdit() {
  const answers: Array<(r: WriteCookiesResult) => void> = [];
  const edit = editWith(() => new Promise<WriteCookiesResult>((answer) => answers.push(answer)));
  return { edit, answers };
}

/** EditOutcome under such an edit slice. */
function renderOutcome() {
  const slow = slowEdit();
  renderWithStore(
    <EditContext.Provider value={slow.edit}>
      <EditOutcome />
    </EditContext.Provider>,
  );
  return slow;
}

/** Writes `ops` and answers with `results`, as the background would. */
async function writeAnswered(ops: CookieWriteOp[], label: string, results: CookieWriteResult[]): Promise<void> {
  const { edit, answers } = renderOutcome();
  let written!: Promise<unknown>;
  await act(() => {
    written = edit.writer.write(ops, label);
  });
  await act(async () => {
    answers[0]!({ ok: true, undoable: true, results });
    await written;
  });
}

describe('EditOutcome: a write under way, then what the browser did', () => {
  it('says what is being written, and how many cookies, until the background answers', async () => {
    const { edit, answers } = renderOutcome();
    const cookies = Array.from({ length: 60 }, (_, i) => record({ name: `c${i}` }));
    let written!: Promise<unknown>;
    await act(() => {
      written = edit.writer.write(
        cookies.map((cookie) => ({ kind: 'remove', cookie })),
        'delete of all 60 cookies of <b>shop</b>.test',
      );
    });
    const working = screen.getByTestId('edit-working');
    expect(working).toHaveAttribute('role', 'status');
    expect(working.textContent).toBe(
      'Working: delete of all 60 cookies of <b>shop</b>.test (60 cookies)… each cookie is written and read back from the jar.',
    );
    expect(working.querySelector('b')).toBeNull();
    expect(screen.queryByTestId('edit-result')).toBeNull();
    await act(async () => {
      answers[0]!({ ok: true, undoable: true, results: [] });
      await written;
    });
    expect(screen.queryByTestId('edit-working')).toBeNull();
    expect(screen.getByTestId('edit-result').textContent).toContain('Done: delete of all 60 cookies');
  });

  it('counts the outcomes of a large write, lists what did not go as asked, and folds the rest', async () => {
    const cookies = Array.from({ length: 60 }, (_, i) => record({ name: `c${i}` }));
    const ops = cookies.map((cookie) => ({ kind: 'remove' as const, cookie }));
    const results: CookieWriteResult[] = ops.map((op, i) =>
      i === 7
        ? { op, outcome: 'refused', reason: 'not-removed', now: op.cookie }
        : i === 9
          ? { op, outcome: 'written', now: null, restored: [record({ name: 'c9', path: '/deep' })] }
          : { op, outcome: 'written', now: null },
    );
    await writeAnswered(ops, 'delete of all 60 cookies of shop.test', results);
    expect(screen.getByTestId('edit-result-counts').textContent).toBe('59 deleted, 1 not deleted.');
    const rest = screen.getByTestId('edit-result-rest') as HTMLDetailsElement;
    expect(rest.open).toBe(false);
    expect(rest.querySelector('summary')!.textContent).toBe('The other 58 cookies');
    // Every cookie has its row, once: the two with more to say in sight, the others folded.
    const rows = screen.getAllByTestId('edit-result-row');
    expect(rows).toHaveLength(60);
    const shown = rows.filter((r) => !rest.contains(r)).map((r) => r.textContent);
    expect(shown).toEqual([
      'c7 (/): not deleted: the cookie is still in the jar',
      'c9 (/): deleted; 1 same-named cookie the browser removed with it was put back',
    ]);
  });

  it('folds one cookie as one cookie', async () => {
    const ops = Array.from({ length: 6 }, (_, i) => ({ kind: 'set' as const, cookie: record({ name: `c${i}` }) }));
    const results: CookieWriteResult[] = ops.map((op, i) =>
      i === 0
        ? { op, outcome: 'written', now: op.cookie }
        : { op, outcome: 'refused', reason: 'not-stored', now: null },
    );
    await writeAnswered(ops, 'import of 6 cookies', results);
    expect(screen.getByTestId('edit-result-counts').textContent).toBe('1 saved as asked, 5 not saved.');
    expect(screen.getByTestId('edit-result-rest').querySelector('summary')!.textContent).toBe('The other 1 cookie');
  });

  it('lists a small write cookie by cookie, with no counts', async () => {
    const op = { kind: 'set' as const, cookie: record({ name: 'sid' }) };
    await writeAnswered([op], 'edit of sid', [{ op, outcome: 'written', now: op.cookie }]);
    expect(screen.queryByTestId('edit-result-counts')).toBeNull();
    expect(screen.queryByTestId('edit-result-rest')).toBeNull();
    expect(screen.getAllByTestId('edit-result-row').map((r) => r.textContent)).toEqual(['sid (/): saved as asked']);
  });

  it("shows the path and the browser's words, which the page and the browser decide, as visible text", async () => {
    const cookie = record({ name: 'sid', path: '/a\u202e/b' });
    const op = { kind: 'set' as const, cookie };
    await writeAnswered([op], 'edit of sid', [
      { op, outcome: 'refused', reason: 'browser', error: 'Failed to set cookie named "sid\u2066".', now: null },
    ]);
    const row = screen.getByTestId('edit-result-row');
    expect(row.textContent).toBe('sid (/aU+202E/b): refused by the browser: Failed to set cookie named "sidU+2066".');
    expect([...row.querySelectorAll('.hidden-char')].map((e) => e.getAttribute('title'))).toEqual(['U+202E', 'U+2066']);
  });

  it('shows the label of a write that failed as visible text', async () => {
    const failing = editWith(async () => {
      throw new Error('the background is gone');
    });
    renderWithStore(
      <EditContext.Provider value={failing}>
        <EditOutcome />
      </EditContext.Provider>,
    );
    await act(async () => {
      await failing.writer.write([{ kind: 'remove', cookie: record({ name: 'x\u202ey' }) }], 'delete of x\u202ey');
    });
    const result = screen.getByTestId('edit-result');
    expect(result.textContent).toBe('delete of xU+202Ey failed: the background is gone');
    expect(result.querySelector('.hidden-char')?.getAttribute('title')).toBe('U+202E');
  });
});
