import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Metrics } from './metrics.ts';
import type { Readiness } from './readiness.ts';

/** A GET route, in the shape Bolt's `customRoutes` takes, so Slack's HTTP mode can serve these on its port. */
export interface OpsRoute {
  path: string;
  method: 'GET';
  handler: (request: IncomingMessage, response: ServerResponse) => void;
}

/**
 * The operator's endpoints:
 * - `/healthz`: the process is alive and its event loop turns (200 while it can answer at all);
 * - `/readyz`: 200 when the index is loaded, the database open and every platform connected, else 503, with
 *   each check in the JSON body;
 * - `/metrics`: Prometheus text format.
 */
export function opsRoutes(readiness: Readiness, metrics: Metrics): OpsRoute[] {
  return [
    { path: '/healthz', method: 'GET', handler: (_request, response) => sendJson(response, 200, { status: 'ok' }) },
    {
      path: '/readyz',
      method: 'GET',
      handler: (_request, response) => {
        const report = readiness.report();
        sendJson(response, report.ready ? 200 : 503, report);
      },
    },
    {
      path: '/metrics',
      method: 'GET',
      handler: (_request, response) => {
        metrics.exposition().then(
          ({ contentType, body }) => send(response, 200, contentType, body),
          () => send(response, 500, 'text/plain; charset=utf-8', 'metrics unavailable\n'),
        );
      },
    },
  ];
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  send(response, status, 'application/json; charset=utf-8', `${JSON.stringify(body)}\n`);
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(body);
}
