import type { RequestListener } from 'node:http';
import express from 'express';
import session, { type SessionOptions } from 'express-session';
import { listenLoopback } from '../../../scripts/listen-loopback';

/** A test site listening on 127.0.0.1 with a free port, its pages opened under a host name. */
export interface ServedSite {
  port: number;
  host: string;
  /** `http://<host>:<port><path>`; the host defaults to the one the site was served under. */
  url(path?: string, host?: string): string;
  stop(): Promise<void>;
}

/**
 * Serves `app` on 127.0.0.1 with a free port. `host` is the name pages are opened under: `127.0.0.1`, or a
 * `*.localhost` name (Chromium resolves those to loopback itself and keeps Secure cookies on them over http).
 */
export async function serveSite(app: RequestListener, host: string): Promise<ServedSite> {
  const { port, stop } = await listenLoopback(app);
  return { port, host, url: (path = '/', h = host) => `http://${h}:${port}${path}`, stop };
}

/** A test site's express app: like a careful server, it does not name itself in an `X-Powered-By` header. */
export function siteApp(): express.Express {
  const app = express();
  app.disable('x-powered-by');
  return app;
}

/** An express-session login for a test site: not re-saved when unchanged, nor stored before it holds something. */
export function siteSession(options: SessionOptions): express.RequestHandler {
  return session({ resave: false, saveUninitialized: false, ...options });
}
