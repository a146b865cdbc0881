import type express from 'express';
import { sendPage, setCookies, staticPage } from './send-page';
import { serveSite, siteApp, siteSession } from './serve-site';

/**
 * The export/import suite's site (issue 8). One express app answers every host name the suite uses, so cookies
 * land on several hosts of one parent (siblings `a.` and `b.`, and the parent itself), plus a CHIPS embed:
 * - `/` on `a.`: the cookies other tools lose: one name on two paths, `=` inside a value, a session cookie
 *   next to a persistent one, a Domain cookie on the parent, an HttpOnly + Strict one.
 * - `/sib`: a host-only cookie `sib` whose value is the host's first label (`a` or `b`): import must put each
 *   back on its own host, not the current tab's.
 * - `/login?user=NAME`: a real express-session login (cookie `sid`, HttpOnly); `/account` says
 *   `Signed in as NAME` only with that session, and puts a token in localStorage.
 * - `/top` embeds `/embed` from the `emb.` host, which sets a partitioned cookie (`Secure; SameSite=None;
 *   Partitioned`): partitioned under the top-level site.
 */
export const TRANSFER_LOGGED_IN = 'Signed in as';
const SECRET = 'transfer-e2e-session-secret-9d1c';

declare module 'express-session' {
  interface SessionData {
    user: string;
  }
}

export function createTransferApp(parent: string, embedHost: string): express.Express {
  const app = siteApp();
  app.use(
    siteSession({
      name: 'sid',
      secret: SECRET,
      cookie: { httpOnly: true, sameSite: 'lax', path: '/' },
    }),
  );
  app.get('/', (_req, res) => {
    setCookies(
      res,
      'dup=root; Path=/',
      'dup=deep; Path=/deep',
      'eq=a=b==c; Path=/; Max-Age=86400',
      'sess=only-this-session; Path=/',
      'persist=kept; Path=/; Max-Age=7200',
      `wide=parent; Path=/; Domain=${parent}; SameSite=Lax`,
      'strict_http=1; Path=/; HttpOnly; SameSite=Strict; Max-Age=600',
    );
    sendPage(res, 'transfer', '<p id="ready">transfer home</p>');
  });
  app.get('/sib', (req, res) => {
    setCookies(res, `sib=${req.hostname.split('.')[0]}; Path=/`);
    sendPage(res, 'transfer', '<p id="ready">sibling</p>');
  });
  app.get('/login', (req, res) => {
    req.session.user = String(req.query.user ?? 'alice').replace(/\W/g, '');
    req.session.save(() => res.redirect(302, '/account'));
  });
  app.get('/account', (req, res) => {
    if (!req.session.user) {
      sendPage(res.status(401), 'transfer', '<p id="who">not signed in</p>');
      return;
    }
    sendPage(
      res,
      'transfer',
      `<p id="who">${TRANSFER_LOGGED_IN} ${req.session.user}</p>`,
      `localStorage.setItem('api_token', 'tok-' + ${JSON.stringify(req.session.user)});`,
    );
  });
  app.get('/top', (req, res) => {
    const port = req.socket.localPort;
    sendPage(res, 'transfer', `<iframe id="emb" src="http://${embedHost}:${port}/embed"></iframe>`);
  });
  const chip = 'chip=partitioned-1; Path=/; Secure; SameSite=None; Partitioned';
  staticPage(app, '/embed', 'transfer', '<p id="ready">embed</p>', [chip]);
  return app;
}

export interface RunningTransferSite {
  port: number;
  /** `http://<host>:<port><path>`, on `a.<parent>` unless another host is given. */
  url(path?: string, host?: string): string;
  hosts: { a: string; b: string; top: string; emb: string; parent: string };
  stop(): Promise<void>;
}

export async function startTransferSite(parent = 'transfer.localhost'): Promise<RunningTransferSite> {
  const hosts = { a: `a.${parent}`, b: `b.${parent}`, top: `top.${parent}`, emb: 'emb.localhost', parent };
  return { ...(await serveSite(createTransferApp(parent, hosts.emb), hosts.a)), hosts };
}

/**
 * The pages that fill the jar as the round trips want it: a cookie on each sibling host, alice's session, and a
 * CHIPS embed (emb.localhost's cookie partitioned under the top-level site).
 */
export function jarPages(site: RunningTransferSite): string[] {
  return [
    site.url('/sib'),
    site.url('/sib', site.hosts.b),
    site.url('/login?user=alice'),
    site.url('/top', site.hosts.top),
  ];
}
