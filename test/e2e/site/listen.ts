import type { Express } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ListeningSite {
  port: number;
  /** `http://<host>:<port><path>`. */
  url(path?: string, host?: string): string;
  /** Closes kept-alive connections too, so a suite's afterAll never waits for a browser's idle socket. */
  stop(): Promise<void>;
}

/**
 * Serves `app` on 127.0.0.1 with a free port; pages are opened under `host` (`127.0.0.1`, or a `*.localhost`
 * name, which Chromium resolves to loopback by itself and where it keeps Secure cookies over http).
 */
export async function listenOnLoopback(app: Express, host: string): Promise<ListeningSite> {
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path = '/', h = host) => `http://${h}:${port}${path}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
