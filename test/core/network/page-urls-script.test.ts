import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_FRAME_RESOURCES,
  MAX_PAGE_FRAMES,
  MAX_PAGE_ORIGINS,
  MAX_PAGE_URL_CHARS,
  pageUrlsOf,
  readPageUrlsInPage,
} from '../../../src/core/network/page-urls-script';

describe('pageUrlsOf: the frames’ answers, checked', () => {
  it('gives the http(s) origins of the frames and of what they loaded, each once, the top frame first', () => {
    const urls = pageUrlsOf([
      {
        href: 'http://top.localhost:8080/page?x=1',
        resources: ['http://top.localhost:8080', 'http://emb.localhost:8080'],
      },
      { href: 'http://emb.localhost:8080/frame', resources: ['https://cdn.example.net'] },
    ]);
    expect(urls).toEqual(['http://top.localhost:8080', 'http://emb.localhost:8080', 'https://cdn.example.net']);
  });

  it('skips what is not such an answer and never throws', () => {
    const hostile: unknown[] = [
      null,
      42,
      'http://string-frame.test/',
      { href: 123, resources: 'http://not-an-array.test/' },
      {
        href: 'javascript:alert(1)',
        resources: ['data:text/html,x', 'blob:http://b.test/1', 'about:blank', 'ws://w.test'],
      },
      { href: 'http://exa mple.com/', resources: [{ toString: () => 'http://object.test/' }, ['http://nested.test/']] },
      { href: `http://long.test/${'a'.repeat(MAX_PAGE_URL_CHARS)}`, resources: [undefined, null, 7] },
      { href: 'file:///etc/passwd' },
      { resources: ['http://only-resources.test/x'] },
    ];
    expect(pageUrlsOf(hostile)).toEqual(['http://only-resources.test']);
    expect(pageUrlsOf(undefined)).toEqual([]);
    expect(pageUrlsOf({ length: 3, 0: { href: 'http://a.test/' } })).toEqual([]);
    expect(pageUrlsOf('http://a.test/')).toEqual([]);
  });

  it('gives the origin only: no path, query, credentials or fragment of the page crosses over', () => {
    expect(pageUrlsOf([{ href: 'https://user:pw@Shop.Example.COM:443/a/b?token=secret#x', resources: [] }])).toEqual([
      'https://shop.example.com',
    ]);
  });

  it('is bounded: frames, resources per frame and origins in all', () => {
    const many = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `http://${prefix}${i}.test/`);
    // Frames past the bound are not read.
    const frames = many(MAX_PAGE_FRAMES + 10, 'f').map((href) => ({ href, resources: [] }));
    expect(pageUrlsOf(frames)).toHaveLength(MAX_PAGE_FRAMES);
    // Resources past the bound of one frame are not read.
    expect(pageUrlsOf([{ href: '', resources: many(MAX_FRAME_RESOURCES + 50, 'r') }])).toHaveLength(
      MAX_FRAME_RESOURCES,
    );
    // Origins past the bound of the whole page are dropped.
    const wide = Array.from({ length: 5 }, (_, f) => ({ href: '', resources: many(MAX_FRAME_RESOURCES, `w${f}-`) }));
    expect(pageUrlsOf(wide)).toHaveLength(MAX_PAGE_ORIGINS);
  });
});

describe('readPageUrlsInPage: the script that runs in each frame', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('answers the frame’s URL and its resources’ origins, cut and deduplicated, whatever the entries hold', async () => {
    vi.stubGlobal('location', { href: 'http://top.localhost/page' });
    vi.stubGlobal('performance', {
      getEntriesByType: (type: string) =>
        type === 'resource'
          ? [
              { name: 'http://emb.localhost/frame' },
              { name: 'http://emb.localhost/pixel.gif' },
              { name: 42 },
              { name: 'not a url' },
              {},
              { name: `https://cdn.test/${'x'.repeat(10_000)}` },
            ]
          : [],
    });
    expect(await readPageUrlsInPage(100, 2048, 1_000)).toEqual({
      href: 'http://top.localhost/page',
      resources: ['http://emb.localhost', 'https://cdn.test'],
    });
    // At most maxResources entries are looked at.
    expect(await readPageUrlsInPage(1, 2048, 1_000)).toEqual({
      href: 'http://top.localhost/page',
      resources: ['http://emb.localhost'],
    });
  });

  it('still answers when the page broke the APIs it reads', async () => {
    vi.stubGlobal('location', {
      get href(): string {
        throw new Error('opaque');
      },
    });
    vi.stubGlobal('performance', {
      getEntriesByType: () => {
        throw new Error('broken');
      },
    });
    expect(await readPageUrlsInPage(100, 2048, 1_000)).toEqual({ href: '', resources: [] });
  });

  it('answers a frame still loading at its load event, or after maxWaitMs when it never finishes', async () => {
    vi.useFakeTimers();
    const loads: Array<() => void> = [];
    const doc = { readyState: 'loading' };
    vi.stubGlobal('document', doc);
    vi.stubGlobal('addEventListener', (type: string, listener: () => void) => {
      if (type === 'load') loads.push(listener);
    });
    vi.stubGlobal('location', { href: 'http://top.localhost/' });
    const entries: Array<{ name: string }> = [];
    vi.stubGlobal('performance', { getEntriesByType: () => entries });

    /** The in-page read's answer once it comes. */
    const read = () => {
      const got: { answer?: unknown } = {};
      void readPageUrlsInPage(100, 2048, 5_000).then((a) => (got.answer = a));
      return got;
    };
    const first = read();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(first.answer).toBeUndefined();
    // The iframe is a resource entry once loaded, by the page's load event.
    entries.push({ name: 'http://emb.localhost/frame' });
    doc.readyState = 'complete';
    loads.forEach((l) => l());
    await vi.advanceTimersByTimeAsync(0);
    expect(first.answer).toEqual({ href: 'http://top.localhost/', resources: ['http://emb.localhost'] });

    // A page that never finishes loading still gets an answer.
    doc.readyState = 'interactive';
    const late = read();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(late.answer).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(late.answer).toEqual({ href: 'http://top.localhost/', resources: ['http://emb.localhost'] });
  });
});
