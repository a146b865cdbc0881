import type express from 'express';
import { sendPage } from './send-page';
import { serveSite, type ServedSite, siteApp } from './serve-site';
import { signJwt, unsecuredJwt } from '../../fakes/make-jwt';

/**
 * The site the audit suites browse: `GET /` sets one cookie per weakness issue 3 names, plus one clean cookie.
 * Values are fixed (tokens are made per start, their times relative to now) so a test can say which value must
 * never show up in a redacted report. What the audit must find is written in the suites, not here.
 */

/** Long and random, and so in no weak-secret dictionary: the token's only weakness must be its missing `exp`. */
export const AUDIT_JWT_SECRET = 'd1f0c7a95e2b4c8391a6f3e5b7d2c9048e1a6b3f5c7d9e0a2b4c6d8e0f1a3b5c';

export const SESSIONID_VALUE = 'k3v9q2m8x7w1z5r4t6y0p2n8b4c7d1f3';
export const SSO_VALUE = 'A7f3K9q2Lx8Zm4Pw1Rt6Vy0Bn5Cd2Eh8';
export const CSRF_VALUE = 'Q4w8E2r6T0y3U7i1O5p9A2s6D0f4G8h2';
export const LANG_VALUE = 'en-GB';

/**
 * The host the browser suites open the site on, and its parent for the Domain cookie. `*.localhost` names resolve
 * to loopback in Chromium without DNS (Firefox needs `network.dns.localDomains`), keep Secure cookies over http,
 * and let the page set a Domain cookie on the parent.
 */
export const AUDIT_HOST = 'app.audit.localhost';
export const AUDIT_PARENT = 'audit.localhost';

export interface AuditSiteOptions {
  /** The parent domain of the page host for the too-broad Domain cookie; omitted on an IP address. */
  parentDomain?: string;
}

export interface AuditCookies {
  /** Cookie name → the exact value `GET /` sent. */
  values: Map<string, string>;
}

function unsignedJwt(): string {
  const now = Math.floor(Date.now() / 1000);
  return unsecuredJwt({ sub: 'user-7', iat: now, exp: now + 3600 });
}

function jwtWithoutExp(): Promise<string> {
  return signJwt({ sub: 'user-7', scope: 'read', iat: Math.floor(Date.now() / 1000) }, AUDIT_JWT_SECRET);
}

export function createAuditApp(options: AuditSiteOptions, sent: AuditCookies): express.Express {
  const app = siteApp();
  app.get('/', async (_req, res) => {
    const cookies: Array<[string, string, string]> = [
      // The insecure session cookie: neither HttpOnly nor Secure, no SameSite.
      ['sessionid', SESSIONID_VALUE, 'Path=/'],
      // JWTs in hardened cookies, so the token itself is what is wrong.
      ['id_token', unsignedJwt(), 'Path=/; HttpOnly; Secure; SameSite=Strict'],
      ['access_token', await jwtWithoutExp(), 'Path=/; HttpOnly; Secure; SameSite=Strict'],
      // An anti-CSRF token must be readable by scripts; only its missing SameSite is wrong.
      ['csrftoken', CSRF_VALUE, 'Path=/'],
      ['lang', LANG_VALUE, 'Path=/; HttpOnly; Secure; SameSite=Strict'],
    ];
    if (options.parentDomain) {
      // Session-identifying by name ("auth"), hardened except for its Domain.
      cookies.push(['sso_auth', SSO_VALUE, `Path=/; Domain=${options.parentDomain}; HttpOnly; Secure; SameSite=Lax`]);
    }
    for (const [name, value, attributes] of cookies) {
      sent.values.set(name, value);
      res.append('Set-Cookie', `${name}=${value}; ${attributes}`);
    }
    sendPage(res, 'audit site', '<p id="ready">ready</p>');
  });
  // Signed values that change while the audit waits for the page to settle: the weak-secret search must report
  // the values the audit ends with, whichever it began on. At load: weak_token (signed with a dictionary secret,
  // kept) and swapped_token (also weak). 100 ms after load the page's script replaces swapped_token with a token
  // signed with a strong secret and adds late_token, signed with another dictionary secret.
  app.get('/settling', async (_req, res) => {
    const iat = Math.floor(Date.now() / 1000);
    const [weak, weakFirst, strongLater, late] = await Promise.all([
      signJwt({ sub: 'user-7', iat, exp: iat + 600 }, 'keyboard cat'),
      signJwt({ sub: 'user-8', iat, exp: iat + 600 }, 'changeme'),
      signJwt({ sub: 'user-8', iat, exp: iat + 600 }, AUDIT_JWT_SECRET),
      signJwt({ sub: 'user-9', iat, exp: iat + 600 }, 'secret123'),
    ]);
    res.append('Set-Cookie', `weak_token=${weak}; Path=/; HttpOnly; SameSite=Lax`);
    res.append('Set-Cookie', `swapped_token=${weakFirst}; Path=/; SameSite=Lax`);
    const script = `addEventListener('load', () => setTimeout(() => {
      document.cookie = 'swapped_token=${strongLater}; Path=/; SameSite=Lax';
      document.cookie = 'late_token=${late}; Path=/; SameSite=Lax';
    }, 100));`;
    sendPage(res, 'settling', '<p id="ready">ready</p>', script);
  });
  // A session set by a script LATE_SESSION_MS after load (as a single-page app's sign-in answer may), with an element
  // that says so: an audit sees it only when told to wait (`--settle`, `--wait-for`).
  app.get('/late', (_req, res) => {
    const script = `addEventListener('load', () => setTimeout(() => {
      document.cookie = 'late_sid=${SESSIONID_VALUE}; Path=/';
      const p = document.createElement('p');
      p.id = 'signed-in';
      p.textContent = 'signed in';
      document.body.append(p);
    }, ${LATE_SESSION_MS}));`;
    sendPage(res, 'late session', '<p id="ready">ready</p>', script);
  });
  return app;
}

/** When /late sets its session cookie, after the page's load event. */
export const LATE_SESSION_MS = 3_000;

export interface RunningAuditSite extends AuditCookies, ServedSite {}

/** Listens on 127.0.0.1 with a free port; pages are opened as `http://<host>:<port>/`. */
export async function startAuditSite(host: string, options: AuditSiteOptions = {}): Promise<RunningAuditSite> {
  const sent: AuditCookies = { values: new Map() };
  return { ...sent, ...(await serveSite(createAuditApp(options, sent), host)) };
}
