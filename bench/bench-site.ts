import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { cookieMix, setCookieHeader } from './cookie-mix';

export interface BenchSite {
  url(path: string): string;
  stop(): Promise<void>;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/**
 * `/cookies?n=N` sets the benchmark mix (up to 180, Chromium's per-site limit) on 127.0.0.1; `/static/...` serves the
 * synthetic pages from `staticDir`.
 */
export async function startBenchSite(jwts: readonly string[], staticDir: string): Promise<BenchSite> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname === '/cookies') {
        const n = Math.max(0, Math.min(180, Number(url.searchParams.get('n') ?? 10)));
        res.setHeader(
          'Set-Cookie',
          cookieMix(n, jwts).map((c) => setCookieHeader(c)),
        );
        res.setHeader('Content-Type', 'text/html');
        res.end(`<!doctype html><p id="ready">${n} cookies</p>`);
        return;
      }
      if (url.pathname.startsWith('/static/')) {
        const rel = normalize(url.pathname.slice('/static/'.length)).replace(/^(\.\.[/\\])+/, '');
        try {
          const body = await readFile(join(staticDir, rel));
          res.setHeader('Content-Type', TYPES[extname(rel)] ?? 'application/octet-stream');
          res.end(body);
        } catch {
          res.statusCode = 404;
          res.end('not found');
        }
        return;
      }
      res.setHeader('Content-Type', 'text/html');
      res.end('<!doctype html><p>bench</p>');
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
