import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyCookieWrites } from '../../src/core/edit/apply-cookie-writes';
import { makeCookie, makePartitionedCookie } from '../fakes/make-cookie';
import { jarOf, platformCookieWrites } from '../fakes/platform-cookie-writes';

const fake = await vi.hoisted(async () => (await import('../fakes')).createFakeBrowser());
vi.mock('webextension-polyfill', () => ({ default: fake }));

const deps = platformCookieWrites;
const jar = jarOf(fake);

/** `sid` on / and on /app, both written. */
async function sidOnTwoPaths() {
  const root = makeCookie({ name: 'sid', value: 'root', path: '/' });
  const app = makeCookie({ name: 'sid', value: 'app', path: '/app' });
  await applyCookieWrites(
    [
      { kind: 'set', cookie: root },
      { kind: 'set', cookie: app },
    ],
    deps,
  );
  return { root, app };
}

describe('writing cookies: the browser’s answer, read back', () => {
  beforeEach(() => fake.reset());

  it('sets a cookie exactly, in its own store and partition, and reports it written', async () => {
    const c = makePartitionedCookie({ value: 'p1', domain: 'emb.example.com' });
    const { results, entries } = await applyCookieWrites([{ kind: 'set', cookie: c }], deps);
    expect(results[0]).toMatchObject({ outcome: 'written', now: c });
    expect(jar()).toEqual([c]);
    expect(entries).toEqual([{ before: null, after: c }]);
  });

  it('reports the browser’s refusal with its own words, and what the jar holds', async () => {
    const c = makeCookie({ domain: '.other.example.org', hostOnly: false });
    vi.spyOn(fake.cookies, 'set').mockRejectedValueOnce(new Error('Failed to parse or set cookie named "pref".'));
    const { results, entries } = await applyCookieWrites([{ kind: 'set', cookie: c }], deps);
    expect(results[0]).toMatchObject({ outcome: 'refused', reason: 'browser', now: null });
    expect(results[0]!.outcome === 'refused' && results[0]!.reason === 'browser' && results[0]!.error).toContain(
      'Failed to parse',
    );
    expect(entries).toEqual([]);
  });

  it('says what the browser changed instead of claiming success', async () => {
    const c = makeCookie({ value: 'asked' });
    vi.spyOn(fake.cookies, 'set').mockImplementationOnce(async (d) => fake.cookies.set({ ...d, httpOnly: false }));
    const { results } = await applyCookieWrites([{ kind: 'set', cookie: c }], deps);
    expect(results[0]).toMatchObject({ outcome: 'changed', differs: ['httpOnly'] });
  });

  it('reports not-stored when the API answers but the jar has nothing (a past expiry deletes)', async () => {
    const c = makeCookie({ browserSession: false, expirationDate: 1000 });
    const { results } = await applyCookieWrites([{ kind: 'set', cookie: c }], deps);
    expect(results[0]).toMatchObject({ outcome: 'refused', reason: 'not-stored', now: null });
  });

  it('same name on two paths: removing one leaves the other, even when the browser takes both', async () => {
    const { root, app } = await sidOnTwoPaths();
    // The fake, like a URL-and-name match, removes every `sid` sent to https://app.example.com/app.
    const { results, entries } = await applyCookieWrites([{ kind: 'remove', cookie: app }], deps);
    expect(results[0]).toMatchObject({ outcome: 'written', now: null, restored: [root] });
    expect(jar()).toEqual([root]);
    expect(entries[0]).toEqual({ before: app, after: null });
  });

  it('same name on two paths: editing one leaves the other as it was', async () => {
    const { root, app } = await sidOnTwoPaths();
    await applyCookieWrites([{ kind: 'set', cookie: { ...app, value: 'edited' }, replaces: app }], deps);
    expect(jar().sort((a, b) => a.path.localeCompare(b.path))).toEqual([root, { ...app, value: 'edited' }]);
  });

  it('an edit that changes identity stores the new cookie, then removes the old one', async () => {
    const old = makeCookie({ name: 'a', value: '1' });
    await applyCookieWrites([{ kind: 'set', cookie: old }], deps);
    const renamed = { ...old, name: 'b', domain: 'example.com', hostOnly: false };
    const { results, entries } = await applyCookieWrites([{ kind: 'set', cookie: renamed, replaces: old }], deps);
    const stored = { ...renamed, domain: '.example.com' };
    expect(results[0]).toMatchObject({ outcome: 'written', now: stored });
    expect(jar()).toEqual([stored]);
    expect(entries).toEqual([
      { before: null, after: stored },
      { before: old, after: null },
    ]);
  });

  it('keeps the old cookie when the new one is refused', async () => {
    const old = makeCookie({ name: 'a' });
    await applyCookieWrites([{ kind: 'set', cookie: old }], deps);
    const bad = { ...old, name: '__Host-b', domain: '.example.com', hostOnly: false };
    vi.spyOn(fake.cookies, 'set').mockRejectedValueOnce(new Error('Failed to parse or set cookie named "__Host-b".'));
    const { results } = await applyCookieWrites([{ kind: 'set', cookie: bad, replaces: old }], deps);
    expect(results[0]).toMatchObject({ outcome: 'refused', reason: 'browser' });
    expect(jar()).toEqual([old]);
  });
});
