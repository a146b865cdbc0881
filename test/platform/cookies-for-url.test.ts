import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cookieKey } from '../../src/core/cookie/cookie-key';
import { domainMatches, pathMatches } from '../../src/core/cookie/match';
import { toCookieRecord } from '../../src/core/cookie/to-cookie-record';
import { getAllForUrl } from '../../src/platform/cookies';
import { fillJar, jarArbitrary } from '../fakes/jar-arbitrary';

const fake = await vi.hoisted(async () => (await import('../fakes')).createFakeBrowser());
vi.mock('webextension-polyfill', () => ({ default: fake }));

/**
 * Every cookie of the default store, in every partition, on `url`'s host and path by core's rules: what the read
 * must hold for core's cookiesForUrl to narrow (to the page's own partition too, which the read leaves to it).
 */
async function expected(url: string): Promise<string[]> {
  const all = (await fake.cookies.getAll({ storeId: '0', partitionKey: {} })).map(toCookieRecord);
  const { hostname, pathname } = new URL(url);
  return all
    .filter((c) => domainMatches(hostname, c.domain, c.hostOnly) && pathMatches(pathname, c.path))
    .map(cookieKey)
    .sort();
}

const keysOf = async (url: string) => (await getAllForUrl(url)).map(cookieKey).sort();

const HOSTS = ['example.com', 'app.example.com', 'api.example.com', 'other.test', '127.0.0.1', 'site.localhost'];
const PATHS = ['/', '/account', '/account/settings', '/acc', '/api/'];

describe('platform: a page’s cookies asked for by URL (getAllForUrl)', () => {
  beforeEach(() => fake.reset());

  it('gives every cookie of the page’s host and path, Secure ones on an http page too, each once', async () => {
    await fake.cookies.set({ url: 'https://app.example.com/', name: 'sid', value: '1', secure: true });
    await fake.cookies.set({ url: 'http://app.example.com/', name: 'plain', value: '2' });
    await fake.cookies.set({ url: 'https://example.com/', domain: 'example.com', name: 'wide', value: '3' });
    await fake.cookies.set({ url: 'https://api.example.com/', name: 'sibling', value: '4' });
    await fake.cookies.set({ url: 'https://app.example.com/admin', name: 'deeper', value: '5' });
    await fake.cookies.set({
      url: 'https://app.example.com/',
      name: 'chip',
      value: '6',
      secure: true,
      partitionKey: { topLevelSite: 'https://embedder.test' },
    });
    const names = async (url: string) => (await getAllForUrl(url)).map((c) => c.name).sort();
    // The browser leaves Secure cookies out of a query for an http URL (the fake does, as Firefox does).
    expect(
      (await fake.cookies.getAll({ url: 'http://app.example.com/', partitionKey: {} })).map((c) => c.name),
    ).not.toContain('sid');
    expect(await names('http://app.example.com/account')).toEqual(['chip', 'plain', 'sid', 'wide']);
    expect(await names('https://app.example.com/admin/users')).toEqual(['chip', 'deeper', 'plain', 'sid', 'wide']);
  });

  it('asks by URL only, never under a domain (a query by domain goes through the whole jar in Chromium)', async () => {
    const getAll = vi.spyOn(fake.cookies, 'getAll');
    try {
      await getAllForUrl('http://app.example.com:8080/account?q=1');
      const asked = getAll.mock.calls.map(([details]) => details ?? {});
      expect(asked.map((d) => d.url)).toEqual([
        'http://app.example.com:8080/account?q=1',
        'https://app.example.com:8080/account?q=1',
      ]);
      expect(asked.every((d) => d.domain === undefined && d.partitionKey !== undefined)).toBe(true);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('reads the store it is given, and asks again without a partition key where the browser knows none', async () => {
    await fake.cookies.set({ url: 'https://example.com/', name: 'normal', value: '1' });
    await fake.cookies.set({
      url: 'https://example.com/',
      name: 'container',
      value: '2',
      storeId: 'firefox-container-1',
    });
    expect((await getAllForUrl('https://example.com/', 'firefox-container-1')).map((c) => c.name)).toEqual([
      'container',
    ]);
    fake.cookies.rejectPartitionKey = true;
    expect((await getAllForUrl('https://example.com/', '0')).map((c) => c.name)).toEqual(['normal']);
    expect(await getAllForUrl('not a url')).toEqual([]);
  });

  it('gives what the page receives by core’s rules, for any jar and any page', async () => {
    const page = fc.record({
      scheme: fc.constantFrom('http', 'https'),
      host: fc.constantFrom(...HOSTS),
      path: fc.constantFrom(...PATHS, '/account/settings/x', '/api'),
    });
    await fc.assert(
      fc.asyncProperty(
        jarArbitrary({ hosts: HOSTS, paths: PATHS, names: ['a', 'b', 'c'] }, { maxLength: 12 }),
        page,
        async (jar, p) => {
          await fillJar(fake, jar);
          const url = `${p.scheme}://${p.host}${p.path}`;
          expect(await keysOf(url)).toEqual(await expected(url));
        },
      ),
      { numRuns: 200 },
    );
  });
});
