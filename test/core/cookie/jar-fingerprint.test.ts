import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CookieRecord } from '../../../src/core/cookie/cookie-record';
import { jarFingerprint } from '../../../src/core/cookie/jar-fingerprint';
import { makeCookie } from '../../fakes/make-cookie';

const jar = (): CookieRecord[] => [
  makeCookie({ name: 'sid', value: 's%3Aabc.def' }),
  makeCookie({ name: 'theme', value: 'dark', httpOnly: false }),
  makeCookie({ name: 'sid', value: 's%3Aabc.def', path: '/admin' }),
];

describe('jarFingerprint', () => {
  it('is the same for the same cookies in any order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: fc.string(), value: fc.string(), path: fc.string(), httpOnly: fc.boolean() }), {
          maxLength: 12,
        }),
        fc.infiniteStream(fc.nat()),
        (fields, picks) => {
          const cookies = fields.map((f) => makeCookie(f));
          const shuffled = [...cookies];
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = picks.next().value % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
          }
          expect(jarFingerprint(shuffled)).toBe(jarFingerprint(cookies));
        },
      ),
    );
  });

  it('changes with whatever a session reason is worked out from: identity, value, HttpOnly, a cookie more or less', () => {
    const base = jarFingerprint(jar());
    const changed: Array<(c: CookieRecord[]) => void> = [
      (c) => (c[0]!.value = 's%3Aabc.deg'),
      (c) => (c[0]!.httpOnly = false),
      (c) => (c[1]!.name = 'Theme'),
      (c) => (c[1]!.domain = '.example.com'),
      (c) => (c[2]!.path = '/'),
      (c) => (c[0]!.storeId = '1'),
      (c) => (c[0]!.partitionKey = { topLevelSite: 'https://example.com' }),
      (c) => c.pop(),
      (c) => c.push(makeCookie({ name: 'sid.sig', value: 'x' })),
      // The same two cookies with their values swapped: not the same jar.
      (c) => ([c[0]!.value, c[1]!.value] = [c[1]!.value, c[0]!.value]),
    ];
    const seen = new Set([base]);
    for (const change of changed) {
      const cookies = jar();
      change(cookies);
      const f = jarFingerprint(cookies);
      expect(f).not.toBe(base);
      seen.add(f);
    }
    expect(seen.size).toBe(changed.length + 1);
  });

  it('does not change with what no reason reads (Secure, SameSite, expiry)', () => {
    const cookies = jar().map((c) => ({ ...c, secure: false, sameSite: 'strict' as const, expirationDate: 2e9 }));
    expect(jarFingerprint(cookies)).toBe(jarFingerprint(jar()));
  });

  it('tells apart a value from the same characters split differently between name and value', () => {
    const a = makeCookie({ name: 'ab', value: 'c' });
    const b = makeCookie({ name: 'a', value: 'bc' });
    expect(jarFingerprint([a])).not.toBe(jarFingerprint([b]));
  });
});
