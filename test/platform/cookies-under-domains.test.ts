import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cookieKey } from '../../src/core/cookie/cookie-key';
import { toCookieRecord } from '../../src/core/cookie/to-cookie-record';
import { getAllUnderDomains, WHOLE_STORE_FROM } from '../../src/platform/whole-site-cookies';
import { fillJar, jarArbitrary } from '../fakes/jar-arbitrary';

const fake = await vi.hoisted(async () => (await import('../fakes')).createFakeBrowser());
vi.mock('webextension-polyfill', () => ({ default: fake }));

const FAMILY_URL = { chromium: 'chrome-extension://abc/panel.html', firefox: 'moz-extension://abc/panel.html' };
type Family = keyof typeof FAMILY_URL;
const inFamily = (family: Family) => vi.stubGlobal('location', { href: FAMILY_URL[family] });

/** What the browser's own filter gives, a query under each domain, each cookie once: the answer expected. */
async function perDomain(domains: readonly string[], storeId = '0'): Promise<string[]> {
  const keys = new Set<string>();
  for (const domain of domains) {
    for (const c of await fake.cookies.getAll({ domain, storeId, partitionKey: {} }))
      keys.add(cookieKey(toCookieRecord(c)));
  }
  return [...keys].sort();
}

const keysOf = async (domains: readonly string[], storeId?: string) =>
  (await getAllUnderDomains(domains, storeId)).map(cookieKey).sort();

// Sites one below the other, and names that end like another without being below it (`xexample.com`).
const HOSTS = [
  'example.com',
  'app.example.com',
  'a.b.example.com',
  'xexample.com',
  'example.com.other.test',
  'other.test',
  'cdn.other.test',
  'site.localhost',
  '127.0.0.1',
];
const DOMAINS = ['example.com', 'app.example.com', 'other.test', 'site.localhost', '127.0.0.1', 'none.test', 'com'];

describe('platform: several sites’ cookies in one read (getAllUnderDomains)', () => {
  beforeEach(() => fake.reset());
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('gives what a query under each domain gives, each cookie once, in either browser, for any jar', async () => {
    const domains = fc.array(fc.constantFrom(...DOMAINS, '.example.com', 'Other.Test'), { minLength: 1, maxLength: 7 });
    await fc.assert(
      fc.asyncProperty(
        jarArbitrary({ hosts: HOSTS, names: ['a', 'b'], stores: ['0', '1'] }, { maxLength: 14 }),
        domains,
        fc.constantFrom<Family>('chromium', 'firefox'),
        async (jar, asked, family) => {
          await fillJar(fake, jar);
          inFamily(family);
          expect(await keysOf(asked, '0')).toEqual(await perDomain(asked.map((d) => d.toLowerCase())));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('asks Chromium once for the whole store from four sites on, under each domain below that', async () => {
    inFamily('chromium');
    const getAll = vi.spyOn(fake.cookies, 'getAll');
    const sites = ['a.test', 'b.test', 'c.test', 'd.test', 'e.test'];
    expect(WHOLE_STORE_FROM).toBe(4);
    await getAllUnderDomains(sites.slice(0, 3), '0');
    expect(getAll.mock.calls.map(([d]) => d?.domain)).toEqual(['a.test', 'b.test', 'c.test']);
    getAll.mockClear();
    await getAllUnderDomains(sites, '0');
    expect(getAll.mock.calls.map(([d]) => d)).toEqual([{ storeId: '0', partitionKey: {} }]);
    getAll.mockClear();
    // The same site written twice counts once: three sites, three queries.
    await getAllUnderDomains(['a.test', '.A.test', 'b.test', 'c.test'], '0');
    expect(getAll.mock.calls.map(([d]) => d?.domain)).toEqual(['a.test', 'b.test', 'c.test']);
  });

  it('asks Firefox under each domain, however many', async () => {
    inFamily('firefox');
    const getAll = vi.spyOn(fake.cookies, 'getAll');
    const sites = Array.from({ length: 12 }, (_, i) => `s${i}.test`);
    await getAllUnderDomains(sites, 'firefox-container-1');
    expect(getAll.mock.calls.map(([d]) => d)).toEqual(
      sites.map((domain) => ({ domain, storeId: 'firefox-container-1', partitionKey: {} })),
    );
  });

  it('reads the whole store without a partition key where the browser knows none', async () => {
    inFamily('chromium');
    for (const host of ['a.test', 'b.test', 'c.test', 'd.test', 'e.test']) {
      await fake.cookies.set({ url: `https://${host}/`, name: 'n', value: host });
    }
    fake.cookies.rejectPartitionKey = true;
    const read = await getAllUnderDomains(['a.test', 'b.test', 'c.test', 'd.test']);
    expect(read.map((c) => c.value).sort()).toEqual(['a.test', 'b.test', 'c.test', 'd.test']);
  });
});
