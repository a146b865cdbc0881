import { createHmac } from 'node:crypto';
import { jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HOSTILE_TEXT,
  JWT_CLAIMS,
  JWT_SECRET,
  SESSION_SECRET,
  fixtureCookies,
  startSite,
  type RunningSite,
} from './test-site';

// The fixtures are what the suites claim they are, checked without a browser: the headers, the JWT's signature
// and claims, and express-session's signed id.
describe('test site', () => {
  let site: RunningSite;
  let cookies: Map<string, string>;

  beforeAll(async () => {
    site = await startSite('127.0.0.1', { parentDomain: 'sessionscope.localhost' });
    const res = await fetch(site.url('/'));
    cookies = new Map(res.headers.getSetCookie().map((h) => [h.slice(0, h.indexOf('=')), h]));
  });
  afterAll(() => site?.stop());

  const value = (name: string) => {
    const header = cookies.get(name) ?? '';
    return header.slice(name.length + 1, header.indexOf(';'));
  };

  it('sets every fixture cookie with its attributes', () => {
    expect([...cookies.keys()].sort()).toEqual(
      fixtureCookies()
        .map((c) => c.name)
        .sort(),
    );
    for (const f of fixtureCookies()) {
      const header = cookies.get(f.name)!.toLowerCase();
      expect(header.includes('; httponly'), `${f.name} HttpOnly`).toBe(f.httpOnly);
      expect(header.includes('; secure'), `${f.name} Secure`).toBe(f.secure);
      expect(header.includes('; domain='), `${f.name} Domain`).toBe(!f.hostOnly);
      expect(/; (max-age|expires)=/.test(header), `${f.name} expiry`).toBe(f.persistent);
      const sameSite = /; samesite=(\w+)/.exec(header)?.[1] ?? 'unspecified';
      expect(sameSite, `${f.name} SameSite`).toBe(f.sameSite);
    }
  });

  it('issues an HS256 JWT that verifies with the recorded secret and carries iat and exp', async () => {
    const { payload, protectedHeader } = await jwtVerify(value('jwt'), new TextEncoder().encode(JWT_SECRET));
    expect(protectedHeader.alg).toBe('HS256');
    expect(payload).toMatchObject(JWT_CLAIMS);
    expect(payload.exp! - payload.iat!).toBe(3600);
    await expect(jwtVerify(value('jwt_expired'), new TextEncoder().encode(JWT_SECRET))).rejects.toThrow(/exp/);
  });

  it("signs connect.sid with express-session's recorded secret", () => {
    const signed = decodeURIComponent(value('connect.sid'));
    const [, id, mac] = /^s:([^.]+)\.(.+)$/.exec(signed) ?? [];
    expect(id).toBeTruthy();
    const expected = createHmac('sha256', SESSION_SECRET).update(id!).digest('base64').replace(/=+$/, '');
    expect(mac).toBe(expected);
  });

  it('sends the hostile value raw and URL-encoded', () => {
    expect(value('xss')).toBe(HOSTILE_TEXT);
    expect(decodeURIComponent(value('xss_encoded'))).toBe(HOSTILE_TEXT);
  });

  it('sets, expires and churns cookies on demand', async () => {
    const set = await fetch(site.url('/set?n=a&v=b%20c&maxAge=5'));
    expect(set.headers.getSetCookie()).toEqual(['a=b%20c; Path=/; Max-Age=5']);
    const expired = await fetch(site.url('/set?n=a&expired=1'));
    expect(expired.headers.getSetCookie()[0]).toMatch(/^a=1; Path=\/; Expires=Thu, 01 Jan 1970/);
    const churn = await (await fetch(site.url('/churn?count=7&prefix=p_'))).text();
    expect(churn).toContain('"p_"');
    expect(churn).toMatch(/i < 7/);
  });
});
