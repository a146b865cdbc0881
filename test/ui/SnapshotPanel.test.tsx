// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { CookieRecord } from '../../src/core/cookie/cookie-record';
import { makeSnapshot, type Snapshot } from '../../src/core/snapshot/snapshot';
import { SnapshotPanel } from '../../src/ui/SnapshotPanel';
import { fakeTransferDeps } from '../state/transfer-fakes';
import { record } from './fixtures';
import { analyzedPopupStore, renderWithStore } from './render';

afterEach(cleanup);

const RLO = '\u202e';

/**
 * The panel over `jar`, snapshots on and `saved` in the store already, the browser refusing the cookies named in
 * `refuse`; once it has read its list.
 */
async function renderPanel(
  jar: CookieRecord[],
  { refuse, saved = [] }: { refuse?: Set<string>; saved?: Snapshot[] } = {},
) {
  const fake = fakeTransferDeps(jar, refuse);
  await fake.deps.snapshots.setOptIn(true);
  for (const s of saved) await fake.deps.snapshots.save(s);
  renderWithStore(<SnapshotPanel deps={fake.deps} />, await analyzedPopupStore(jar));
  await waitFor(() => screen.getByTestId('snapshot-name'));
  return { ...fake, snapshots: fake.deps.snapshots };
}

/** Clicks the element (or the one with that test id) and lets the panel answer. */
async function click(target: string | HTMLElement): Promise<void> {
  const el = typeof target === 'string' ? await waitFor(() => screen.getByTestId(target)) : target;
  await act(async () => {
    fireEvent.click(el);
  });
}

/** Types `name` and saves. */
async function saveAs(name: string): Promise<void> {
  fireEvent.input(screen.getByTestId('snapshot-name'), { target: { value: name } });
  await click('snapshot-save');
}

/** The status line once it says what `expected` matches. */
const statusSays = (expected: RegExp) =>
  waitFor(() => {
    const status = screen.getByTestId('snapshot-status');
    expect(status.textContent).toMatch(expected);
    return status;
  });

describe('SnapshotPanel', () => {
  it("shows the snapshot's name and a failed restore's cookie names and browser words as visible text", async () => {
    const jar = [record({ name: `bad${RLO}`, value: 'saved' }), record({ name: 'sid', value: 'saved' })];
    await renderPanel(jar, { refuse: new Set([`bad${RLO}`]) });
    await saveAs(`alice${RLO}`);
    const item = await waitFor(() => screen.getByTestId('snapshot-item'));
    expect(item.textContent).toMatch(/^aliceU\+202E /);
    // The jar moves on; restoring writes both cookies back, and the browser refuses one.
    for (const c of jar) c.value = 'later';
    await click('snapshot-restore');
    const status = await statusSays(/writes failed/);
    expect(status.textContent).toContain(
      `Restored "aliceU+202E" with 1 of 2 writes failed: badU+202E (Failed to set cookie named "badU+202E")`,
    );
    expect(status.textContent).not.toContain(RLO);
    expect(status.querySelectorAll('.hidden-char')).toHaveLength(3);
  });

  it('says a restore of what the site holds already writes nothing, and counts in words', async () => {
    const jar = [record({ name: 'sid', value: 'alice' })];
    const { labels } = await renderPanel(jar);
    await saveAs('alice');
    const item = await waitFor(() => screen.getByTestId('snapshot-item'));
    expect(item.textContent).toMatch(/, 1 cookie, 0 storage tokens /);
    await click('snapshot-restore');
    await statusSays(/^Nothing to restore: the site's cookies are those of "alice" already$/);
    expect(labels).toEqual([]);
  });

  it('says beforehand that saving under a name in use replaces that snapshot, and says it did', async () => {
    const jar = [record({ name: 'sid', value: 'alice' })];
    await renderPanel(jar);
    await saveAs('alice');
    await waitFor(() => screen.getByTestId('snapshot-item'));
    const name = screen.getByTestId('snapshot-name');
    fireEvent.input(name, { target: { value: 'bob' } });
    expect(screen.getByTestId('snapshot-save').textContent).toBe('Save snapshot');
    expect(screen.queryByTestId('snapshot-replaces')).toBeNull();
    fireEvent.input(name, { target: { value: ' alice ' } });
    expect(screen.getByTestId('snapshot-save').textContent).toBe('Replace snapshot');
    expect(screen.getByTestId('snapshot-replaces').textContent).toMatch(
      /^Saving replaces the snapshot alice of \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC: give another name to keep both\.$/,
    );
    jar[0]!.value = 'bob';
    await saveAs('alice');
    await statusSays(/^Replaced "alice" of \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC with 1 cookie, 0 storage tokens; /);
    expect(screen.getAllByTestId('snapshot-item')).toHaveLength(1);
  });

  it('asks before turning snapshots off deletes them all, of every site, and focuses the answer that keeps them', async () => {
    const jar = [record({ name: 'sid', value: 'alice' })];
    const { snapshots } = await renderPanel(jar, {
      saved: [makeSnapshot('alice', 'example.com', 1, jar, []), makeSnapshot('bob', 'other.test', 2, [], [])],
    });
    await click('snapshot-opt-out');
    const question = await waitFor(() => screen.getByTestId('snapshot-opt-out-confirm'));
    expect(question.textContent).toBe(
      'Delete all 2 snapshots saved (of every site) and turn snapshots off? Delete them all Keep them',
    );
    expect(document.activeElement).toBe(screen.getByTestId('snapshot-opt-out-no'));
    await click('snapshot-opt-out-no');
    expect(screen.queryByTestId('snapshot-opt-out-confirm')).toBeNull();
    expect([await snapshots.optedIn(), await snapshots.count()]).toEqual([true, 2]);
    await click('snapshot-opt-out');
    await click('snapshot-opt-out-yes');
    await waitFor(() => expect(screen.getByTestId('snapshots').dataset.state).toBe('off'));
    expect([await snapshots.optedIn(), await snapshots.count()]).toEqual([false, 0]);
  });

  it('turns snapshots off at once when none is saved', async () => {
    await renderPanel([]);
    await click('snapshot-opt-out');
    await waitFor(() => expect(screen.getByTestId('snapshots').dataset.state).toBe('off'));
    expect(screen.queryByTestId('snapshot-opt-out-confirm')).toBeNull();
  });

  it('says how many cookies a restore set and deleted', async () => {
    const jar = [record({ name: 'sid', value: 'alice' })];
    await renderPanel(jar);
    await saveAs('alice');
    await waitFor(() => screen.getByTestId('snapshot-item'));
    // Bob's session: sid changed, and a cookie alice's snapshot does not have.
    jar[0]!.value = 'bob';
    jar.push(record({ name: 'bob_pref', value: '1' }));
    await click('snapshot-restore');
    await statusSays(/^Restored "alice": 1 cookie set, 1 deleted, all done/);
    expect(jar.map((c) => `${c.name}=${c.value}`)).toEqual(['sid=alice']);
  });

  it('offers to undo the delete of a snapshot until the next action', async () => {
    const jar = [record({ name: 'sid', value: 'alice' })];
    const { snapshots } = await renderPanel(jar, { saved: [makeSnapshot('alice', 'example.com', 1, jar, [])] });
    const remove = async () => {
      await click('snapshot-delete');
      return waitFor(() => screen.getByTestId('snapshot-undo-delete'));
    };
    const undo = await remove();
    expect(screen.getByTestId('snapshot-status').textContent).toBe('Deleted "alice". Undo');
    expect(await snapshots.count()).toBe(0);
    await click(undo);
    await statusSays(/^Put back "alice"\.$/);
    expect((await snapshots.list('example.com')).map((x) => [x.name, x.takenAtMs])).toEqual([['alice', 1]]);
    expect(screen.getAllByTestId('snapshot-item')).toHaveLength(1);
    // Another action ends the offer.
    await remove();
    await saveAs('bob');
    await statusSays(/^Saved "bob"/);
    expect(screen.queryByTestId('snapshot-undo-delete')).toBeNull();
  });
});
