import { describe, expect, it } from 'vitest';
import type { CookieRecord } from '../../../src/core/cookie/cookie-record';
import { compareSetCookie, defaultPath } from '../../../src/core/network/compare-set-cookie';
import { makeCookie } from '../../fakes/make-cookie';

const NOW = Date.UTC(2026, 0, 1);
const URL_ = 'https://app.example.com/account/login';
const HARDENED = 'sid=abc; Path=/; Secure; HttpOnly; SameSite=Lax';
/** What Chromium stores for HARDENED from URL_. */
const stored = (over: Partial<CookieRecord> = {}) =>
  makeCookie({ name: 'sid', value: 'abc', domain: 'app.example.com', path: '/', ...over });
/** `header` as sent from `url` (URL_ by default) at NOW, against the store `jar`. */
const compare = (header: string, jar: CookieRecord[] = [], url = URL_) => compareSetCookie(header, url, jar, NOW);

describe('compareSetCookie', () => {
  it('kept: the store holds what the header asked for', () => {
    const r = compare(HARDENED, [stored()]);
    expect(r.outcome).toBe('kept');
    expect(r.changes).toEqual([]);
    expect(r.stored?.name).toBe('sid');
  });

  it('changed: lists each attribute that differs, and recognises the 400-day cap', () => {
    const header = 'sid=abc; Path=/; Secure; SameSite=wat; Max-Age=63072000';
    const s = stored({
      httpOnly: true,
      sameSite: 'unspecified',
      browserSession: false,
      expirationDate: (NOW + 400 * 86_400_000) / 1000,
    });
    const r = compare(header, [s]);
    expect(r.outcome).toBe('changed');
    expect(r.changes.map((c) => c.attribute)).toEqual(['httpOnly', 'expires']);
    expect(r.changes[1]!.note).toMatch(/400 days/);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['samesite-invalid']);
  });

  it('changed: a later write overwrote the value', () => {
    const r = compare(HARDENED, [stored({ value: 'x' })]);
    expect(r.changes).toEqual([{ attribute: 'value', sent: 'abc', stored: 'x', note: 'overwritten since' }]);
  });

  it('rejected: every reason, from the rules and from the storage model', () => {
    const r = compare('__Host-sid=abc; SameSite=None; Domain=other.test');
    expect(r.outcome).toBe('rejected');
    expect(r.reasons.map((x) => x.id).sort()).toEqual([
      'domain-mismatch',
      'rejected-host-prefix',
      'rejected-samesite-none-insecure',
    ]);
  });

  it("a rule's reason says why the browser refuses the header, and what in this header", () => {
    const r = compare('__Host-sid=abc; Path=/; Secure; Domain=app.example.com');
    expect(r.reasons).toEqual([
      {
        id: 'rejected-host-prefix',
        detail:
          'A cookie named __Host-… must be set with Secure, Path=/ and no Domain, so the browser rejects this one. ' +
          'This header: Domain=app.example.com.',
      },
    ]);
  });

  it.each<[string, string, string]>([
    ['a public-suffix Domain', 'sid=1; Domain=co.uk', 'domain-public-suffix'],
    ['a sibling Domain', 'sid=1; Domain=www.example.com', 'domain-mismatch'],
    ['control characters', 'sid=a\u0007b', 'rejected-control-chars'],
    ['nothing at all', '=', 'empty'],
  ])('rejected: %s', (_what, header, id) => {
    const url = id === 'domain-public-suffix' ? 'https://a.example.co.uk/' : URL_;
    expect(compare(header, [], url).reasons.map((x) => x.id)).toEqual([id]);
  });

  it('a parent Domain is accepted and stored as a domain cookie', () => {
    const s = stored({
      domain: '.example.com',
      hostOnly: false,
      secure: false,
      httpOnly: false,
      sameSite: 'unspecified',
    });
    expect(compare('sid=abc; Domain=.EXAMPLE.com; Path=/', [s]).outcome).toBe('kept');
  });

  it('rejected: plain HTTP may not overwrite a Secure cookie of the same name (RFC 6265bis §5.7)', () => {
    const r = compare('sid=evil; Path=/', [stored()], 'http://app.example.com/');
    expect(r.outcome).toBe('rejected');
    expect(r.reasons.map((x) => x.id)).toEqual(['secure-cookie-exists']);
  });

  it('secure-from-http is a rejection', () => {
    const r = compare('sid=abc; Secure', [], 'http://app.example.com/');
    expect(r.reasons.map((x) => x.id)).toEqual(['secure-from-http']);
  });

  it('deleted: an expiry in the past removes the cookie; a leftover is reported', () => {
    expect(compare('sid=; Path=/; Max-Age=0', [stored()])).toMatchObject({
      outcome: 'deleted',
      stored: { name: 'sid' },
    });
    expect(compare('sid=; Expires=Thu, 01 Jan 1970 00:00:00 GMT').outcome).toBe('deleted');
  });

  it('missing: acceptable, yet not stored; the default path comes from the response URL', () => {
    expect(compare('sid=abc', [stored()])).toMatchObject({
      outcome: 'missing',
      expected: { path: '/account' },
    });
  });

  it('a bad response URL is a rejection, never a throw', () => {
    expect(compare('a=1', [], 'nope').reasons.map((x) => x.id)).toEqual(['bad-url']);
  });

  it.each([
    ['', '/'],
    ['/', '/'],
    ['/a', '/'],
    ['/a/b', '/a'],
    ['/a/b/', '/a/b'],
    ['x', '/'],
  ])('default path of %j is %j', (p, expected) => {
    expect(defaultPath(p)).toBe(expected);
  });
});
