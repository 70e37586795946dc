import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { consoleLogLevel, LineLogger } from '../../adapters/console/line-logger.ts';

function sink(isTTY = false) {
  const stream = Object.assign(new PassThrough(), { isTTY });
  let written = '';
  stream.on('data', (chunk) => {
    written += String(chunk);
  });
  return { stream, written: () => written };
}

describe('LineLogger', () => {
  it('writes one readable line per entry, with the error when the message lacks it', () => {
    const out = sink();
    const logger = new LineLogger('warn', out.stream);
    logger.warn({ code: 'unreachable', source: 'https://x' }, 'status: fetching https://x failed');
    logger.error({ err: new Error('disk full') }, 'store: write failed');
    expect(out.written()).toBe('warn: status: fetching https://x failed\nerror: store: write failed (disk full)\n');
  });

  it('honours the level, silent included', () => {
    const out = sink();
    new LineLogger('error', out.stream).warn({}, 'hidden');
    new LineLogger('silent', out.stream).error({}, 'hidden too');
    new LineLogger('debug', out.stream).debug({}, 'shown');
    expect(out.written()).toBe('debug: shown\n');
  });

  it('clears the prompt line on a terminal and redraws the prompt after the line', () => {
    const out = sink(true);
    const logger = new LineLogger('warn', out.stream);
    logger.afterLine(() => out.stream.write('treaty> '));
    logger.warn({}, 'offline');
    expect(out.written()).toBe('\r\x1b[Kwarn: offline\ntreaty> ');
  });
});

describe('consoleLogLevel', () => {
  it('quiets the default info to warnings and honours any other LOG_LEVEL', () => {
    expect(consoleLogLevel('info')).toBe('warn');
    expect(consoleLogLevel('error')).toBe('error');
    expect(consoleLogLevel('debug')).toBe('debug');
    expect(consoleLogLevel('silent')).toBe('silent');
  });
});
