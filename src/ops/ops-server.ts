import { once } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OpsRoute } from './ops-routes.ts';

export interface OpsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the ops routes on their own port, for processes where Slack's HTTP receiver does not run (Socket Mode,
 * Discord only). Anything else gets 404, a method other than GET or HEAD 405.
 */
export async function startOpsServer(routes: readonly OpsRoute[], port: number, host?: string): Promise<OpsServer> {
  const byPath = new Map(routes.map((route) => [route.path, route]));
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const route = byPath.get(path);
    if (!route) return plain(response, 404, 'not found\n');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(response, 405, 'method not allowed\n');
    route.handler(request, response);
  });
  server.listen(port, host);
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Probes and scrapers keep connections alive, and every answer here is immediate: nothing to wait for.
      server.closeAllConnections();
      await closed;
    },
  };
}

function plain(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(body);
}
