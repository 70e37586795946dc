/** What the production checks read from the Dockerfile, so they follow it rather than restate it. */
export interface DockerfileFacts {
  /** Every FROM image, in order. */
  images: string[];
  /** The run stage's base image. */
  baseImage: string;
  /** Folders and files the run stage copies into /app (destinations, without `./`). */
  runStageCopies: string[];
  /** The run stage's ENV, by name. */
  env: Record<string, string>;
  user?: string;
  volumes: string[];
  exposed: number[];
  stopSignal?: string;
  /** The HEALTHCHECK's exec form, e.g. ["node", "-e", "…"]. */
  healthcheck: string[];
  /** The CMD's exec form. */
  cmd: string[];
}

export function dockerfileFacts(dockerfile: string): DockerfileFacts {
  // Join continued lines and drop comments, then read the last stage's instructions.
  const lines = dockerfile
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const images = lines.filter((line) => /^FROM /i.test(line)).map((line) => line.split(/\s+/)[1] ?? '');
  const lastFrom = lines.map((line) => /^FROM /i.test(line)).lastIndexOf(true);
  const runStage = lines.slice(lastFrom + 1);
  const args = (instruction: string) =>
    runStage
      .filter((line) => line.toUpperCase().startsWith(`${instruction} `))
      .map((line) => line.slice(instruction.length + 1).trim());
  const healthcheck = args('HEALTHCHECK')[0] ?? '';
  return {
    images,
    baseImage: images.at(-1) ?? '',
    runStageCopies: args('COPY').map(copyDestination),
    env: Object.fromEntries(
      args('ENV').flatMap((env) => env.split(/\s+/).map((pair) => pair.split('=') as [string, string])),
    ),
    ...(args('USER')[0] ? { user: args('USER')[0] } : {}),
    volumes: args('VOLUME').flatMap((volume) => JSON.parse(volume) as string[]),
    exposed: args('EXPOSE').flatMap((ports) => ports.split(/\s+/).map(Number)),
    ...(args('STOPSIGNAL')[0] ? { stopSignal: args('STOPSIGNAL')[0] } : {}),
    healthcheck: JSON.parse(healthcheck.slice(healthcheck.indexOf('CMD ') + 4) || '[]') as string[],
    cmd: JSON.parse(args('CMD')[0] ?? '[]') as string[],
  };
}

/** `COPY a b ./x` → `x`; `COPY package.json ./` → `package.json`; `--from=…` flags skipped. */
function copyDestination(copy: string): string {
  const parts = copy.split(/\s+/).filter((part) => !part.startsWith('--'));
  const destination = (parts.at(-1) ?? '').replace(/^\.\/?/, '').replace(/\/$/, '');
  return destination || (parts[0] ?? '');
}
