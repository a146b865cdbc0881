import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local site's server: the port it got, and a stop that does not wait for browsers' keep-alive sockets. */
export interface LoopbackServer {
  server: Server;
  port: number;
  stop(): Promise<void>;
}

/**
 * Listens on 127.0.0.1 only (the demo and test sites are never meant to be reachable from the network). Port 0
 * picks a free port; a taken fixed port rejects with the server's `EADDRINUSE` error so the caller can choose.
 */
export async function listenLoopback(app: RequestListener, port = 0): Promise<LoopbackServer> {
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    stop: () =>
      new Promise<void>((resolve) => {
        // A browser keeps idle connections open; close them or `close` waits for their timeout.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
