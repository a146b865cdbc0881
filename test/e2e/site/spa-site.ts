import type express from 'express';
import { jwtVerify } from 'jose';
import { setCookies } from './send-page';
import { serveSite, type ServedSite, siteApp } from './serve-site';
import { signJwt } from '../../fakes/make-jwt';

/**
 * A single-page app in the way many are built: `GET /` sets a server session cookie and serves a page whose
 * script logs in with `fetch`, keeps the JWT it gets in localStorage and sends it as `Authorization: Bearer` to
 * the API. The login response also carries Set-Cookie headers the browser must reject (SameSite=None without
 * Secure, a `__Host-` cookie with Domain) beside one it keeps.
 */

/** In every weak-secret dictionary, on purpose. */
export const SPA_JWT_SECRET = 'secret';
export const SPA_SID = 'c0ffee00c0ffee00c0ffee00c0ffee00';
export const SPA_USER = 'alice';

const PAGE = `<!doctype html>
<html>
  <head><title>spa site</title></head>
  <body>
    <button id="login">Log in</button>
    <p id="who"></p>
    <script>
      document.getElementById('login').addEventListener('click', async () => {
        const res = await fetch('/api/login', { method: 'POST' });
        const { token } = await res.json();
        localStorage.setItem('access_token', token);
        const me = await fetch('/api/me', { headers: { Authorization: 'Bearer ' + token } });
        const who = document.getElementById('who');
        who.textContent = await me.text();
        who.dataset.status = String(me.status);
      });
    </script>
  </body>
</html>`;

export function createSpaApp(host: string): express.Express {
  const app = siteApp();
  const key = new TextEncoder().encode(SPA_JWT_SECRET);
  app.get('/', (_req, res) => {
    setCookies(res, `sid=${SPA_SID}; Path=/; HttpOnly; SameSite=Lax`);
    res.type('html').send(PAGE);
  });
  app.post('/api/login', async (_req, res) => {
    const now = Math.floor(Date.now() / 1000);
    const token = await signJwt({ sub: SPA_USER, role: 'user', iat: now, exp: now + 3600 }, SPA_JWT_SECRET);
    setCookies(
      res,
      'pref=compact; Path=/; SameSite=Lax',
      // Rejected by the browser: SameSite=None needs Secure; a __Host- cookie may not name a Domain.
      'cross=1; Path=/; SameSite=None',
      `__Host-bad=1; Path=/; Secure; Domain=${host}`,
    );
    res.json({ token });
  });
  app.get('/api/me', async (req, res) => {
    const m = /^Bearer (.+)$/.exec(req.get('authorization') ?? '');
    try {
      if (!m) throw new Error('no token');
      const { payload } = await jwtVerify(m[1]!, key);
      res.type('text').send(`Signed in as ${String(payload.sub)}`);
    } catch {
      res.status(401).type('text').send('Not signed in');
    }
  });
  return app;
}

export type RunningSpaSite = ServedSite;

/** Listens on 127.0.0.1 with a free port; the page is opened as `http://<host>:<port>/`. */
export async function startSpaSite(host: string): Promise<RunningSpaSite> {
  return serveSite(createSpaApp(host), host);
}
