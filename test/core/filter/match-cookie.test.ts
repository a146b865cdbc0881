import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CookieView } from '../../../src/core/analyze-site';
import type { Finding, Severity } from '../../../src/core/audit/finding';
import type { CookieRecord } from '../../../src/core/cookie/cookie-record';
import { cookieKey } from '../../../src/core/cookie/cookie-key';
import { describeExpiry } from '../../../src/core/cookie/expiry';
import { opaque } from '../../../src/core/decode/decoded-value';
import { compileFilter, matchCookie, narrows, queryKey } from '../../../src/core/filter/match-cookie';
import { parseFilter } from '../../../src/core/filter/parse-filter';
import { decodedFor } from '../audit/audited';
import { DAY, NOW } from '../../fakes/clock';
import { makeCookie } from '../../fakes/make-cookie';
import { makeJwt } from '../../fakes/make-jwt';

function finding(ruleId: string, severity: Severity): Finding {
  return { ruleId, severity, explanation: 'x.', fix: 'y.', source: 'z' };
}

function view(over: Partial<CookieRecord> = {}, findings: Finding[] = [], session = false): CookieView {
  const cookie = makeCookie(over);
  return {
    key: cookieKey(cookie),
    cookie,
    size: cookie.name.length + cookie.value.length,
    expiry: describeExpiry(cookie, NOW),
    sessionReason: session ? { kind: 'name', detail: 'test' } : null,
    decoded: over.value ? decodedFor(over.value) : opaque(),
    findings,
  };
}

const inDays = (d: number) => ({ browserSession: false, expirationDate: (NOW + d * DAY) / 1000 });

const sid = view({ name: '__Host-sid', value: 'AbC123', path: '/' }, [finding('samesite-none', 'medium')], true);
const theme = view({ name: 'theme', value: 'dark mode', domain: '.example.com', hostOnly: false, httpOnly: false });
const jwt = view(
  { name: 'token', value: makeJwt({ sub: '1' }, { header: { alg: 'HS256' } }), secure: false, ...inDays(3) },
  [finding('jwt-no-exp', 'medium'), finding('session-secure-missing', 'high')],
  true,
);
const chips = view({
  name: 'embed',
  sameSite: 'no_restriction',
  partitionKey: { topLevelSite: 'https://top.test' },
  path: '/api',
  ...inDays(400),
});
const ALL = [sid, theme, jwt, chips];

function names(text: string): string[] {
  const { query, errors } = parseFilter(text);
  expect(errors).toEqual([]);
  return ALL.filter((v) => matchCookie(query, v, NOW)).map((v) => v.cookie.name);
}

describe('matchCookie', () => {
  it.each<[string, string[]]>([
    ['', ['__Host-sid', 'theme', 'token', 'embed']],
    ['sid', ['__Host-sid']],
    ['EXAMPLE', ['__Host-sid', 'theme', 'token', 'embed']],
    ['abc123', ['__Host-sid']],
    ['name:"o" -name:token', ['__Host-sid']],
    ['value:"dark mode"', ['theme']],
    ['-domain:app.', ['theme']],
    ['path:/api', ['embed']],
    ['flag:httponly', ['__Host-sid', 'token', 'embed']],
    ['-flag:httponly', ['theme']],
    ['-flag:secure', ['token']],
    ['flag:hostonly', ['__Host-sid', 'token', 'embed']],
    ['flag:persistent', ['token', 'embed']],
    ['samesite:none', ['embed']],
    ['samesite:lax', ['__Host-sid', 'theme', 'token']],
    ['partitioned:yes', ['embed']],
    ['partitioned:no', ['__Host-sid', 'theme', 'token']],
    ['session:yes', ['__Host-sid', 'token']],
    ['session:yes -flag:secure', ['token']],
    ['has:finding', ['__Host-sid', 'token']],
    ['-has:finding', ['theme', 'embed']],
    ['has:jwt', ['token']],
    ['has:expiry', ['token', 'embed']],
    ['severity>=high', ['token']],
    ['severity>=medium', ['__Host-sid', 'token']],
    ['severity:medium', ['__Host-sid', 'token']],
    ['severity<medium', []],
    ['severity>medium', ['token']],
    ['rule:samesite-none', ['__Host-sid']],
    ['rule:jwt-no-exp', ['token']],
    ['expires<1w', ['token']],
    ['expires>1w', ['embed']],
    ['expires<1s', []],
  ])('%s → %j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it('an empty query matches every cookie, and negating a term matches exactly the complement', () => {
    const terms = ['sid', 'flag:secure', 'samesite:lax', 'has:finding', 'severity>=high', 'expires<1w'];
    fc.assert(
      fc.property(fc.constantFrom(...terms), fc.constantFrom(...ALL), (t, v) => {
        const plain = matchCookie(parseFilter(t).query, v, NOW);
        const negated = matchCookie(parseFilter(`-${t}`).query, v, NOW);
        expect(negated).toBe(!plain);
      }),
    );
  });

  it('AND: a query matches exactly the cookies every one of its terms matches', () => {
    const terms = ['sid', 'flag:secure', '-samesite:lax', 'has:finding', 'expires>1d', 'session:yes'];
    fc.assert(
      fc.property(fc.subarray(terms), fc.constantFrom(...ALL), (picked, v) => {
        const together = matchCookie(parseFilter(picked.join(' ')).query, v, NOW);
        expect(together).toBe(picked.every((t) => matchCookie(parseFilter(t).query, v, NOW)));
      }),
    );
  });

  it('searches literally: regular-expression characters in the text match themselves', () => {
    const odd = view({ name: 'a.b(c)[d]*', value: '$^' });
    expect(matchCookie(parseFilter('"(c)[d]*"').query, odd, NOW)).toBe(true);
    expect(matchCookie(parseFilter('a.b').query, view({ name: 'axb' }), NOW)).toBe(false);
    expect(matchCookie(parseFilter('$^').query, odd, NOW)).toBe(true);
  });

  it('filters 10,000 cookies with 4 KB values about as fast as a bare substring search, once warm', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => view({ name: `c${i}`, value: 'x'.repeat(4000) + i }));
    const match = compileFilter(parseFilter('zz -flag:secure').query);
    const median = (run: () => unknown) => {
      const times: number[] = [];
      for (let k = 0; k < 5; k++) {
        const t0 = performance.now();
        run();
        times.push(performance.now() - t0);
      }
      return times.sort((a, b) => a - b)[2]!;
    };
    expect(rows.filter((v) => match(v, NOW))).toEqual([]); // the first keystroke builds the lower-cased copies
    const ours = median(() => rows.filter((v) => match(v, NOW)));
    const bare = median(() =>
      rows.filter(
        (v) => v.cookie.name.includes('zz') || v.cookie.domain.includes('zz') || v.cookie.value.includes('zz'),
      ),
    );
    // A ratio, not a time: the machine running the tests may be busy.
    expect(ours).toBeLessThan(bare * 3 + 5);
  });
});

describe('narrows and queryKey (the panel filters a narrower query from the last result)', () => {
  const q = (text: string) => parseFilter(text).query;

  it('says typing on at the end of a free-text term, or adding a term, narrows; anything else does not', () => {
    expect(narrows(q('pre'), q('pref'))).toBe(true);
    expect(narrows(q('name:se'), q('name:sess'))).toBe(true);
    expect(narrows(q('flag:secure'), q('flag:secure sid'))).toBe(true);
    expect(narrows(q(''), q('anything'))).toBe(true);
    // Erasing widens; another field, a negated term or another test is not a narrowing.
    expect(narrows(q('pref'), q('pre'))).toBe(false);
    expect(narrows(q('name:se'), q('value:sess'))).toBe(false);
    expect(narrows(q('-pre'), q('-pref'))).toBe(false);
    expect(narrows(q('flag:secure'), q('flag:httponly'))).toBe(false);
    expect(narrows(q('a b'), q('a'))).toBe(false);
  });

  it('keys a query by what it tests, not where its terms stand in the text', () => {
    expect(queryKey(q('name:sid  flag:secure'))).toBe(queryKey(q(' name:sid flag:secure')));
    expect(queryKey(q('name:sid'))).not.toBe(queryKey(q('value:sid')));
  });

  it('never loses a row: whatever matches the narrower query matches the wider one', () => {
    const name = fc.stringMatching(/^[a-c_]{0,6}$/);
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 30 }), name, name, (names, a, b) => {
        const wide = q(a);
        const narrow = q(`${a}${b}`);
        if (!narrows(wide, narrow)) return;
        const views = names.map((n) => view({ name: n || 'x' }));
        for (const v of views) if (matchCookie(narrow, v, NOW)) expect(matchCookie(wide, v, NOW)).toBe(true);
      }),
    );
  });
});
