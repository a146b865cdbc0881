// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { SnapshotDiff } from '../../src/core/snapshot/diff-snapshots';
import { SnapshotDiffView } from '../../src/ui/SnapshotDiffView';
import { record } from './fixtures';

afterEach(cleanup);

const RLO = '\u202e';
const ZWSP = '\u200b';

/** A diff whose every name, key, path and claim the page chose, each with a character that hides or reorders text. */
function hostileDiff(): SnapshotDiff {
  const before = record({ name: `sid${RLO}`, value: 'a', path: `/p${ZWSP}` });
  const after = { ...before, value: 'b' };
  return {
    cookies: {
      added: [record({ name: `new${RLO}gnp.exe`, domain: `x${ZWSP}.example.com` })],
      removed: [],
      changed: [
        {
          before,
          after,
          attributes: ['value'],
          tokenClaims: [
            { name: `claims.role${ZWSP}`, kind: 'changed', before: `user${RLO}`, after: { admin: `yes${RLO}` } },
            { name: 'claims.extra', kind: 'added', after: 'x'.repeat(500) },
          ],
        },
      ],
    },
    storage: {
      added: [{ area: 'localStorage', origin: 'https://app.example.com', key: `token${RLO}`, value: 'v' }],
      removed: [],
      changed: [],
    },
  };
}

describe('SnapshotDiffView', () => {
  it('shows what the page chose as visible text: names, domains, paths, keys, claim names and values', () => {
    render(<SnapshotDiffView diff={hostileDiff()} from={'"alice"'} to="now" />);
    const view = screen.getByTestId('snapshot-diff');
    expect(view.textContent).not.toMatch(/[\u200b\u202e]/);
    const hidden = [...view.querySelectorAll('.hidden-char')].map((e) => e.getAttribute('title'));
    // new␮gnp.exe and x␋.example.com; sid␮ and /p␋ (changed); the claim name, both values; the storage key.
    expect(hidden).toEqual(['U+202E', 'U+200B', 'U+202E', 'U+200B', 'U+200B', 'U+202E', 'U+202E', 'U+202E']);
    const [added, changed] = screen.getAllByTestId('diff-cookie');
    expect(added!.textContent).toBe('+ cookie newU+202Egnp.exe xU+200B.example.com/');
    expect(changed!.textContent).toMatch(/^~ cookie sidU\+202E app\.example\.com\/pU\+200B: value/);
    const claims = screen.getAllByTestId('diff-claim');
    expect(claims[0]!.textContent).toBe('claims.roleU+200B changed: userU+202E → {"admin":"yesU+202E"}');
    // A long claim value is cut, with what was left out counted.
    expect(claims[1]!.textContent!.length).toBeLessThan(200);
    expect(claims[1]!.querySelector('.omitted')).not.toBeNull();
    expect(screen.getByTestId('diff-storage').textContent).toBe('+ localStorage tokenU+202E (https://app.example.com)');
  });
});
