import { describe, expect, it } from 'vitest';
import type { CookieRecord } from '../../../src/core/cookie/cookie-record';
import {
  bySite,
  cookiesPerView,
  otherPartitionsOnly,
  pagePartitionsOnly,
  thirdPartySites,
} from '../../../src/core/cookie/third-party';
import { embedChip } from '../../fakes/embed-cookies';
import { cookieInPartition, makeCookie } from '../../fakes/make-cookie';

const id = (c: CookieRecord) => c;
const names = (list: readonly CookieRecord[]) => list.map((c) => c.name);

describe('thirdPartySites', () => {
  it('lists the other registrable domains the page talked to, once each, in the order first seen', () => {
    const sites = thirdPartySites('www.shop.example', [
      'https://www.shop.example/app.js',
      'https://cdn.tracker.test/p.gif',
      'https://api.shop.example/me',
      'https://ads.tracker.test/x',
      'http://emb.localhost:8080/frame',
      'https://shop.example.co.uk/',
    ]);
    expect(sites).toEqual(['tracker.test', 'emb.localhost', 'example.co.uk']);
  });

  it('counts each *.localhost name as its own site, and leaves out non-http URLs and the page itself', () => {
    const sites = thirdPartySites('top.localhost', [
      'data:text/plain,hi',
      'blob:http://top.localhost/1',
      'chrome-extension://abc/x.js',
      'http://top.localhost/a',
      'http://emb.localhost/b',
      'not a url',
    ]);
    expect(sites).toEqual(['emb.localhost']);
  });

  it('stops at the bound however many hosts the page requested from', () => {
    const urls = Array.from({ length: 5000 }, (_, i) => `https://h${i}.site${i}.test/`);
    expect(thirdPartySites('page.test', urls, 60)).toHaveLength(60);
  });
});

describe('cookiesPerView', () => {
  const page = 'http://top.localhost/';
  const own = makeCookie({ name: 'own', domain: 'top.localhost' });
  const ownOnSub = makeCookie({ name: 'ownSub', domain: '.top.localhost', hostOnly: false });
  const ownPartitioned = cookieInPartition('http://top.localhost', { name: 'ownChip', domain: 'top.localhost' });
  const ownEmbeddedElsewhere = cookieInPartition('http://other.localhost', {
    name: 'ownAsEmbed',
    domain: 'top.localhost',
  });
  const thirdChip = embedChip('http://top.localhost');
  const thirdChipElsewhere = embedChip('http://news.localhost', { name: 'chipElsewhere' });
  const thirdPlain = makeCookie({ name: 'tp', domain: '.emb.localhost', hostOnly: false });
  const unrelated = makeCookie({ name: 'nobody', domain: 'far.localhost' });
  const all = [
    own,
    ownOnSub,
    ownPartitioned,
    ownEmbeddedElsewhere,
    thirdChip,
    thirdChipElsewhere,
    thirdPlain,
    unrelated,
  ];

  it("splits the page's cookies from the third parties', keeping only partitions keyed to the page's site", () => {
    const v = cookiesPerView(page, ['emb.localhost'], all, id);
    expect(names(v['this-site'])).toEqual(['own', 'ownSub', 'ownChip']);
    expect(names(v['third-parties'])).toEqual(['chip', 'tp']);
    expect(names(v.all)).toEqual(['own', 'ownSub', 'ownChip', 'chip', 'tp']);
  });

  it('shows no third party the page did not talk to', () => {
    const v = cookiesPerView(page, [], all, id);
    expect(v['third-parties']).toEqual([]);
    expect(names(v.all)).toEqual(names(v['this-site']));
  });

  it('compares partitions by scheme and site: an https partition of the same name is another site', () => {
    const httpsChip = cookieInPartition('https://top.localhost', { name: 's', domain: 'emb.localhost' });
    const v = cookiesPerView(page, ['emb.localhost'], [httpsChip], id);
    expect(v.all).toEqual([]);
    expect(names(cookiesPerView('https://www.top.localhost/x', ['emb.localhost'], [httpsChip], id).all)).toEqual(['s']);
  });

  it("treats a partitioned cookie without a top-level site as nobody's", () => {
    const odd = makeCookie({ name: 'odd', domain: 'emb.localhost', partitionKey: {} });
    expect(cookiesPerView(page, ['emb.localhost'], [odd], id).all).toEqual([]);
  });

  it('works on any item that carries a cookie (the analysed rows)', () => {
    const rows = [{ cookie: thirdPlain }, { cookie: own }];
    const v = cookiesPerView(page, ['emb.localhost'], rows, (r) => r.cookie);
    expect(v['this-site']).toEqual([rows[1]]);
    expect(v['third-parties']).toEqual([rows[0]]);
  });
});

describe('bySite', () => {
  it('groups cookies by their registrable domain', () => {
    const a = makeCookie({ name: 'a', domain: '.x.tracker.test', hostOnly: false });
    const b = makeCookie({ name: 'b', domain: 'emb.localhost' });
    const c = makeCookie({ name: 'c', domain: 'tracker.test' });
    const groups = bySite([a, b, c], id);
    expect([...groups.keys()]).toEqual(['tracker.test', 'emb.localhost']);
    expect(names(groups.get('tracker.test')!)).toEqual(['a', 'c']);
  });
});

describe('pagePartitionsOnly', () => {
  it("keeps unpartitioned cookies and those partitioned under the page's site, whatever their domain", () => {
    const plain = makeCookie({ name: 'plain' });
    const here = makeCookie({ name: 'here', partitionKey: { topLevelSite: 'https://example.com' } });
    const there = makeCookie({ name: 'there', partitionKey: { topLevelSite: 'https://other.example' } });
    expect(names(pagePartitionsOnly('https://app.example.com/x', [plain, here, there]))).toEqual(['plain', 'here']);
  });
});

describe('otherPartitionsOnly', () => {
  it('keeps the cookies partitioned under another top-level site: what pagePartitionsOnly leaves out, in order', () => {
    const cookies = [
      makeCookie({ name: 'plain' }),
      makeCookie({ name: 'there', partitionKey: { topLevelSite: 'https://other.example' } }),
      makeCookie({ name: 'here', partitionKey: { topLevelSite: 'https://example.com' } }),
      // Another scheme is another site; a key without a site is no page's partition.
      makeCookie({ name: 'http', partitionKey: { topLevelSite: 'http://example.com' } }),
      makeCookie({ name: 'nosite', partitionKey: {} }),
    ];
    const page = 'https://app.example.com/x';
    expect(names(otherPartitionsOnly(page, cookies))).toEqual(['there', 'http', 'nosite']);
    const both = [...pagePartitionsOnly(page, cookies), ...otherPartitionsOnly(page, cookies)];
    expect(names(both).sort()).toEqual(names(cookies).sort());
  });
});
