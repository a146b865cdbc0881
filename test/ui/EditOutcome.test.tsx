// @vitest-environment happy-dom
import { act, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { WriteCookiesResult } from '../../src/protocol/messages';
import { createEditSlice } from '../../src/state/edit-slice';
import { EditOutcome } from '../../src/ui/EditOutcome';
import { EditContext } from '../../src/ui/store-context';
import { record } from './fixtures';
import { renderWithStore } from './render';

/** An edit slice whose background answers each write when the test says so. */
function slowEdit() {
  const answers: Array<(r: WriteCookiesResult) => void> = [];
  const guards = { ok: true as const, protected: [], blockRules: [] };
  const edit = createEditSlice(
    {
      writeCookies: () => new Promise<WriteCookiesResult>((answer) => answers.push(answer)),
      undoLast: async () => ({ ok: false, reason: 'nothing-to-undo' }),
      getUndoState: async () => ({ label: null, depth: 0 }),
      getGuards: async () => guards,
      setProtected: async () => guards,
      setBlockRules: async () => guards,
    },
    async () => undefined,
  );
  return { edit, answers };
}

describe('EditOutcome: a write under way, then what the browser did', () => {
  it('says what is being written, and how many cookies, until the background answers', async () => {
    const { edit, answers } = slowEdit();
    renderWithStore(
      <EditContext.Provider value={edit}>
        <EditOutcome />
      </EditContext.Provider>,
    );
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
});
