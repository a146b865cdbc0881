import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createCookieWrites, UNDO_DEPTH } from '../../src/background/undo-stack';
import { UNDO_KEY } from '../../src/protocol/edit-state';
import { readCookie } from '../../src/platform/cookie-write';
import { makeCookie, makePartitionedCookie } from '../fakes/make-cookie';
import { jarOf, platformCookieWrites } from '../fakes/platform-cookie-writes';

const fake = await vi.hoisted(async () => (await import('../fakes')).createFakeBrowser());
vi.mock('webextension-polyfill', () => ({ default: fake }));

const browserDeps = platformCookieWrites;
const jar = jarOf(fake);
const readJar = async (cs: Parameters<typeof readCookie>[0][]) =>
  (await Promise.all(cs.map(readCookie))).filter((c) => c !== null);

function make(extra: Partial<Parameters<typeof createCookieWrites>[0]> = {}) {
  return createCookieWrites({ store: fake.storage.session, browser: browserDeps, now: () => 5, readJar, ...extra });
}

describe('writes and the undo stack', () => {
  beforeEach(() => fake.reset());

  it('undoes a delete exactly: identity, every attribute, partition and store', async () => {
    const chip = makePartitionedCookie({
      value: 'x',
      domain: '.example.com',
      hostOnly: false,
      path: '/p',
      httpOnly: false,
      storeId: '0',
    });
    await fake.cookies.set({ ...chip, url: 'https://example.com/p', domain: 'example.com' });
    expect(jar()).toEqual([chip]);
    const w = make();
    const del = await w.write([{ kind: 'remove', cookie: chip }], 'delete of chip');
    expect(del).toMatchObject({ ok: true, undoable: true, results: [{ outcome: 'written', now: null }] });
    expect(jar()).toEqual([]);
    expect(await w.state()).toEqual({ label: 'delete of chip', atMs: 5, depth: 1 });
    const undone = await w.undo();
    expect(undone).toMatchObject({ ok: true, label: 'delete of chip', changedSince: [] });
    expect(jar()).toEqual([chip]);
    expect(await w.state()).toEqual({ label: null, depth: 0 });
    expect(await w.undo()).toEqual({ ok: false, reason: 'nothing-to-undo' });
  });

  it('undoes an edit that renamed a cookie: the new one goes, the old one comes back', async () => {
    const old = makeCookie({ name: 'a', value: '1' });
    const w = make();
    await w.write([{ kind: 'set', cookie: old }], 'add a');
    await w.write([{ kind: 'set', cookie: { ...old, name: 'b', value: '2' }, replaces: old }], 'edit a');
    expect(jar().map((c) => c.name)).toEqual(['b']);
    await w.undo();
    expect(jar()).toEqual([old]);
    await w.undo();
    expect(jar()).toEqual([]);
  });

  it('lives in storage, so a new worker instance undoes what the last one did', async () => {
    const c = makeCookie();
    await make().write([{ kind: 'set', cookie: c }], 'add');
    expect(fake.storage.session.snapshot()[UNDO_KEY]).toHaveLength(1);
    expect(await make().undo()).toMatchObject({ ok: true, label: 'add' });
    expect(jar()).toEqual([]);
  });

  it('says which cookies changed since the action, and keeps at most UNDO_DEPTH actions', async () => {
    const c = makeCookie();
    const w = make();
    await w.write([{ kind: 'set', cookie: c }], 'add');
    await fake.cookies.set({ url: 'https://app.example.com/', name: 'pref', value: 'site-changed-it' });
    const undone = await w.undo();
    expect(undone.ok && undone.changedSince.map((x) => x.name)).toEqual(['pref']);
    for (let i = 0; i < UNDO_DEPTH + 3; i++) await w.write([{ kind: 'set', cookie: { ...c, value: `${i}` } }], `v${i}`);
    expect(await w.state()).toMatchObject({ depth: UNDO_DEPTH, label: `v${UNDO_DEPTH + 2}` });
  });

  it('records nothing when nothing changed, and tells the guard before and after', async () => {
    const pause = vi.fn(() => () => undefined);
    const written = vi.fn(async () => undefined);
    const w = make({ pause, written });
    const c = makeCookie();
    expect((await w.write([{ kind: 'remove', cookie: c }], 'delete')).undoable).toBe(false);
    await w.write([{ kind: 'set', cookie: c }], 'add');
    expect(pause).toHaveBeenCalledWith([c]);
    expect(written).toHaveBeenCalledWith(null, c);
  });
});
