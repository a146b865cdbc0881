import express, { type Request, type Response } from 'express';
import session from 'express-session';
import jwt from 'jsonwebtoken';
import { randomBytes } from 'node:crypto';
import { listenLoopback } from '../scripts/listen-loopback';
import { accountPage, homePage } from './demo-pages';
import { DEMO_JWT_SECRET, DEMO_PASSWORD, DEMO_SESSION_SECRET, DEMO_TOKEN_LIFETIME, DEMO_USER } from './demo-constants';

/**
 * The demo shop `npm start` opens: a small real login (express + express-session + jsonwebtoken) built with the
 * session mistakes SessionScope exists to show. Every weakness below is deliberate; DEMO_WEAKNESSES
 * (demo-constants.ts) lists them for the terminal. Never copy this site's session handling.
 */

declare module 'express-session' {
  interface SessionData {
    shopUser: string;
    csrf: string;
  }
}

export interface DemoSiteOptions {
  /** The parent domain for the too-broad cookie; omitted when the site is opened by IP address. */
  parentDomain?: string;
}

function csrfOf(req: Request): string {
  req.session.csrf ??= randomBytes(16).toString('hex');
  return req.session.csrf;
}

function bearerToken(req: Request): string | undefined {
  const match = /^Bearer ([\w.-]{1,4096})$/.exec(req.get('authorization') ?? '');
  return match?.[1];
}

export function createDemoApp(options: DemoSiteOptions = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Deliberately weak: a README secret, no `cookie.secure`, no `cookie.sameSite`, and a session for every visitor
  // before login (saveUninitialized), which is what makes the fixation visible.
  app.use(session({ secret: DEMO_SESSION_SECRET, resave: false, saveUninitialized: true }));
  const domain = options.parentDomain ? `; Domain=${options.parentDomain}` : '';

  app.get('/', (req: Request, res: Response) => {
    // Readable by page script on purpose (double submit), but without SameSite.
    res.append('Set-Cookie', `csrf_token=${csrfOf(req)}; Path=/`);
    res.type('html').send(homePage(req.session.shopUser !== undefined));
  });

  app.post('/login', express.urlencoded({ extended: false, limit: '4kb' }), (req: Request, res: Response) => {
    const body = req.body as Record<string, unknown>;
    if (body.csrf !== req.session.csrf) {
      res.status(403).json({ error: 'The form is stale: reload the page and try again.' });
      return;
    }
    if (body.user !== DEMO_USER || body.password !== DEMO_PASSWORD) {
      res.status(401).json({ error: `Wrong user or password (try ${DEMO_USER} / ${DEMO_PASSWORD}).` });
      return;
    }
    // The fixation: a safe login calls req.session.regenerate() first; this one keeps the pre-login id.
    req.session.shopUser = DEMO_USER;
    res.append(
      'Set-Cookie',
      `sso_session=${randomBytes(16).toString('hex')}; Path=/${domain}; HttpOnly; Secure; SameSite=Lax`,
    );
    const token = jwt.sign({ sub: DEMO_USER, name: 'Alice Liddell', role: 'customer' }, DEMO_JWT_SECRET, {
      algorithm: 'HS256',
      expiresIn: DEMO_TOKEN_LIFETIME,
    });
    res.json({ token });
  });

  app.get('/account', (_req, res) => {
    res.type('html').send(accountPage());
  });

  app.get('/api/me', (req: Request, res: Response) => {
    const token = bearerToken(req);
    try {
      if (!token) throw new Error('no bearer token');
      const claims = jwt.verify(token, DEMO_JWT_SECRET, { algorithms: ['HS256'] }) as jwt.JwtPayload;
      res.json({ user: claims.sub, name: claims.name, role: claims.role, sessionUser: req.session.shopUser ?? null });
    } catch {
      res.status(401).json({ error: 'Not logged in: no valid token.' });
    }
  });

  app.post('/logout', (req: Request, res: Response) => {
    // Also weak: the session id lives on after logout; only the user is forgotten.
    delete req.session.shopUser;
    res.append('Set-Cookie', `sso_session=; Path=/${domain}; Max-Age=0; HttpOnly; Secure; SameSite=Lax`);
    res.json({ ok: true });
  });

  return app;
}

export interface RunningDemoSite {
  port: number;
  host: string;
  url(path?: string): string;
  stop(): Promise<void>;
}

/** Listens on 127.0.0.1 (`port` 0 picks a free one); pages are opened under `host`. */
export async function startDemoSite(
  host: string,
  port: number,
  options: DemoSiteOptions = {},
): Promise<RunningDemoSite> {
  const listening = await listenLoopback(createDemoApp(options), port);
  return {
    port: listening.port,
    host,
    url: (path = '/') => `http://${host}:${listening.port}${path}`,
    stop: listening.stop,
  };
}
