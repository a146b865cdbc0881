import cookieSession from 'cookie-session';
import express, { type Request, type Response } from 'express';
import jwt from 'jsonwebtoken';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sendPage } from './send-page';
import { serveSite, siteApp, siteSession } from './serve-site';

/**
 * The site of the decode and verify suite: each session format made by its real framework, with secrets the
 * suite knows. `GET /` walks a chain of redirects so one navigation leaves every cookie in the jar:
 * `/cs/login` (cookie-session: `session` + `session.sig`), `/es/login` (express-session: `connect.sid`),
 * then `/home` (a JWT issued by jsonwebtoken with the weak secret `secret`, and the Flask compressed
 * fixture made by the real Flask). The two session middlewares both own `req.session`, hence their own paths.
 */

/** cookie-session signs with the first key and accepts the others (keygrip rotation). */
export const COOKIE_SESSION_KEYS = ['decode-e2e-keygrip-current-7c1f', 'decode-e2e-keygrip-previous-93ad'] as const;
/** Not in the weak-secret dictionary: the check must not flag it, and only the right secret verifies it. */
export const EXPRESS_SESSION_SECRET = 'decode-e2e-express-secret-5d2b8e';
/** In the dictionary (the most common tutorial secret): the JWT must get the weak-secret finding by itself. */
export const WEAK_JWT_SECRET = 'secret';
export const COOKIE_SESSION_DATA = { user: 'dana', role: 'editor', cart: [3, 5, 8] } as const;
export const JWT_CLAIMS = { sub: 'user-7', scope: 'orders:read' } as const;
/** The compressed Flask session is stored under this name (cookie-session already uses `session`). */
export const FLASK_COOKIE = 'flask_session';

interface FlaskFixture {
  id: string;
  cookie: { name: string; value: string };
  secret: string;
  payload: unknown;
}

/** The committed fixture `test/fixtures/generate.mjs` made with the real Flask: a zlib-compressed session. */
export function flaskCompressedFixture(): FlaskFixture {
  const file = resolve(import.meta.dirname, '../../fixtures/generated/flask.json');
  const all = (JSON.parse(readFileSync(file, 'utf8')) as { fixtures: FlaskFixture[] }).fixtures;
  const fixture = all.find((f) => f.id === 'flask-compressed');
  if (!fixture) throw new Error(`no flask-compressed fixture in ${file}`);
  return fixture;
}

declare module 'express-session' {
  interface SessionData {
    account: string;
  }
}

export function createDecodeSiteApp(): express.Express {
  const app = siteApp();
  const flask = flaskCompressedFixture();

  app.get('/', (_req, res) => res.redirect(302, '/cs/login'));

  const cs = express.Router();
  cs.use(cookieSession({ name: 'session', keys: [...COOKIE_SESSION_KEYS], path: '/', sameSite: 'lax' }));
  cs.get('/login', (req: Request, res: Response) => {
    // express-session's typing of req.session is global; here it is cookie-session's plain object.
    Object.assign(req.session as unknown as Record<string, unknown>, {
      ...COOKIE_SESSION_DATA,
      cart: [...COOKIE_SESSION_DATA.cart],
    });
    res.redirect(302, '/es/login');
  });
  app.use('/cs', cs);

  const es = express.Router();
  es.use(
    siteSession({
      secret: EXPRESS_SESSION_SECRET,
      cookie: { httpOnly: true, sameSite: 'lax', path: '/' },
    }),
  );
  es.get('/login', (req: Request, res: Response) => {
    req.session.account = 'dana';
    res.redirect(302, '/home');
  });
  app.use('/es', es);

  app.get('/home', (_req, res) => {
    const token = jwt.sign({ ...JWT_CLAIMS }, WEAK_JWT_SECRET, { algorithm: 'HS256', expiresIn: '1h' });
    res.cookie('token', token, { sameSite: 'lax', maxAge: 3_600_000 });
    // Flask's cookie value is URL-safe as is: no encoding, exactly the bytes Flask sent.
    res.append('Set-Cookie', `${FLASK_COOKIE}=${flask.cookie.value}; Path=/; HttpOnly; SameSite=Lax`);
    sendPage(res, 'decode site', '<p id="ready">decode site</p>');
  });

  return app;
}

export interface RunningDecodeSite {
  url(path?: string): string;
  stop(): Promise<void>;
}

/** Listens on 127.0.0.1 with a free port; pages are opened under `host` (a `*.localhost` name in Chromium). */
export async function startDecodeSite(host: string): Promise<RunningDecodeSite> {
  return serveSite(createDecodeSiteApp(), host);
}
