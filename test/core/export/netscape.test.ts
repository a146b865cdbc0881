import { describe, expect, it } from 'vitest';
import { cookieKey } from '../../../src/core/cookie/cookie-key';
import { cookieBase, cookieFlags, type CookieRecord } from '../../../src/core/cookie/cookie-record';
import { storedDomain } from '../../../src/core/cookie/stored-domain';
import { parseNetscape, writeNetscape } from '../../../src/core/export/netscape';
import { makeCookie } from '../../fakes/make-cookie';
import { expectRoundTrip } from './for-any-cookies';

const OPTS = { storeId: 'target' };

/** What cookies.txt keeps of a cookie: everything but SameSite, the partition and the store; whole seconds. */
function kept(c: CookieRecord): CookieRecord {
  const out: CookieRecord = {
    ...cookieBase(c),
    ...cookieFlags(c),
    domain: storedDomain(c.domain, c.hostOnly),
    sameSite: 'unspecified',
    browserSession: c.browserSession,
    storeId: 'target',
  };
  if (!c.browserSession) out.expirationDate = Math.max(1, Math.floor(c.expirationDate!));
  return out;
}

describe('Netscape cookies.txt', () => {
  it('round-trips any cookie, keeping exactly name, value, domain, subdomains, path, Secure, HttpOnly, expiry (whole seconds)', () => {
    expectRoundTrip((cookies) => parseNetscape(writeNetscape(cookies).text, OPTS), kept);
  });

  it('writes the columns curl reads: #HttpOnly_, TRUE/FALSE, TAB-separated, header line', () => {
    const text = writeNetscape([
      makeCookie({ name: 'sid', value: 'a', domain: '.example.com', hostOnly: false, httpOnly: true }),
      makeCookie({
        name: 'p',
        value: 'b',
        domain: 'www.example.com',
        path: '/app',
        secure: false,
        httpOnly: false,
        browserSession: false,
        expirationDate: 1893456000.75,
      }),
    ]).text;
    const lines = text.split('\n');
    expect(lines[0]).toBe('# Netscape HTTP Cookie File');
    expect(lines).toContain('#HttpOnly_.example.com\tTRUE\t/\tTRUE\t0\tsid\ta');
    expect(lines).toContain('www.example.com\tFALSE\t/app\tFALSE\t1893456000\tp\tb');
  });

  it('regression: session cookies are exported with expiry 0, never as persistent', () => {
    const line = writeNetscape([makeCookie({ browserSession: true })])
      .text.split('\n')
      .find((l) => l.includes('pref'));
    expect(line?.split('\t')[4]).toBe('0');
    expect(parseNetscape(writeNetscape([makeCookie()]).text, OPTS).cookies[0]?.browserSession).toBe(true);
  });

  it('regression: import keeps the expiry', () => {
    const r = parseNetscape('.example.com\tTRUE\t/\tFALSE\t1893456000\tk\tv\n', OPTS);
    expect(r.cookies[0]).toMatchObject({ browserSession: false, expirationDate: 1893456000 });
  });

  it('regression: "=" and spaces in a value survive (only TAB separates fields)', () => {
    const value = 'a=b==; c d';
    const r = parseNetscape(writeNetscape([makeCookie({ value: 'a=b== c d' })]).text, OPTS);
    expect(r.cookies[0]?.value).toBe('a=b== c d');
    expect(parseNetscape(`x.test\tFALSE\t/\tFALSE\t0\tk\t${value}`, OPTS).cookies[0]?.value).toBe(value);
  });

  it('regression: the same name on two paths is two cookies, both written and read back', () => {
    const cookies = [makeCookie({ name: 'id', path: '/' }), makeCookie({ name: 'id', path: '/admin', value: 'w' })];
    const back = parseNetscape(writeNetscape(cookies).text, OPTS).cookies;
    expect(back).toHaveLength(2);
    expect(new Set(back.map(cookieKey)).size).toBe(2);
    expect(back.map((c) => [c.path, c.value])).toEqual([
      ['/', 'v'],
      ['/admin', 'w'],
    ]);
  });

  it('says what the format cannot carry: SameSite, Partitioned, several stores', () => {
    const r = writeNetscape([
      makeCookie({ sameSite: 'strict' }),
      makeCookie({ name: 'c', partitionKey: { topLevelSite: 'https://a.test' }, storeId: '1' }),
    ]);
    expect(r.notRepresented.join('\n')).toMatch(/SameSite of 2 cookies/);
    expect(r.notRepresented.join('\n')).toMatch(/partition of 1 cookie/);
    expect(r.notRepresented.join('\n')).toMatch(/2 stores/);
  });

  it('leaves out (and says so) a cookie whose value would break the line', () => {
    const r = writeNetscape([makeCookie({ value: 'a\tb' }), makeCookie({ name: 'ok' })]);
    expect(r.count).toBe(1);
    expect(r.notRepresented.join()).toMatch(/1 cookie left out/);
  });

  it('reads a six-field line as an empty value, CRLF line ends, and skips comments', () => {
    const r = parseNetscape('# comment\r\n\r\nx.test\tFALSE\t/\tFALSE\t0\tempty\r\n', OPTS);
    expect(r.problems).toEqual([]);
    expect(r.cookies).toEqual([expect.objectContaining({ name: 'empty', value: '', domain: 'x.test' })]);
  });

  it('gives each bad line its reason and keeps reading', () => {
    const r = parseNetscape(
      [
        'x.test\tMAYBE\t/\tFALSE\t0\ta\t1',
        'x.test\tFALSE\t/\tFALSE\tsoon\ta\t1',
        'x.test FALSE / FALSE 0 a 1',
        'x.test\tFALSE\tnoslash\tFALSE\t0\ta\t1',
        'x.test\tFALSE\t/\tFALSE\t0\tgood\t1',
      ].join('\n'),
      OPTS,
    );
    expect(r.cookies.map((c) => c.name)).toEqual(['good']);
    expect(r.problems.map((p) => p.where)).toEqual(['line 1', 'line 2', 'line 3', 'line 4']);
    expect(r.problems[0]?.reason).toMatch(/TRUE or FALSE/);
    expect(r.problems[1]?.reason).toMatch(/Unix seconds/);
    expect(r.problems[2]?.reason).toMatch(/7 fields/);
  });

  it('is linear: a 4 MB file of lines parses fast, and the cookie count is capped', () => {
    const line = 'x.test\tFALSE\t/\tFALSE\t0\tk\tv\n';
    const text = line.repeat(150_000);
    const t0 = performance.now();
    const r = parseNetscape(text, OPTS);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.cookies).toHaveLength(5000);
    expect(r.problems[0]?.reason).toMatch(/more than 5000 cookies/);
  });
});
