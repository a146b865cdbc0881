import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createGuard, type GuardDeps } from '../../src/background/protect-rules';
import { createCookieWrites } from '../../src/background/undo-stack';
import { addedRulesLabel } from '../../src/core/edit/block-rule';
import { toCookieRecord } from '../../src/core/cookie/to-cookie-record';
import { GUARD_KEY, UNDO_KEY, undoStackOf } from '../../src/protocol/edit-state';
import { SWEPT_LISTED } from '../../src/protocol/messages';
import { readCookie, removeCookie, setCookie } from '../../src/platform/cookie-write';
import { getAllCookies, onCookieChanged } from '../../src/platform/cookies';
import { platformCookieWrites } from '../fakes/platform-cookie-writes';

const fake = await vi.hoisted(async () => (await import('../fakes')).createFakeBrowser());
vi.mock('webextension-polyfill', () => ({ default: fake }));

const jar = () => fake.cookies.all().map(toCookieRecord);
const names = () => jar().map((c) => c.name);

/**
 * The guard and the undo stack wired to each other as the background wires them (src/background/index.ts); `over`
 * replaces some of the guard's deps.
 */
function background(over: Partial<GuardDeps> = {}) {
  const guard = createGuard({
    store: fake.storage.local,
    set: setCookie,
    remove: removeCookie,
    readJar: getAllCookies,
    record: () => undefined,
    rememberSwept: (added, removed) => writes.remember(addedRulesLabel(added), removed, added),
    ...over,
  });
  const writes = createCookieWrites({
    store: fake.storage.session,
    browser: platformCookieWrites,
    now: () => 7,
    readJar: async (cs) => (await Promise.all(cs.map(readCookie))).filter((c) => c !== null),
    pause: (cs) => guard.pause(cs),
    dropBlockRules: (rules) => guard.removeBlockRules(rules),
  });
  onCookieChanged((change) => guard.cookieChanged(change));
  return { guard, writes };
}

const siteSets = (host: string, name: string, value = '1') =>
  fake.cookies.set({ url: `https://${host}/`, name, value, secure: true, sameSite: 'lax' });

describe('the undo of adding a block rule', () => {
  beforeEach(() => fake.reset());

  it('takes the rule away and puts back every cookie it deleted at once, on every site, with its value', async () => {
    const { guard, writes } = background();
    for (let i = 0; i < SWEPT_LISTED + 5; i++) await siteSets(i % 2 ? 'a.example' : 'b.example', `sid${i}`, `v${i}`);
    await siteSets('a.example', 'keep');
    const before = jar();
    const state = await guard.setBlockRules([{ name: 'sid*', domain: '' }]);
    expect(names()).toEqual(['keep']);
    expect(state.swept).toMatchObject({
      count: SWEPT_LISTED + 5,
      undo: { label: 'adding block rule name sid* on domain *', atMs: 7 },
    });
    expect(await writes.state()).toEqual({ label: 'adding block rule name sid* on domain *', atMs: 7, depth: 1 });

    const undone = await writes.undo();
    expect(undone).toMatchObject({ ok: true, label: 'adding block rule name sid* on domain *', changedSince: [] });
    await guard.settled();
    expect(jar()).toEqual(expect.arrayContaining(before));
    expect(jar()).toHaveLength(before.length);
    expect((await guard.state()).blockRules).toEqual([]);
    expect(fake.storage.local.snapshot()[GUARD_KEY]).toMatchObject({ blockRules: [] });
    // The rule is gone for good: the site's next such cookie stays.
    await siteSets('a.example', 'sid_new');
    await guard.settled();
    expect(names()).toContain('sid_new');
  });

  it('leaves the other rules in force, and keeps nothing to undo when a rule deleted nothing or one was removed', async () => {
    const { guard, writes } = background();
    await siteSets('a.example', 'ad');
    await guard.setBlockRules([{ name: 'none*', domain: '' }]);
    expect(await writes.state()).toEqual({ label: null, depth: 0 });
    const added = await guard.setBlockRules([
      { name: 'none*', domain: '' },
      { name: 'ad', domain: 'a.example' },
    ]);
    expect(added.swept?.undo?.label).toBe('adding block rule name ad on domain a.example');
    await guard.setBlockRules([{ name: 'ad', domain: 'a.example' }]);
    expect(await writes.state()).toMatchObject({ depth: 1 });
    await writes.undo();
    expect(names()).toEqual(['ad']);
    expect((await guard.state()).blockRules).toEqual([]);

    await guard.setBlockRules([{ name: 'none*', domain: '' }]);
    await siteSets('a.example', 'x');
    await guard.setBlockRules([
      { name: 'none*', domain: '' },
      { name: 'x', domain: '' },
    ]);
    await writes.undo();
    expect((await guard.state()).blockRules).toEqual([{ name: 'none*', domain: '' }]);
  });

  it('stores the rules with the record, and a record whose rules do not parse undoes its cookies only', async () => {
    const { guard } = background();
    await siteSets('a.example', 'ad');
    await guard.setBlockRules([{ name: 'ad', domain: '' }]);
    const stored = fake.storage.session.snapshot()[UNDO_KEY] as unknown[];
    expect(undoStackOf(stored)).toEqual([
      expect.objectContaining({ blockRules: [{ name: 'ad', domain: '' }], entries: [expect.anything()] }),
    ]);
    const broken = undoStackOf([{ ...(stored[0] as object), blockRules: [{ name: '', domain: '*' }, 3] }]);
    expect(broken).toHaveLength(1);
    expect(broken[0]).not.toHaveProperty('blockRules');
  });

  it('answers the rule’s change without an Undo when the undo stack cannot keep it', async () => {
    const onError = vi.fn();
    const { guard } = background({
      rememberSwept: async () => {
        throw new Error('QUOTA_BYTES quota exceeded');
      },
      onError,
    });
    await siteSets('a.example', 'ad');
    const state = await guard.setBlockRules([{ name: 'ad', domain: '' }]);
    expect(state.swept).toEqual({ count: 1, cookies: [expect.objectContaining({ name: 'ad' })] });
    expect(onError).toHaveBeenCalledWith(new Error('QUOTA_BYTES quota exceeded'));
    expect(names()).toEqual([]);
  });
});
