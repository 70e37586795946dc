import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/answer/command.ts';

const isTopic = (slug: string) => ['entry-into-force', 'signature'].includes(slug);

describe('parseCommand', () => {
  it.each([
    ['', { kind: 'help' }],
    ['help', { kind: 'help' }],
    ['HELP', { kind: 'help' }],
    ['مساعدة', { kind: 'help' }],
    ['topics', { kind: 'topics' }],
    ['status', { kind: 'status' }],
    ['unsubscribe', { kind: 'unsubscribe' }],
    ['subscriptions', { kind: 'subscriptions' }],
    ['subscribe', { kind: 'subscribe', schedule: undefined, timeZone: undefined }],
    ['subscribe weekly Asia/Beirut', { kind: 'subscribe', schedule: 'weekly', timeZone: 'Asia/Beirut' }],
    ['subscribe 0 9 * * 1', { kind: 'subscribe', schedule: '0 9 * * 1', timeZone: undefined }],
    ['entry-into-force', { kind: 'topic', slug: 'entry-into-force' }],
    ['Entry-Into-Force', { kind: 'topic', slug: 'entry-into-force' }],
    ['data-retention', { kind: 'question', text: 'data retention' }],
    ['help me understand ratification', { kind: 'question', text: 'help me understand ratification' }],
    ['متى تدخل الاتفاقية حيز النفاذ؟', { kind: 'question', text: 'متى تدخل الاتفاقية حيز النفاذ؟' }],
  ])('parses %j', (text, expected) => {
    expect(parseCommand(text, isTopic)).toEqual(expected);
  });
});
