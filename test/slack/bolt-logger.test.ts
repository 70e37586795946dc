import { describe, expect, it } from 'vitest';
import { boltLogger } from '../../adapters/slack/bolt-logger.ts';
import { RecordingLogger } from '../support/recording-logger.ts';

describe('boltLogger', () => {
  it("writes an error's name, code and redacted message only, never the response it carries", () => {
    const logger = new RecordingLogger();
    const error = Object.assign(new Error('An API error occurred: invalid_auth for xoxb-123-456-secret'), {
      code: 'slack_webapi_platform_error',
      data: { ok: false, error: 'invalid_auth', response_metadata: { token: 'xoxb-123-456-secret' } },
      headers: { authorization: 'Bearer xoxb-123-456-secret' },
    });
    boltLogger(logger).error('chat.postMessage failed', error);
    const [entry] = logger.entries;
    expect(entry?.fields).toEqual({
      component: 'slack',
      err: { name: 'Error', code: 'slack_webapi_platform_error', message: expect.not.stringContaining('secret') },
    });
    expect(JSON.stringify(logger.entries)).not.toContain('xoxb-123-456-secret');
  });
});
