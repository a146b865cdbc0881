import { describe, expect, it } from 'vitest';
import { parseCookieJson } from '../../src/core/export/sessionscope-json';
import { makeSnapshot } from '../../src/core/snapshot/snapshot';
import { applyThrough } from '../../src/state/apply-writes';
import { diffWithNow, restoreSnapshot, snapshotExport } from '../../src/state/snapshot-actions';
import { createSnapshotStore, SNAPSHOTS_KEY } from '../../src/state/snapshot-store';
import { takeSnapshot } from '../../src/state/take-snapshot';
import { cookiesNamed, makeCookie } from '../fakes/make-cookie';
import { signJwt } from '../fakes/make-jwt';
import { fakeTransferDeps, memoryArea, pageStorageOf } from './transfer-fakes';

describe('snapshots', () => {
  it('are kept only after opting in; turning them off deletes them all', async () => {
    const area = memoryArea();
    const store = createSnapshotStore(area);
    const snap = makeSnapshot('alice', 'example.com', 1, [makeCookie()], []);
    await expect(store.save(snap)).rejects.toThrow('snapshots are off');
    await store.setOptIn(true);
    await store.save(snap);
    await store.save({ ...snap, takenAtMs: 2 });
    expect((await store.list('example.com')).map((s) => s.takenAtMs)).toEqual([2]);
    expect(await store.list('other.com')).toEqual([]);
    await store.save({ ...snap, site: 'other.com' });
    // Every site's snapshots count: turning snapshots off deletes them all.
    expect(await store.count()).toBe(2);
    await store.setOptIn(false);
    expect(await store.count()).toBe(0);
    expect(area.data.has(SNAPSHOTS_KEY)).toBe(false);
    expect(await store.optedIn()).toBe(false);
  });

  it('save the site with its web-storage tokens, restore through the write path, and diff against now with the claims', async () => {
    const alice = await signJwt({ sub: 'alice', role: 'user' }, 'k');
    const bob = await signJwt({ sub: 'bob', role: 'admin' }, 'k');
    const { deps, jar, labels } = fakeTransferDeps([
      makeCookie({ name: 'sid', value: 'alice-sid' }),
      makeCookie({ name: 'jwt', value: alice }),
    ]);
    deps.pageStorage = pageStorageOf(['localStorage', 'access_token', alice], ['localStorage', 'theme', 'dark']);
    const at = { host: 'app.example.com', storeId: '0', deps };
    const { snapshot, storageNote } = await takeSnapshot('alice', at);
    expect([snapshot.site, snapshot.cookies.length, snapshot.storage.map((s) => s.key), storageNote]).toEqual([
      'example.com',
      2,
      ['access_token'],
      null,
    ]);

    // Another user logs in: the jar changes.
    jar.splice(
      0,
      jar.length,
      makeCookie({ name: 'sid', value: 'bob-sid' }),
      makeCookie({ name: 'jwt', value: bob }),
      makeCookie({ name: 'extra' }),
    );
    const { diff } = await diffWithNow(snapshot, at);
    expect(diff.cookies.added.map((c) => c.name)).toEqual(['extra']);
    const jwtChange = diff.cookies.changed.find((c) => c.after.name === 'jwt');
    expect(jwtChange?.tokenClaims?.map((c) => c.name).sort()).toEqual(['claims.role', 'claims.sub']);

    const restored = await restoreSnapshot(snapshot, at);
    expect(restored.failed).toBe(0);
    expect(labels).toEqual(['restore of snapshot "alice" (3 cookies)']);
    expect(jar.map((c) => `${c.name}=${c.value}`).sort()).toEqual([`jwt=${alice}`, 'sid=alice-sid']);
    expect(restored.notes).toEqual(['1 web storage entries are not written back']);
  });

  it('export as SessionScope cookie JSON that imports, with the snapshot alongside', async () => {
    const snap = makeSnapshot('a/b', 'example.com', Date.UTC(2026, 0, 2), [makeCookie()], []);
    const f = await snapshotExport(snap, { version: () => '1' });
    expect(f.fileName).toBe('sessionscope-snapshot-a_b-example.com-2026-01-02.json');
    expect(parseCookieJson(f.text).cookies).toEqual(snap.cookies);
    expect(JSON.parse(f.text).snapshot.name).toBe('a/b');
  });
});

describe('applyThrough', () => {
  it('sends removes then sets as one labelled call and words each answer', async () => {
    const [a, b, c] = cookiesNamed(['a', 'b', 'c']);
    const calls: unknown[] = [];
    const apply = applyThrough(async (ops, label) => {
      calls.push([ops.map((o) => `${o.kind}:${o.cookie.name}`), label]);
      return {
        ok: true,
        undoable: true,
        results: [
          { op: ops[0]!, outcome: 'written', now: null },
          { op: ops[1]!, outcome: 'changed', differs: ['expiry'], now: b },
          { op: ops[2]!, outcome: 'refused', reason: 'not-stored', now: null },
        ],
      };
    });
    const results = await apply({ set: [b, c], remove: [a] }, 'import of 2 cookies');
    expect(calls).toEqual([[['remove:a', 'set:b', 'set:c'], 'import of 2 cookies']]);
    expect(results.map((r) => [r.op, r.cookie.name, r.ok, r.differs ?? r.reason ?? null])).toEqual([
      ['remove', 'a', true, null],
      ['set', 'b', true, ['expiry']],
      ['set', 'c', false, 'the browser answered, but the cookie is not in the jar when read back'],
    ]);
  });
});
