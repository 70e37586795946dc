import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedbackRecorder } from '../../src/feedback/feedback-recorder.ts';
import { silentLogger } from '../../src/logger.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { realBot } from '../support/bot.ts';

let store: Store;

beforeEach(() => {
  store = openStore(':memory:', silentLogger);
});

afterEach(() => {
  store.close();
});

describe('FeedbackRecorder', () => {
  it('keeps votes with hashed users and lists the worst-rated questions first', () => {
    const recorder = new FeedbackRecorder(store.feedback, () => new Date('2026-11-23T12:00:00Z'));
    const reply = realBot().ask('entry-into-force', { platform: 'cli' });
    recorder.record({ question: 'entry-into-force', reply, vote: 'up', platform: 'slack', userId: 'U1' });
    recorder.record({ question: 'who chaired?', reply, vote: 'down', platform: 'discord', userId: '42' });
    recorder.record({ question: 'who chaired?', reply, vote: 'down', platform: 'slack', userId: 'U2' });
    expect(store.feedback.worstRated(5)).toEqual([{ question: 'who chaired?', down: 2, up: 0 }]);
  });
});
