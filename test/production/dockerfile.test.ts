import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Metrics } from '../../src/ops/metrics.ts';
import { opsRoutes } from '../../src/ops/ops-routes.ts';
import { Readiness } from '../../src/ops/readiness.ts';
import { root, schemaVariables, variablesIn } from '../support/config-variables.ts';
import { dockerfileFacts } from './support/dockerfile-facts.ts';

const docker = dockerfileFacts(readFileSync(join(root, 'Dockerfile'), 'utf8'));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const dockerSection = readme.slice(
  readme.indexOf('## Docker'),
  readme.indexOf('\n## ', readme.indexOf('## Docker') + 1),
);

describe('the Dockerfile', () => {
  it('builds in stages from one slim Node image and runs as a non-root user', () => {
    const external = docker.images.filter((image) => image.includes(':'));
    expect(external.length).toBeGreaterThanOrEqual(2);
    expect(new Set(external).size).toBe(1);
    expect(docker.baseImage).toMatch(/^node:\d+-[a-z]+-slim$/);
    expect(docker.user).toBe('node');
    expect(docker.env.NODE_ENV).toBe('production');
  });

  it('ships the compiled app, the prebuilt index and the seeds, with production dependencies only', () => {
    expect(docker.runStageCopies).toEqual(expect.arrayContaining(['node_modules', 'dist', 'index', 'seeds']));
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('npm ci --omit=dev --no-audit --no-fund && ./slim-node-modules.sh');
    expect(dockerfile).toMatch(/build:index -- --check/);
    expect(docker.cmd).toEqual(['node', 'dist/adapters/main.js']);
  });

  it('keeps the database in the volume, exposes PORT, checks /healthz and drains on SIGTERM', () => {
    expect(docker.volumes).toEqual([docker.env.DATA_DIR]);
    expect(docker.exposed).toEqual([Number(docker.env.PORT)]);
    expect(docker.stopSignal).toBe('SIGTERM');
    const paths = opsRoutes(new Readiness(), new Metrics()).map((route) => route.path);
    const probed = docker.healthcheck.join(' ').match(/'(\/[a-z]+)'/)?.[1];
    expect(paths).toContain(probed);
  });
});

describe("the README's Docker section", () => {
  it('matches the Dockerfile: image tag, volume, port and base image', () => {
    expect(dockerSection).toContain('docker build -t treaty-bot .');
    expect(dockerSection).toContain(`-v treaty-data:${docker.env.DATA_DIR}`);
    expect(dockerSection).toContain(`-p ${docker.env.PORT}:${docker.env.PORT}`);
    expect(dockerSection).toContain(docker.baseImage);
    expect(dockerSection).toContain(`STOPSIGNAL ${docker.stopSignal}`);
  });

  it('shows docker run with every variable of the configuration schema', () => {
    const shown = variablesIn(dockerSection, /-e ([A-Z][A-Z0-9_]+)=/g);
    expect([...schemaVariables()].filter((name) => !shown.has(name))).toEqual([]);
    expect([...shown].filter((name) => !schemaVariables().has(name))).toEqual([]);
  });
});
