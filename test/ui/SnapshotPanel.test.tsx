// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSnapshot } from '../../src/core/snapshot/snapshot';
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

  it('asks before turning snapshots off deletes them all, of every site, and focuses the answer that keeps them', async () => {
    const jar = [record({ name: 'sid', value: 'alice' })];
    const fake = fakeTransferDeps(jar);
    const { snapshots } = fake.deps;
    await snapshots.setOptIn(true);
    await snapshots.save(makeSnapshot('alice', 'example.com', 1, jar, []));
    await snapshots.save(makeSnapshot('bob', 'other.test', 2, [], []));
    renderWithStore(<SnapshotPanel deps={fake.deps} />, await analyzedPopupStore(jar));
    const optOut = await waitFor(() => screen.getByTestId('snapshot-opt-out'));
    await act(async () => {
      fireEvent.click(optOut);
    });
    const question = await waitFor(() => screen.getByTestId('snapshot-opt-out-confirm'));
    expect(question.textContent).toBe(
      'Delete all 2 snapshots saved (of every site) and turn snapshots off? Delete them all Keep them',
    );
    expect(document.activeElement).toBe(screen.getByTestId('snapshot-opt-out-no'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('snapshot-opt-out-no'));
    });
    expect(screen.queryByTestId('snapshot-opt-out-confirm')).toBeNull();
    expect([await snapshots.optedIn(), await snapshots.count()]).toEqual([true, 2]);
    await act(async () => {
      fireEvent.click(screen.getByTestId('snapshot-opt-out'));
    });
    const yes = await waitFor(() => screen.getByTestId('snapshot-opt-out-yes'));
    await act(async () => {
      fireEvent.click(yes);
    });
    await waitFor(() => expect(screen.getByTestId('snapshots').dataset.state).toBe('off'));
    expect([await snapshots.optedIn(), await snapshots.count()]).toEqual([false, 0]);
  });

  it('turns snapshots off at once when none is saved', async () => {
    const fake = fakeTransferDeps([]);
    await fake.deps.snapshots.setOptIn(true);
    renderWithStore(<SnapshotPanel deps={fake.deps} />, await analyzedPopupStore([]));
    const optOut = await waitFor(() => screen.getByTestId('snapshot-opt-out'));
    await act(async () => {
      fireEvent.click(optOut);
    });
    await waitFor(() => expect(screen.getByTestId('snapshots').dataset.state).toBe('off'));
    expect(screen.queryByTestId('snapshot-opt-out-confirm')).toBeNull();
  });

  it('says how many cookies a restore set and deleted', async () => {
    const jar = [record({ name: 'sid', value: 'alice' })];
    const fake = fakeTransferDeps(jar);
    await fake.deps.snapshots.setOptIn(true);
    renderWithStore(<SnapshotPanel deps={fake.deps} />, await analyzedPopupStore(jar));
    fireEvent.input(await waitFor(() => screen.getByTestId('snapshot-name')), { target: { value: 'alice' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('snapshot-save'));
    });
    await waitFor(() => screen.getByTestId('snapshot-item'));
    // Bob's session: sid changed, and a cookie alice's snapshot does not have.
    jar[0]!.value = 'bob';
    jar.push(record({ name: 'bob_pref', value: '1' }));
    await act(async () => {
      fireEvent.click(screen.getByTestId('snapshot-restore'));
    });
    await waitFor(() =>
      expect(screen.getByTestId('snapshot-status').textContent).toMatch(
        /^Restored "alice": 1 cookie set, 1 deleted, all done/,
      ),
    );
    expect(jar.map((c) => `${c.name}=${c.value}`)).toEqual(['sid=alice']);
  });

  it('offers to undo the delete of a snapshot until the next action', async () => {
    const jar = [record({ name: 'sid', value: 'alice' })];
    const fake = fakeTransferDeps(jar);
    const { snapshots } = fake.deps;
    await snapshots.setOptIn(true);
    await snapshots.save(makeSnapshot('alice', 'example.com', 1, jar, []));
    renderWithStore(<SnapshotPanel deps={fake.deps} />, await analyzedPopupStore(jar));
    const remove = async () => {
      const button = await waitFor(() => screen.getByTestId('snapshot-delete'));
      await act(async () => {
        fireEvent.click(button);
      });
      return waitFor(() => screen.getByTestId('snapshot-undo-delete'));
    };
    const undo = await remove();
    expect(screen.getByTestId('snapshot-status').textContent).toBe('Deleted "alice". Undo');
    expect(await snapshots.count()).toBe(0);
    await act(async () => {
      fireEvent.click(undo);
    });
    await waitFor(() => expect(screen.getByTestId('snapshot-status').textContent).toBe('Put back "alice".'));
    expect((await snapshots.list('example.com')).map((x) => [x.name, x.takenAtMs])).toEqual([['alice', 1]]);
    expect(screen.getAllByTestId('snapshot-item')).toHaveLength(1);
    // Another action ends the offer.
    await remove();
    fireEvent.input(screen.getByTestId('snapshot-name'), { target: { value: 'bob' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('snapshot-save'));
    });
    await waitFor(() => expect(screen.getByTestId('snapshot-status').textContent).toMatch(/^Saved "bob"/));
    expect(screen.queryByTestId('snapshot-undo-delete')).toBeNull();
  });
});
