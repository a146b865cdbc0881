// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeSite } from '../../src/core/analyze-site';
import type { GuardState } from '../../src/protocol/messages';
import { BlockRules } from '../../src/ui/BlockRules';
import { NOW, record } from './fixtures';
import { renderWithEdit } from './recording-edit';
import { panelStoreShowing } from './render';

afterEach(cleanup);

/** BlockRules over the site's cookies, its background answering a change of rules with `swept`. */
async function renderRules(swept: GuardState['swept']) {
  const cookies = [
    record({ name: '_ga_1', domain: '.example.com', hostOnly: false }),
    record({ name: '_ga\u202e2', domain: '.example.com', hostOnly: false }),
    record({ name: 'sid' }),
  ];
  const store = panelStoreShowing(await analyzeSite('https://app.example.com/', cookies, NOW));
  const { ruleChanges: asked, undos, edit } = renderWithEdit(<BlockRules />, store, swept);
  return { asked, cookies, undos, edit };
}

describe('BlockRules', () => {
  it("says how many of the site's cookies a rule matches before it is added, and which ones it deleted after", async () => {
    const { asked, cookies } = await renderRules({ count: 23, cookies: [] });
    fireEvent.input(screen.getByTestId('block-name'), { target: { value: '_ga*' } });
    expect(screen.getByTestId('block-matches').textContent).toBe(
      "It matches 2 of this site's cookies now: adding it deletes them, and any other site's cookie that matches.",
    );
    fireEvent.input(screen.getByTestId('block-name'), { target: { value: 'nothing*' } });
    expect(screen.queryByTestId('block-matches')).toBeNull();
    cleanup();

    const listed = await renderRules({ count: 23, cookies: [cookies[0]!, cookies[1]!] });
    fireEvent.input(screen.getByTestId('block-name'), { target: { value: '_ga*' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('block-add'));
    });
    expect(listed.asked).toEqual([[{ name: '_ga*', domain: '' }]]);
    const swept = await waitFor(() => screen.getByTestId('block-swept'));
    expect(swept.dataset.count).toBe('23');
    expect(swept.textContent).toBe(
      'Rule added: it deleted 23 cookies already in the browser (the timeline lists them as blocked): ' +
        '_ga_1 (.example.com), _gaU+202E2 (.example.com) and 21 more.',
    );
    expect(swept.querySelector('.hidden-char')?.getAttribute('title')).toBe('U+202E');
    // The background kept no undo of it (its answer names none): nothing offers one.
    expect(screen.queryByTestId('block-undo')).toBeNull();
    expect(asked).toEqual([]);
  });

  it('says a new rule matched nothing, and says nothing of a removed rule', async () => {
    await renderRules({ count: 0, cookies: [] });
    fireEvent.input(screen.getByTestId('block-name'), { target: { value: 'nothing*' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('block-add'));
    });
    expect((await waitFor(() => screen.getByTestId('block-swept'))).textContent).toBe(
      'Rule added: no cookie in the browser matched it.',
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Remove block rule nothing* on *' }));
    });
    expect(screen.queryByTestId('block-swept')).toBeNull();
  });

  it('offers the undo of what a new rule deleted, which takes the rule away and ends the line', async () => {
    const undo = { label: 'adding block rule name _ga* on domain *', atMs: 1 };
    const { undos } = await renderRules({ count: 2, cookies: [], undo });
    fireEvent.input(screen.getByTestId('block-name'), { target: { value: '_ga*' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('block-add'));
    });
    const button = await waitFor(() => screen.getByTestId('block-undo'));
    expect(button.textContent).toBe('Undo: take the rule away and put those cookies back');
    expect(screen.getAllByTestId('block-rule')).toHaveLength(1);
    await act(async () => {
      fireEvent.click(button);
    });
    await waitFor(() => expect(screen.queryByTestId('block-swept')).toBeNull());
    expect(undos).toEqual([undo.label]);
    expect(screen.queryByTestId('block-rule')).toBeNull();
    expect(screen.queryByTestId('block-undo')).toBeNull();
    // Another action on top of the stack: the line stays, without the button (Undo would undo that action).
    cleanup();
    const other = await renderRules({ count: 1, cookies: [], undo });
    fireEvent.input(screen.getByTestId('block-name'), { target: { value: '_ga*' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('block-add'));
    });
    await waitFor(() => screen.getByTestId('block-undo'));
    expect(screen.getByTestId('block-undo').textContent).toBe('Undo: take the rule away and put that cookie back');
    await act(async () => {
      await other.edit.writer.write([{ kind: 'remove', cookie: other.cookies[2]! }], 'delete of sid');
    });
    expect(screen.getByTestId('block-swept')).toBeTruthy();
    expect(screen.queryByTestId('block-undo')).toBeNull();
  });
});
