import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeExpiry, formatDuration, formatRelative } from '../../../src/core/cookie/expiry';
import { cookieSize, formatBytes, utf8Size } from '../../../src/core/cookie/size';
import { cookieKey, onceEach } from '../../../src/core/cookie/cookie-key';
import { DAY } from '../../fakes/clock';

const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);

describe('expiry', () => {
  it('says "session" for session cookies', () => {
    expect(describeExpiry({ browserSession: true }, NOW)).toEqual({ kind: 'session' });
  });

  it('gives the absolute date and "in 13 days"', () => {
    const info = describeExpiry({ browserSession: false, expirationDate: (NOW + 13 * DAY + 5000) / 1000 }, NOW);
    expect(info).toMatchObject({ kind: 'expires', relative: 'in 13 days', expired: false });
    expect(info.kind === 'expires' && info.iso).toBe(new Date(NOW + 13 * DAY + 5000).toISOString());
  });

  it('says "expired 2 h ago" for a past expiry', () => {
    const info = describeExpiry({ browserSession: false, expirationDate: (NOW - 2 * 3600_000 - 10) / 1000 }, NOW);
    expect(info).toMatchObject({ kind: 'expires', relative: 'expired 2 h ago', expired: true });
  });

  it('treats an expiry beyond the calendar as no date rather than crashing', () => {
    expect(describeExpiry({ browserSession: false, expirationDate: 1e300 }, NOW)).toEqual({ kind: 'session' });
  });

  it.each([
    [500, 'less than a second'],
    [45_000, '45 s'],
    [90 * 60_000, '1 h'],
    [DAY, '1 day'],
    [400 * DAY, '1 year'],
  ])('formatDuration(%d) = %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('formats past times with a chosen prefix', () => {
    expect(formatRelative(NOW - 3 * 60_000, NOW, '')).toBe('3 min ago');
  });
});

describe('size', () => {
  it('counts name + value in UTF-8 bytes', () => {
    expect(cookieSize({ name: 'a', value: 'bc' })).toBe(3);
    expect(cookieSize({ name: 'é', value: '€' })).toBe(2 + 3);
  });

  it('counts UTF-8 bytes exactly as TextEncoder encodes any string, lone surrogates included', () => {
    const encoder = new TextEncoder();
    const units = fc.oneof(
      fc.integer({ min: 0, max: 0x7f }),
      fc.integer({ min: 0x80, max: 0x7ff }),
      fc.integer({ min: 0x800, max: 0xffff }),
      fc.integer({ min: 0xd800, max: 0xdfff }),
    );
    fc.assert(
      fc.property(fc.array(units, { maxLength: 40 }), (codes) => {
        const s = String.fromCharCode(...codes);
        expect(utf8Size(s)).toBe(encoder.encode(s).length);
      }),
      { numRuns: 2000 },
    );
    for (const s of ['', '\ud83d\ude00', '\ud83d', '\ude00', '\ude00\ud83d', 'a\ud83dz', '\ud83d\ud83d\ude00']) {
      expect(utf8Size(s)).toBe(encoder.encode(s).length);
    }
  });
  it('formats bytes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(4096)).toBe('4.0 KB');
  });
});

describe('cookieKey: identity is name + domain + path + storeId + partitionKey', () => {
  const base = { name: 'sid', domain: 'example.com', path: '/', storeId: '0' };
  it('differs when any part differs', () => {
    const keys = new Set([
      cookieKey(base),
      cookieKey({ ...base, name: 'sid2' }),
      cookieKey({ ...base, domain: '.example.com' }),
      cookieKey({ ...base, path: '/app' }),
      cookieKey({ ...base, storeId: '1' }),
      cookieKey({ ...base, partitionKey: { topLevelSite: 'https://a.test' } }),
      cookieKey({ ...base, partitionKey: { topLevelSite: 'https://a.test', hasCrossSiteAncestor: true } }),
    ]);
    expect(keys.size).toBe(7);
  });
  it('is the same for the same identity regardless of domain case', () => {
    expect(cookieKey({ ...base, domain: 'Example.COM' })).toBe(cookieKey(base));
  });
  it('cannot be forged by separators inside a name', () => {
    expect(cookieKey({ ...base, name: 'a","b' })).not.toBe(cookieKey({ ...base, name: 'a', domain: 'b' }));
  });
  it('keeps each identity of several lists once, as the first list that holds it gives it (onceEach)', () => {
    const a = { ...base, value: 'first' };
    const b = { ...base, path: '/app', value: 'b' };
    const again = { ...base, domain: 'EXAMPLE.com', value: 'second' };
    expect(onceEach([[a, b], [again], []])).toEqual([a, b]);
    expect(onceEach([[again], [a, a, b]])).toEqual([again, b]);
    expect(onceEach([])).toEqual([]);
  });
});
