import type { webApi } from '@slack/bolt';
import { needsPermission } from '../../src/answer/command.ts';
import type { Logger } from '../../src/logger.ts';
import { type Asker, type ListenerContext, slackErrorFields } from './compose-answer.ts';

/**
 * Who may change a channel's digest subscriptions on Slack: workspace admins and owners (`users.info`, scope
 * `users:read`) and the users listed in SLACK_ADMIN_USER_IDS. The core refuses everyone else politely.
 */

/**
 * Whether `userId` may manage subscriptions. The allow-list is checked first (no API call); otherwise
 * `users.info` must say admin or owner. A failed lookup means no, and is logged.
 */
export async function canManageSubscriptions(
  client: webApi.WebClient,
  userId: string | undefined,
  adminUserIds: readonly string[],
  logger: Logger,
): Promise<boolean> {
  if (!userId) return false;
  if (adminUserIds.includes(userId)) return true;
  try {
    const { user } = await client.users.info({ user: userId });
    return user?.is_admin === true || user?.is_owner === true || user?.is_primary_owner === true;
  } catch (error) {
    logger.warn(
      { user: userId, ...slackErrorFields(error) },
      'slack: users.info failed; treating the user as not allowed to manage subscriptions',
    );
    return false;
  }
}

/**
 * The asker with the permission verdict added when the text asks to (un)subscribe; other texts need no API
 * call and go through unchanged.
 */
export async function withSubscriptionPermission(
  client: webApi.WebClient,
  text: string,
  asker: Asker,
  deps: Pick<ListenerContext, 'adminUserIds' | 'logger'>,
): Promise<Asker> {
  if (!needsPermission(text)) return asker;
  const allowed = await canManageSubscriptions(client, asker.user, deps.adminUserIds ?? [], deps.logger);
  return { ...asker, canManageSubscriptions: allowed };
}
