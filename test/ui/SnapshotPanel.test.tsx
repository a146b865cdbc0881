// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SnapshotPanel } from '../../src/ui/SnapshotPanel';
import { fakeTransferDeps } from '../state/transfer-fakes';
import { record } from './fixtures';
import { analyzedPopupStore, renderWithStore } from './render';

afterEach(cleanup);

const RLO = '\u202e';

describe('SnapshotPanel', () => {
  it("shows the snapshot's name and a failed restore's cookie names and browser words as visible text", async () => {
    const jar = [record({ name: `bad${RLO}`, value: 'saved' }), record({ name: 'sid', value: 'saved' })];
    const fake = fakeTransferDeps(jar, new Set([`bad${RLO}`]));
    await fake.deps.snapshots.setOptIn(true);
    renderWithStore(<SnapshotPanel deps={fake.deps} />, await analyzedPopupStore(jar));
    const name = await waitFor(() => screen.getByTestId('snapshot-name'));
    fireEvent.input(name, { target: { value: `alice${RLO}` } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('snapshot-save'));
    });
    const item = await waitFor(() => screen.getByTestId('snapshot-item'));
    expect(item.textContent).toMatch(/^aliceU\+202E /);
    // The jar moves on; restoring writes both cookies back, and the browser refuses one.
    for (const c of jar) c.value = 'later';
    await act(async () => {
      fireEvent.click(screen.getByTestId('snapshot-restore'));
    });
    const status = await waitFor(() => {
      const s = screen.getByTestId('snapshot-status');
      expect(s.textContent).toContain('writes failed');
      return s;
    });
    expect(status.textContent).toContain(
      `Restored "aliceU+202E" with 1 of 2 writes failed: badU+202E (Failed to set cookie named "badU+202E")`,
    );
    expect(status.textContent).not.toContain(RLO);
    expect(status.querySelectorAll('.hidden-char')).toHaveLength(3);
  });

  it('says a restore of what the site holds already writes nothing, and counts in words', async () => {
    const jar = [record({ name: 'sid', value: 'alice' })];
    const fake = fakeTransferDeps(jar);
    await fake.deps.snapshots.setOptIn(true);
    renderWithStore(<SnapshotPanel deps={fake.deps} />, await analyzedPopupStore(jar));
    fireEvent.input(await waitFor(() => screen.getByTestId('snapshot-name')), { target: { value: 'alice' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('snapshot-save'));
    });
    const item = await waitFor(() => screen.getByTestId('snapshot-item'));
    expect(item.textContent).toMatch(/, 1 cookie, 0 storage tokens /);
    await act(async () => {
      fireEvent.click(screen.getByTestId('snapshot-restore'));
    });
    await waitFor(() =>
      expect(screen.getByTestId('snapshot-status').textContent).toBe(
        'Nothing to restore: the site\'s cookies are those of "alice" already',
      ),
    );
    expect(fake.labels).toEqual([]);
  });

  it('says beforehand that saving under a name in use replaces that snapshot, and says it did', async () => {
    const jar = [record({ name: 'sid', value: 'alice' })];
    const fake = fakeTransferDeps(jar);
    await fake.deps.snapshots.setOptIn(true);
    renderWithStore(<SnapshotPanel deps={fake.deps} />, await analyzedPopupStore(jar));
    const name = await waitFor(() => screen.getByTestId('snapshot-name'));
    const save = async (typed: string) => {
      fireEvent.input(name, { target: { value: typed } });
      await act(async () => {
        fireEvent.click(screen.getByTestId('snapshot-save'));
      });
    };
    await save('alice');
    await waitFor(() => screen.getByTestId('snapshot-item'));
    fireEvent.input(name, { target: { value: 'bob' } });
    expect(screen.getByTestId('snapshot-save').textContent).toBe('Save snapshot');
    expect(screen.queryByTestId('snapshot-replaces')).toBeNull();
    fireEvent.input(name, { target: { value: ' alice ' } });
    expect(screen.getByTestId('snapshot-save').textContent).toBe('Replace snapshot');
    expect(screen.getByTestId('snapshot-replaces').textContent).toMatch(
      /^Saving replaces the snapshot alice of \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC: give another name to keep both\.$/,
    );
    jar[0]!.value = 'bob';
    await save('alice');
    await waitFor(() =>
      expect(screen.getByTestId('snapshot-status').textContent).toMatch(
        /^Replaced "alice" of \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC with 1 cookie, 0 storage tokens; /,
      ),
    );
    expect(screen.getAllByTestId('snapshot-item')).toHaveLength(1);
  });
});
