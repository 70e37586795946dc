import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { stderrLogger } from '../../adapters/console/stderr-logger.ts';

describe('stderrLogger', () => {
  it('redacts tokens and secrets in logged objects', () => {
    let written = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        written += String(chunk);
        done();
      },
    });
    const logger = stderrLogger('info', sink);
    logger.info(
      {
        token: 'xoxb-1',
        config: { botToken: 'xoxb-2', signingSecret: 'abc' },
        request: { headers: { authorization: 'Bot t' } },
      },
      'starting',
    );
    expect(written).toContain('starting');
    expect(written).not.toMatch(/xoxb-|abc|Bot t/);
    expect(written).toContain('[redacted]');
  });
});
