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

describe('stderrLogger errors', () => {
  it('writes an error as its kind, message, code and status, never the request it carried', () => {
    let written = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        written += String(chunk);
        done();
      },
    });
    const error = Object.assign(new Error('Unknown interaction'), {
      name: 'DiscordAPIError[10062]',
      code: 10062,
      status: 404,
      method: 'POST',
      url: 'https://discord.com/api/v10/interactions/1/SECRET-INTERACTION-TOKEN/callback',
      requestBody: { json: { content: 'what the user asked' } },
    });
    stderrLogger('info', sink).error({ err: error }, 'discord: an interaction failed');
    const line = JSON.parse(written) as { err: Record<string, unknown> };
    expect(line.err).toMatchObject({
      type: 'DiscordAPIError[10062]',
      message: 'Unknown interaction',
      code: 10062,
      status: 404,
    });
    expect(written).not.toMatch(/SECRET-INTERACTION-TOKEN|what the user asked/);
  });
});
