import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createGuard } from '../../src/background/protect-rules';
import { createCookieWrites, UNDO_DEPTH } from '../../src/background/undo-stack';
import { readCookie, removeCookie, setCookie } from '../../src/platform/cookie-write';
import { storedEditState } from '../../src/platform/edit-state';
import { getAllCookies } from '../../src/platform/cookies';
import { GUARD_KEY, UNDO_KEY } from '../../src/protocol/edit-state';
import { makeCookie } from '../fakes/make-cookie';
import { platformCookieWrites } from '../fakes/platform-cookie-writes';

const fake = await vi.hoisted(async () => (await import('../fakes')).createFakeBrowser());
vi.mock('webextension-polyfill', () => ({ default: fake }));

const readJar = async (cs: Parameters<typeof readCookie>[0][]) =>
  (await Promise.all(cs.map(readCookie))).filter((c) => c !== null);

function writes(now = 5) {
  return createCookieWrites({ store: fake.storage.session, browser: platformCookieWrites, now: () => now, readJar });
}

function guard() {
  return createGuard({
    store: fake.storage.local,
    set: setCookie,
    remove: removeCookie,
    readJar: getAllCookies,
    record: () => undefined,
  });
}

// The popup reads these from storage instead of asking the background: what it reads must be what the background
// would have answered, after every kind of write.
describe('the edit state read from storage, as the background keeps it', () => {
  beforeEach(() => fake.reset());

  it('reads the undo state the background answers, write after write and undo after undo', async () => {
    const read = storedEditState();
    expect(await read.getUndoState()).toEqual({ label: null, depth: 0 });
    const w = writes();
    for (let i = 0; i < UNDO_DEPTH + 2; i++) {
      await w.write([{ kind: 'set', cookie: makeCookie({ name: `c${i}` }) }], `add c${i}`);
      expect(await read.getUndoState()).toEqual(await w.state());
    }
    expect(await read.getUndoState()).toEqual({ label: `add c${UNDO_DEPTH + 1}`, atMs: 5, depth: UNDO_DEPTH });
    await w.undo();
    expect(await read.getUndoState()).toEqual(await w.state());
    expect((await read.getUndoState()).label).toBe(`add c${UNDO_DEPTH}`);
  });

  it('reads the protected cookies and block rules the background answers', async () => {
    const read = storedEditState();
    expect(await read.getGuards()).toEqual({ ok: true, protected: [], blockRules: [] });
    const g = guard();
    const sid = makeCookie({ name: 'sid', value: 'mine' });
    await fake.cookies.set({ url: 'https://app.example.com/', name: 'sid', value: 'mine', secure: true });
    const protectedState = await g.setProtected(sid, true);
    expect(await read.getGuards()).toEqual(protectedState);
    // The answer to a change of rules also says what they removed at once; storage keeps the settings only.
    const { swept, ...ruled } = await g.setBlockRules([{ name: 'ad', domain: '' }]);
    expect(swept).toEqual({ count: 0, cookies: [] });
    expect(await read.getGuards()).toEqual(ruled);
    expect(await read.getGuards()).toEqual(await g.state());
  });

  it('leaves out what does not parse, as the background does', async () => {
    await fake.storage.session.set({ [UNDO_KEY]: [{ label: 3 }, 'x', { label: 'kept', atMs: 9, entries: [] }] });
    await fake.storage.local.set({ [GUARD_KEY]: { protected: [{ name: 1 }, null], blockRules: 'no' } });
    const read = storedEditState();
    expect(await read.getUndoState()).toEqual({ label: 'kept', atMs: 9, depth: 1 });
    expect(await read.getGuards()).toEqual({ ok: true, protected: [], blockRules: [] });
    expect(await read.getGuards()).toEqual(await guard().state());
  });
});
