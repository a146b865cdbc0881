import express, { type Request } from 'express';
import { sendPage, staticPage } from './send-page';
import { serveSite, siteApp, siteSession } from './serve-site';

/**
 * Sites with a real login and logout (express-session) for the session-behaviour checks of the command-line
 * audit (OWASP WSTG-SESS-03 and -06). Each variant gets one thing wrong, or nothing:
 * - `fixation`: the login keeps the session id it issued to the anonymous visitor (no regenerate); the logout
 *   is right (destroy + clear).
 * - `alive`: the login regenerates the id, but the logout only redirects: the session stays alive on the server
 *   and the cookie stays in the browser.
 * - `correct`: regenerate at login, destroy and clear at logout, and a hardened cookie.
 * `GET /` starts an anonymous session, `/login` is a form posting to `POST /login`, `/account` says
 * `Signed in as <user>` only when logged in (else redirects to `/`), `GET /logout` logs out.
 */
export type LoginVariant = 'fixation' | 'alive' | 'correct';

export const LOGGED_IN_TEXT = 'Signed in as';
/** Not in the weak-secret dictionary. */
const SECRET = 'login-e2e-session-secret-4f8a1c9d';
const COOKIE = 'sid';

declare module 'express-session' {
  interface SessionData {
    user: string;
    visits: number;
  }
}

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((e) => (e ? reject(e) : resolve())));
}

function destroy(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.destroy((e) => (e ? reject(e) : resolve())));
}

export function createLoginApp(variant: LoginVariant): express.Express {
  const app = siteApp();
  if (variant === 'correct') {
    // The site pretends to sit behind a TLS proxy, so express-session sends its Secure cookie over plain http;
    // Chromium keeps Secure cookies on *.localhost.
    app.use((req, _res, next) => {
      req.headers['x-forwarded-proto'] = 'https';
      next();
    });
  }
  app.use(
    siteSession({
      name: COOKIE,
      secret: SECRET,
      // An anonymous session from the first visit: the id a fixation attacker would plant.
      saveUninitialized: true,
      proxy: variant === 'correct',
      cookie:
        variant === 'correct'
          ? { httpOnly: true, secure: true, sameSite: 'strict', path: '/' }
          : { httpOnly: true, sameSite: 'lax', path: '/' },
    }),
  );
  app.use(express.urlencoded({ extended: false }));
  app.get('/', (req, res) => {
    req.session.visits = (req.session.visits ?? 0) + 1;
    sendPage(res, 'home', '<p id="ready">Welcome. <a href="/login">Log in</a></p>');
  });
  staticPage(
    app,
    '/login',
    'log in',
    '<form method="post" action="/login"><input id="user" name="user"><button id="submit">Log in</button></form>',
  );
  app.post('/login', async (req, res) => {
    const user = typeof req.body?.user === 'string' && req.body.user !== '' ? req.body.user : 'anonymous';
    if (variant !== 'fixation') await regenerate(req);
    req.session.user = user;
    req.session.save(() => res.redirect(303, '/account'));
  });
  app.get('/account', (req, res) => {
    if (!req.session.user) {
      res.redirect(302, '/');
      return;
    }
    sendPage(res, 'account', `<p id="who">${LOGGED_IN_TEXT} ${req.session.user.replace(/\W/g, '')}</p>`);
  });
  app.get('/logout', async (req, res) => {
    if (variant !== 'alive') {
      await destroy(req);
      res.clearCookie(COOKIE, { path: '/' });
    }
    sendPage(res, 'logged out', '<p id="bye">Logged out</p>');
  });
  return app;
}

export interface RunningLoginSite {
  variant: LoginVariant;
  url(path?: string): string;
  stop(): Promise<void>;
}

/** Listens on 127.0.0.1 with a free port; pages are opened as `http://<host>:<port>/`. */
export async function startLoginSite(
  variant: LoginVariant,
  host = `${variant}.login.localhost`,
): Promise<RunningLoginSite> {
  return { variant, ...(await serveSite(createLoginApp(variant), host)) };
}
