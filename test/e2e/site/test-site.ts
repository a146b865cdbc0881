import type express from 'express';
import { type Request, type Response } from 'express';
import { sendPage, setCookies, staticPage } from './send-page';
import { serveSite, type ServedSite, siteApp, siteSession } from './serve-site';
import { signJwt } from '../../fakes/make-jwt';

/**
 * The local site the end-to-end suites and the benchmark browse: real express-session, a real jose JWT, and
 * cookies with every flag combination. Secrets are fixed on purpose so tests can verify signatures: the
 * express-session secret is the one from express-session's README, which SessionScope's weak-secret dictionary
 * is expected to find.
 */
export const SESSION_SECRET = 'keyboard cat';
export const JWT_SECRET = 'sessionscope-e2e-jwt-secret-0123456789abcdef';
/** What the hostile cookie must show as: text, never markup. */
export const HOSTILE_TEXT = '<img src=x onerror=alert(1)>';
/** A second hostile value whose handler would leave a trace a test can read. */
export const CANARY_TEXT = '<img src=x onerror=window.__pwned=1>';
/** The JWT's custom claims (plus iat and exp). */
export const JWT_CLAIMS = { sub: 'user-42', name: 'Alice Example', role: 'admin' } as const;
export const JWT_LIFETIME_S = 3600;

export interface FixtureCookie {
  name: string;
  httpOnly: boolean;
  secure: boolean;
  sameSite: 'strict' | 'lax' | 'none' | 'unspecified';
  hostOnly: boolean;
  /** Has an expiry (Max-Age/Expires); false for a browser-session cookie. */
  persistent: boolean;
  /** SessionScope must mark it session-identifying (RULES.md); undefined where the rules leave it open. */
  identifiesSession?: boolean;
}

/** Every cookie `GET /` leaves in the jar (in Chromium on a `*.localhost` host), with the flags it must show. */
export function fixtureCookies(): FixtureCookie[] {
  const c = (name: string, f: Partial<FixtureCookie>): FixtureCookie => ({
    name,
    httpOnly: false,
    secure: false,
    sameSite: 'unspecified',
    hostOnly: true,
    persistent: false,
    ...f,
  });
  return [
    c('connect.sid', { httpOnly: true, sameSite: 'lax', identifiesSession: true }),
    c('jwt', { httpOnly: true, sameSite: 'lax', persistent: true, identifiesSession: true }),
    c('jwt_expired', { sameSite: 'lax', persistent: true, identifiesSession: true }),
    c('theme', { persistent: true, identifiesSession: false }),
    c('ss_strict', { sameSite: 'strict', identifiesSession: false }),
    c('ss_lax', { sameSite: 'lax', identifiesSession: false }),
    c('ss_none', { sameSite: 'none', secure: true, identifiesSession: false }),
    c('wide', { hostOnly: false, sameSite: 'lax', identifiesSession: false }),
    c('xss', { identifiesSession: false }),
    c('xss_encoded', { identifiesSession: false }),
    c('xss_canary', { identifiesSession: false }),
  ];
}

export interface SiteOptions {
  /** The parent domain for the one Domain cookie (`wide`); omitted when the host is an IP address. */
  parentDomain?: string;
}

function issueJwt(lifetimeS: number, iatOffsetS = 0): Promise<string> {
  const now = Math.floor(Date.now() / 1000) + iatOffsetS;
  return signJwt({ ...JWT_CLAIMS, iat: now, exp: now + lifetimeS }, JWT_SECRET);
}

/**
 * The page script of `/churn`: sets and deletes `count` cookies in order, a few per task so a test can stop the
 * worker while it runs. `window.__churn` reports progress and the exact list of changes made.
 */
function churnScript(prefix: string, count: number, perTick: number, everyMs: number): string {
  return `
  (() => {
    const state = { done: false, made: 0, changes: [] };
    window.__churn = state;
    let i = 0;
    function tick() {
      for (let k = 0; k < ${perTick} && i < ${count}; k++, i++) {
        const name = ${JSON.stringify(prefix)} + i;
        document.cookie = name + '=v' + i + '; path=/';
        state.changes.push(name + ':set');
        document.cookie = name + '=; path=/; max-age=0';
        state.changes.push(name + ':delete');
        state.made = i + 1;
      }
      if (i < ${count}) setTimeout(tick, ${everyMs}); else state.done = true;
    }
    tick();
  })();`;
}

export function createSiteApp(options: SiteOptions = {}): express.Express {
  const app = siteApp();
  app.use(
    siteSession({
      secret: SESSION_SECRET,
      cookie: { httpOnly: true, sameSite: 'lax' },
    }),
  );

  app.get('/', async (req: Request, res: Response) => {
    req.session.user = 'alice';
    res.cookie('jwt', await issueJwt(JWT_LIFETIME_S), { httpOnly: true, sameSite: 'lax', maxAge: 3_600_000 });
    // Issued two hours ago, expired one hour ago, but the cookie itself still lives: a stale token in the jar.
    res.cookie('jwt_expired', await issueJwt(3600, -7200), { sameSite: 'lax', maxAge: 3_600_000 });
    res.cookie('theme', 'dark', { maxAge: 30 * 86_400_000 });
    setCookies(
      res,
      'ss_strict=1; Path=/; SameSite=Strict',
      'ss_lax=1; Path=/; SameSite=Lax',
      'ss_none=1; Path=/; SameSite=None; Secure',
      ...(options.parentDomain ? [`wide=1; Path=/; Domain=${options.parentDomain}; SameSite=Lax`] : []),
      // Browsers keep inner spaces in a cookie value, so the raw markup round-trips unchanged.
      `xss=${HOSTILE_TEXT}; Path=/`,
      `xss_encoded=${encodeURIComponent(HOSTILE_TEXT)}; Path=/`,
      `xss_canary=${CANARY_TEXT}; Path=/`,
    );
    sendPage(res, 'SessionScope test site', '<h1>Test site</h1><p id="ready">ready</p>');
  });

  // A cookie written by page script, not by a response header.
  app.get('/script-cookie', (_req, res) => {
    sendPage(
      res,
      'script cookie',
      '<p id="ready">script page</p>',
      "document.cookie = 'js_pref=compact; path=/; max-age=3600'; window.__scriptCookieSet = true;",
    );
  });

  // /set?n=NAME&v=VALUE[&p=PATH][&maxAge=S][&expired=1]: one cookie, for the change-log and edit tests.
  app.get('/set', (req, res) => {
    const name = String(req.query.n ?? 'c');
    const value = String(req.query.v ?? '1');
    const path = String(req.query.p ?? '/').replace(/[^\w/-]/g, '');
    let header = `${name}=${encodeURIComponent(value)}; Path=${path}`;
    if (req.query.expired === '1') header += '; Expires=Thu, 01 Jan 1970 00:00:00 GMT';
    else if (req.query.maxAge !== undefined) header += `; Max-Age=${Number(req.query.maxAge)}`;
    setCookies(res, header);
    res.type('text').send(`set ${name}`);
  });

  // /churn?count=N[&prefix=p][&perTick=k][&every=ms]: a page whose script sets then deletes N cookies, in order.
  app.get('/churn', (req, res) => {
    const count = Math.max(0, Math.min(5000, Number(req.query.count ?? 100)));
    const prefix = String(req.query.prefix ?? 'churn_').replace(/[^\w-]/g, '');
    const perTick = Math.max(1, Math.min(100, Number(req.query.perTick ?? 5)));
    const every = Math.max(0, Math.min(1000, Number(req.query.every ?? 2)));
    sendPage(res, 'churn', '<p id="ready">churn</p>', churnScript(prefix, count, perTick, every));
  });

  // /many?count=N[&prefix=p]: N plain cookies in one response (benchmark and list tests).
  app.get('/many', (req, res) => {
    const count = Math.max(0, Math.min(180, Number(req.query.count ?? 10)));
    const prefix = String(req.query.prefix ?? 'many_').replace(/[^\w-]/g, '');
    for (let i = 0; i < count; i++) setCookies(res, `${prefix}${i}=value${i}; Path=/; Max-Age=3600`);
    sendPage(res, 'many', `<p id="ready">${count} cookies</p>`);
  });

  // The same name on two paths, both sent to this page: edits and deletes must keep them apart.
  const twoPaths = [
    'dup=root; Path=/; Max-Age=3600',
    'dup=deep; Path=/two-paths; Max-Age=3600',
    'plain=1; Path=/; HttpOnly; SameSite=Strict',
  ];
  staticPage(app, '/two-paths/page', 'two paths', '<p id="ready">two paths</p>', twoPaths);

  staticPage(app, '/blank', 'blank', '<p id="ready">blank</p>');

  return app;
}

declare module 'express-session' {
  interface SessionData {
    user: string;
  }
}

export type RunningSite = ServedSite;

/** Starts the site on 127.0.0.1 with a free port, its pages opened under `host` (see `serveSite`). */
export async function startSite(host = '127.0.0.1', options: SiteOptions = {}): Promise<RunningSite> {
  return serveSite(createSiteApp(options), host);
}
