import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createGuard } from '../../src/background/protect-rules';
import { GUARD_KEY } from '../../src/protocol/edit-state';
import { SWEPT_LISTED } from '../../src/protocol/messages';
import { removeCookie, setCookie } from '../../src/platform/cookie-write';
import { getAllCookies, onCookieChanged } from '../../src/platform/cookies';
import { toCookieRecord } from '../../src/core/cookie/to-cookie-record';
import { makeCookie } from '../fakes/make-cookie';

const fake = await vi.hoisted(async () => (await import('../fakes')).createFakeBrowser());
vi.mock('webextension-polyfill', () => ({ default: fake }));

const jar = () => fake.cookies.all().map(toCookieRecord);

function start() {
  const record = vi.fn();
  const guard = createGuard({
    store: fake.storage.local,
    set: setCookie,
    remove: removeCookie,
    readJar: getAllCookies,
    record,
  });
  onCookieChanged((change) => guard.cookieChanged(change));
  return { guard, record };
}

/** The site's own Set-Cookie, as the fake jar receives it. */
const siteSets = (name: string, value: string) =>
  fake.cookies.set({ url: 'https://app.example.com/', name, value, secure: true, httpOnly: true, sameSite: 'lax' });

/** A guard protecting `sid=mine`, which the site has just set. */
async function protectingSid() {
  const started = start();
  const sid = makeCookie({ name: 'sid', value: 'mine' });
  await siteSets('sid', 'mine');
  await started.guard.setProtected(sid, true);
  return { ...started, sid };
}

describe('protect and block', () => {
  beforeEach(() => fake.reset());

  it('puts a protected cookie back when the site changes it, and the timeline says so', async () => {
    const { guard, record, sid } = await protectingSid();
    await siteSets('sid', 'theirs');
    await guard.settled();
    expect(jar()).toEqual([sid]);
    expect(record).toHaveBeenCalledWith({ cookie: sid, removed: false, cause: 'protected' });
    expect(record).toHaveBeenCalledTimes(1);
  });

  it('puts a protected cookie back when something deletes it', async () => {
    const { guard, sid } = await protectingSid();
    await fake.cookies.remove({ url: 'https://app.example.com/', name: 'sid' });
    await guard.settled();
    expect(jar()).toEqual([sid]);
  });

  it('removes a cookie matching a block rule as soon as it is set, and records that', async () => {
    const { guard, record } = start();
    await guard.setBlockRules([{ name: '_ga*', domain: '*example.com' }]);
    await siteSets('_ga_X', '1');
    await siteSets('keep', '1');
    await guard.settled();
    expect(jar().map((c) => c.name)).toEqual(['keep']);
    expect(record).toHaveBeenCalledWith(expect.objectContaining({ removed: true, cause: 'blocked' }));
  });

  it('applies new rules to cookies already there, and answers with those it removed', async () => {
    const { guard } = start();
    await siteSets('track', '1');
    await siteSets('keep', '1');
    const state = await guard.setBlockRules([{ name: 'track', domain: '' }]);
    await guard.settled();
    expect(jar().map((c) => c.name)).toEqual(['keep']);
    expect(state.swept).toEqual({ count: 1, cookies: [expect.objectContaining({ name: 'track', value: '1' })] });
    // A rule that matches nothing already there says so.
    expect(
      (
        await guard.setBlockRules([
          { name: 'track', domain: '' },
          { name: 'none*', domain: '' },
        ])
      ).swept,
    ).toEqual({
      count: 0,
      cookies: [],
    });
  });

  it('lists at most SWEPT_LISTED of the cookies a new rule removed, and counts them all', async () => {
    const { guard } = start();
    for (let i = 0; i < SWEPT_LISTED + 5; i++) await siteSets(`ad${i}`, '1');
    const state = await guard.setBlockRules([{ name: 'ad*', domain: '' }]);
    expect(state.swept?.count).toBe(SWEPT_LISTED + 5);
    expect(state.swept?.cookies).toHaveLength(SWEPT_LISTED);
    expect(jar()).toEqual([]);
  });

  it('survives a restart: settings come from storage.local, and the new instance checks the jar', async () => {
    const first = await protectingSid();
    const sid = first.sid;
    await first.guard.setBlockRules([{ name: 'ad', domain: '' }]);
    expect(fake.storage.local.snapshot()[GUARD_KEY]).toMatchObject({ blockRules: [{ name: 'ad', domain: '' }] });
    // The worker dies; while none listens, the site changes the cookie and sets a blocked one.
    fake.cookies.onChanged.clear();
    await siteSets('sid', 'theirs');
    await siteSets('ad', '1');
    const second = start();
    await second.guard.settled();
    expect(jar()).toEqual([sid]);
    expect(await second.guard.state()).toMatchObject({ protected: [sid] });
  });

  it('lets the user’s own edit through and protects the new value; a protected cookie is never blocked', async () => {
    const { guard, sid } = await protectingSid();
    await guard.setBlockRules([{ name: 'sid', domain: '' }]);
    const end = guard.pause([sid]);
    await siteSets('sid', 'edited');
    await guard.userWrote(sid, { ...sid, value: 'edited' });
    end();
    await guard.settled();
    expect(jar().map((c) => c.value)).toEqual(['edited']);
    await siteSets('sid', 'theirs');
    await guard.settled();
    expect(jar().map((c) => c.value)).toEqual(['edited']);
    await guard.setProtected(sid, false);
    expect((await guard.state()).protected).toEqual([]);
  });
});
