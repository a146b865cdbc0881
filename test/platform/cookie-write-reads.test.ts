import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cookieKey } from '../../src/core/cookie/cookie-key';
import type { CookieRecord } from '../../src/core/cookie/cookie-record';
import { toCookieRecord } from '../../src/core/cookie/to-cookie-record';
import { cookieRemoveDetails } from '../../src/core/edit/set-details';
import { readCookie, readSameName } from '../../src/platform/cookie-write';
import { fillJar, jarArbitrary } from '../fakes/jar-arbitrary';

const fake = await vi.hoisted(async () => (await import('../fakes')).createFakeBrowser());
vi.mock('webextension-polyfill', () => ({ default: fake }));

const jar = () => fake.cookies.all().map(toCookieRecord);
const named = (list: readonly CookieRecord[]) => list.map((c) => `${c.domain}${c.path}`).sort();

describe('platform: the reads around a cookie write (readSameName, readCookie)', () => {
  beforeEach(() => fake.reset());
  afterEach(() => vi.restoreAllMocks());

  it('asks by the cookie’s own URL as http and https, never by name alone (Chromium lists its whole jar for that)', async () => {
    await fake.cookies.set({ url: 'https://app.example.com/a/b', name: 'n', value: '1', path: '/a/b', secure: true });
    const getAll = vi.spyOn(fake.cookies, 'getAll');
    const c = jar()[0]!;
    expect(await readCookie(c)).toEqual(c);
    expect(getAll.mock.calls.map(([d]) => d)).toEqual([
      { name: 'n', storeId: '0', url: 'http://app.example.com/a/b' },
      { name: 'n', storeId: '0', url: 'https://app.example.com/a/b' },
    ]);
  });

  it('gives the cookie and the same-named ones a remove by its URL can reach: parent domains and paths', async () => {
    const set = (url: string, extra: Record<string, unknown> = {}) =>
      fake.cookies.set({ url, name: 'n', value: 'v', ...extra });
    await set('https://app.example.com/a/b', { path: '/a/b' });
    await set('https://app.example.com/', { path: '/' });
    await set('https://app.example.com/', { domain: 'example.com', path: '/a', secure: true });
    await set('https://app.example.com/c', { path: '/c' });
    await set('https://deep.app.example.com/', { path: '/' });
    await set('https://other.test/a/b', { path: '/a/b' });
    await set('https://app.example.com/', {
      path: '/',
      secure: true,
      partitionKey: { topLevelSite: 'https://top.test' },
    });
    await fake.cookies.set({ url: 'https://app.example.com/', name: 'other', value: 'v', path: '/' });
    const c = jar().find((r) => r.path === '/a/b' && r.domain === 'app.example.com')!;
    expect(named(await readSameName(c))).toEqual(['.example.com/a', 'app.example.com/', 'app.example.com/a/b']);
  });

  it('reads every same-named cookie where the URL would not name the cookie (a path URL parsing changes)', async () => {
    await fake.cookies.set({ url: 'https://example.com/', name: 'n', value: '1', path: '/a b' });
    await fake.cookies.set({ url: 'https://example.com/', name: 'n', value: '2', path: '/' });
    await fake.cookies.set({ url: 'https://sub.example.com/', name: 'n', value: '3', path: '/' });
    const c = jar().find((r) => r.path === '/a b')!;
    const getAll = vi.spyOn(fake.cookies, 'getAll');
    expect(await readCookie(c)).toEqual(c);
    expect(getAll.mock.calls.map(([d]) => d)).toEqual([{ name: 'n', storeId: '0' }]);
    expect(named(await readSameName(c))).toEqual(['example.com/', 'example.com/a b', 'sub.example.com/']);
  });

  it('holds every cookie the browser’s remove takes, and finds each cookie itself, for any jar', async () => {
    const HOSTS = ['example.com', 'app.example.com', 'a.app.example.com', 'other.test', '127.0.0.1'];
    const PATHS = ['/', '/a', '/a/b', '/ab', '/a b'];
    await fc.assert(
      fc.asyncProperty(
        jarArbitrary({ hosts: HOSTS, paths: PATHS, names: ['a', 'b'] }, { minLength: 1, maxLength: 10 }),
        fc.nat(),
        async (list, pick) => {
          await fillJar(fake, list);
          const before = jar();
          const target = before[pick % before.length]!;
          expect(await readCookie(target)).toEqual(target);
          const around = new Set((await readSameName(target)).map(cookieKey));
          await fake.cookies.remove(cookieRemoveDetails(target, { browser: 'chromium' }) as never);
          const left = new Set(jar().map(cookieKey));
          const taken = before.map(cookieKey).filter((k) => !left.has(k));
          expect(taken.filter((k) => !around.has(k))).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
