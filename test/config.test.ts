import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../src/config.ts';

const slackHttp = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: '0123456789abcdef0123' };

describe('readConfig', () => {
  it('defaults to the console chat over the seeds when nothing is set', () => {
    expect(readConfig({})).toEqual({
      logLevel: 'info',
      seedsDir: 'seeds',
      indexDir: 'index',
      port: 3000,
      dataDir: 'data',
      status: {
        sourceUrl: 'https://treaties.un.org/doc/Publication/MTDSG/Volume%20II/Chapter%20XVIII/XVIII-16.en.xml',
        pollCron: '0 */6 * * *',
      },
      questionsPerMinute: 20,
    });
  });

  it('treats empty variables as unset', () => {
    expect(readConfig({ SLACK_BOT_TOKEN: '', PORT: '' }).slack).toBeUndefined();
  });

  it('reads Slack HTTP mode and Socket Mode', () => {
    expect(readConfig({ ...slackHttp, PORT: '8080' }).slack).toEqual({
      botToken: 'xoxb-1-2-abc',
      signingSecret: '0123456789abcdef0123',
      port: 8080,
    });
    expect(readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-A' }).slack?.appToken).toBe('xapp-1-A');
  });

  it('reads the Slack admin allow-list and the status settings', () => {
    const config = readConfig({
      ...slackHttp,
      SLACK_ADMIN_USER_IDS: 'U123,U456',
      STATUS_SOURCE_URL: 'file:///tmp/s.xml',
    });
    expect(config.slack?.adminUserIds).toEqual(['U123', 'U456']);
    expect(config.status.sourceUrl).toBe('file:///tmp/s.xml');
  });

  it('reads Discord credentials', () => {
    const config = readConfig({ DISCORD_TOKEN: 'x'.repeat(40), DISCORD_APPLICATION_ID: '123456789012345678' });
    expect(config.discord).toEqual({ token: 'x'.repeat(40), applicationId: '123456789012345678' });
  });

  it.each([
    [{ LOG_LEVEL: 'loud' }, /^config: LOG_LEVEL /],
    [{ PORT: 'eighty' }, /^config: PORT /],
    [{ PORT: '70000' }, /^config: PORT /],
    [{ STATUS_POLL_CRON: '99 * * * *' }, /^config: STATUS_POLL_CRON must be a 5-field cron expression/],
    [{ STATUS_POLL_CRON: '0 */6 * * * *' }, /^config: STATUS_POLL_CRON must be a 5-field cron expression/],
    [
      { SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_SIGNING_SECRET: 'abcdef0123456789' },
      /^config: SLACK_BOT_TOKEN must be a bot token/,
    ],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /^config: SLACK_SIGNING_SECRET is missing/],
    [{ SLACK_APP_TOKEN: 'xapp-1' }, /^config: SLACK_BOT_TOKEN is missing/],
    [{ ...slackHttp, SLACK_API_URL: 'not a url' }, /^config: SLACK_API_URL must be an http\(s\) URL/],
    [{ DISCORD_TOKEN: 'x'.repeat(40) }, /^config: DISCORD_APPLICATION_ID is missing/],
    [
      { DISCORD_TOKEN: 'x'.repeat(40), DISCORD_APPLICATION_ID: 'abc' },
      /^config: DISCORD_APPLICATION_ID must be a Discord id/,
    ],
  ])('stops on %j with one line naming the variable', (env, message) => {
    const read = () => readConfig(env);
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(message);
    try {
      read();
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it.each([
    { SLACK_BOT_TOKEN: 'xoxp-user-token-SECRET42' },
    { ...slackHttp, SLACK_SIGNING_SECRET: 'SECRET42-not-hex' },
    { ...slackHttp, SLACK_APP_TOKEN: 'xoxb-SECRET42' },
    { DISCORD_TOKEN: 'SECRET42' },
  ])('never echoes the value of a rejected credential (%#)', (env) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    try {
      readConfig(env);
    } catch (error) {
      expect((error as Error).message).not.toContain('SECRET42');
    }
  });
});
