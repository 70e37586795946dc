import { afterEach, describe, expect, it } from 'vitest';
import { Metrics } from '../../src/ops/metrics.ts';
import { opsRoutes } from '../../src/ops/ops-routes.ts';
import { type OpsServer, startOpsServer } from '../../src/ops/ops-server.ts';
import { Readiness } from '../../src/ops/readiness.ts';

describe('the ops server', () => {
  let server: OpsServer | undefined;
  const get = (path: string, method = 'GET') => fetch(`http://127.0.0.1:${server?.port}${path}`, { method });

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function start(connected: () => boolean) {
    const readiness = new Readiness();
    readiness.add('discord', connected);
    server = await startOpsServer(opsRoutes(readiness, new Metrics()), 0, '127.0.0.1');
    return readiness;
  }

  it('answers /healthz while alive, whatever the readiness', async () => {
    await start(() => false);
    const response = await get('/healthz');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz 503 with the failing check, 200 once it passes, 503 again while draining', async () => {
    let connected = false;
    const readiness = await start(() => connected);
    const notYet = await get('/readyz');
    expect(notYet.status).toBe(503);
    expect(await notYet.json()).toEqual({ ready: false, checks: { accepting: true, discord: false } });
    connected = true;
    expect((await get('/readyz')).status).toBe(200);
    readiness.drain();
    expect((await get('/readyz')).status).toBe(503);
  });

  it('serves Prometheus text at /metrics, 404 elsewhere and 405 for other methods', async () => {
    await start(() => true);
    const metrics = await get('/metrics?x=1');
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('# TYPE treaty_bot_questions_total counter');
    expect((await get('/')).status).toBe(404);
    expect((await get('/slack/events', 'POST')).status).toBe(404);
    expect((await get('/healthz', 'POST')).status).toBe(405);
  });

  it('fails to start with EADDRINUSE when the port is taken', async () => {
    await start(() => true);
    await expect(startOpsServer([], server?.port ?? 0, '127.0.0.1')).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
