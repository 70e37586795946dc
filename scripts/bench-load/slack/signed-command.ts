import { createHmac } from 'node:crypto';

export interface SlashCommand {
  text: string;
  responseUrl: string;
  user: string;
  channel: string;
}

/**
 * A `/treaty` slash command as Slack posts it in HTTP mode: form-encoded, signed with the app's signing secret
 * over `v0:<timestamp>:<body>`, so Bolt's signature check runs for real.
 */
export function signedCommand(
  command: SlashCommand,
  secret: string,
): { body: string; headers: Record<string, string> } {
  const body = new URLSearchParams({
    command: '/treaty',
    text: command.text,
    team_id: 'T0TEAM',
    channel_id: command.channel,
    user_id: command.user,
    response_url: command.responseUrl,
    trigger_id: 'load.trigger',
  }).toString();
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': signature,
    },
  };
}
