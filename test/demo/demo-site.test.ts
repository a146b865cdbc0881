import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { jwtVerify } from 'jose';
import { startDemoSite, type RunningDemoSite } from '../../demo/demo-site';
import { DEMO_JWT_SECRET, DEMO_PASSWORD, DEMO_SESSION_SECRET, DEMO_USER } from '../../demo/demo-constants';
import { WEAK_SECRETS } from '../../src/core/verify/weak-secrets';

/**
 * The demo shop against real express-session and jsonwebtoken: each weakness `npm start` announces is really there.
 * Checked from the outside (raw Set-Cookie headers, jose, node:crypto), never with the site's own helpers.
 */

const PARENT = 'demo.localhost';
let site: RunningDemoSite;

beforeAll(async () => {
  site = await startDemoSite('127.0.0.1', 0, { parentDomain: PARENT });
});
afterAll(() => site.stop());

function setCookie(res: Response, name: string): string | undefined {
  return res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
}

function pair(header: string | undefined): string {
  if (!header) throw new Error('no such Set-Cookie');
  return header.slice(0, header.indexOf(';'));
}

const valueOf = (cookiePair: string): string => decodeURIComponent(cookiePair.slice(cookiePair.indexOf('=') + 1));

/** A first visit: the session and csrf cookies a browser would hold before logging in. */
async function visit(): Promise<{ res: Response; sid: string; csrf: string; jar: string }> {
  const res = await fetch(site.url('/'));
  const sid = pair(setCookie(res, 'connect.sid'));
  const csrf = pair(setCookie(res, 'csrf_token'));
  return { res, sid, csrf, jar: `${sid}; ${csrf}` };
}

function login(jar: string, csrf: string, password = DEMO_PASSWORD): Promise<Response> {
  return fetch(site.url('/login'), {
    method: 'POST',
    headers: { cookie: jar },
    body: new URLSearchParams({ csrf: valueOf(csrf), user: DEMO_USER, password }),
  });
}

describe('the demo shop', () => {
  it('gives every visitor an express-session cookie with HttpOnly but neither Secure nor SameSite', async () => {
    const { res } = await visit();
    expect(res.status).toBe(200);
    const header = setCookie(res, 'connect.sid') ?? '';
    expect(header).toMatch(/; HttpOnly/i);
    expect(header).not.toMatch(/; Secure/i);
    expect(header).not.toMatch(/; SameSite/i);
  });

  it('signs connect.sid with a secret from the dictionary', async () => {
    const { sid } = await visit();
    // express-session's format: s:<id>.<base64 HMAC-SHA256 of the id, without padding>.
    const match = /^s:([^.]+)\.(.+)$/.exec(valueOf(sid));
    expect(match).not.toBeNull();
    const [, id, signature] = match ?? [];
    const expected = createHmac('sha256', DEMO_SESSION_SECRET)
      .update(id ?? '')
      .digest('base64')
      .replace(/=+$/, '');
    expect(signature).toBe(expected);
    expect(WEAK_SECRETS).toContain(DEMO_SESSION_SECRET);
  });

  it('sets a csrf cookie without SameSite', async () => {
    const { res } = await visit();
    const header = setCookie(res, 'csrf_token') ?? '';
    expect(header).toMatch(/^csrf_token=[0-9a-f]{32}; Path=\/$/);
  });

  it('refuses a wrong password and a stale form', async () => {
    const { jar, csrf } = await visit();
    expect((await login(jar, csrf, 'nope')).status).toBe(401);
    expect((await login(jar, 'csrf_token=forged')).status).toBe(403);
  });

  it('keeps the pre-login session id through login (fixation) and hands out a JWT signed with "secret"', async () => {
    const { jar, sid, csrf } = await visit();
    const res = await login(jar, csrf);
    expect(res.status).toBe(200);
    // No new session id is issued at login ...
    expect(setCookie(res, 'connect.sid')).toBeUndefined();
    // ... so the id from before login is now the logged-in session.
    const { token } = (await res.json()) as { token: string };
    const me = await fetch(site.url('/api/me'), { headers: { cookie: sid, authorization: `Bearer ${token}` } });
    expect(await me.json()).toMatchObject({ user: DEMO_USER, sessionUser: DEMO_USER });

    const { payload, protectedHeader } = await jwtVerify(token, new TextEncoder().encode(DEMO_JWT_SECRET));
    expect(protectedHeader.alg).toBe('HS256');
    expect(payload.sub).toBe(DEMO_USER);
    // Seven days: well past an access token's usual life.
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(7 * 86_400);
    expect(WEAK_SECRETS).toContain(DEMO_JWT_SECRET);
  });

  it('sets the sso cookie on the parent domain at login', async () => {
    const { jar, csrf } = await visit();
    const header = setCookie(await login(jar, csrf), 'sso_session') ?? '';
    expect(header).toContain(`; Domain=${PARENT}`);
    expect(header).toMatch(/; HttpOnly; Secure; SameSite=Lax$/);
  });

  it('answers /api/me only to a valid bearer token', async () => {
    expect((await fetch(site.url('/api/me'))).status).toBe(401);
    const forged = await fetch(site.url('/api/me'), { headers: { authorization: 'Bearer a.b.c' } });
    expect(forged.status).toBe(401);
  });

  it('forgets the user at logout but keeps the session id', async () => {
    const { jar, sid, csrf } = await visit();
    const { token } = (await (await login(jar, csrf)).json()) as { token: string };
    const out = await fetch(site.url('/logout'), { method: 'POST', headers: { cookie: sid } });
    expect(setCookie(out, 'connect.sid')).toBeUndefined();
    expect(setCookie(out, 'sso_session')).toMatch(/^sso_session=; .*Max-Age=0/);
    const me = await fetch(site.url('/api/me'), { headers: { cookie: sid, authorization: `Bearer ${token}` } });
    expect(await me.json()).toMatchObject({ sessionUser: null });
  });
});
