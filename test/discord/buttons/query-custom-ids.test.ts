import { describe, expect, it } from 'vitest';
import {
  QueryCustomIds,
  SHARE_PREFIX,
  VOTE_DOWN_PREFIX,
  VOTE_UP_PREFIX,
} from '../../../adapters/discord/buttons/query-custom-ids.ts';

describe('QueryCustomIds', () => {
  it('carries a short question in the custom_id itself', () => {
    const customIds = new QueryCustomIds();
    const customId = customIds.customIdFor('متى تدخل الاتفاقية حيز النفاذ؟', SHARE_PREFIX);
    expect(customId).toBe(`${SHARE_PREFIX}q:متى تدخل الاتفاقية حيز النفاذ؟`);
    expect(new QueryCustomIds().queryFor(customId, SHARE_PREFIX)).toBe('متى تدخل الاتفاقية حيز النفاذ؟');
  });

  it('keeps a long question under a short key, within 100 characters', () => {
    const customIds = new QueryCustomIds();
    const question = 'q'.repeat(500);
    const customId = customIds.customIdFor(question, SHARE_PREFIX);
    expect(customId.length).toBeLessThanOrEqual(100);
    expect(customIds.queryFor(customId, SHARE_PREFIX)).toBe(question);
  });

  it('uses the inline form up to exactly 100 characters', () => {
    const customIds = new QueryCustomIds();
    const fits = 'x'.repeat(100 - `${SHARE_PREFIX}q:`.length);
    expect(customIds.customIdFor(fits, SHARE_PREFIX)).toHaveLength(100);
    expect(customIds.customIdFor(`${fits}x`, SHARE_PREFIX)).toMatch(/:k:/);
  });

  it('forgets the oldest keys past its capacity', () => {
    const customIds = new QueryCustomIds(2);
    const [first, second, third] = ['a', 'b', 'c'].map((letter) =>
      customIds.customIdFor(letter.repeat(200), SHARE_PREFIX),
    );
    expect(customIds.queryFor(first ?? '', SHARE_PREFIX)).toBeUndefined();
    expect(customIds.queryFor(second ?? '', SHARE_PREFIX)).toBe('b'.repeat(200));
    expect(customIds.queryFor(third ?? '', SHARE_PREFIX)).toBe('c'.repeat(200));
  });

  it('knows nothing of other custom ids', () => {
    expect(new QueryCustomIds().queryFor('something:else', SHARE_PREFIX)).toBeUndefined();
    expect(new QueryCustomIds().queryFor(`${VOTE_UP_PREFIX}q:adoption`, SHARE_PREFIX)).toBeUndefined();
  });

  it('encodes the question after any prefix, and reads it back only with that prefix', () => {
    const customIds = new QueryCustomIds();
    const up = customIds.customIdFor('adoption', VOTE_UP_PREFIX);
    expect(up).toBe('treaty:vote:up:q:adoption');
    expect(customIds.queryFor(up, VOTE_UP_PREFIX)).toBe('adoption');
    expect(customIds.queryFor(up, VOTE_DOWN_PREFIX)).toBeUndefined();
    // The inline form fits 100 characters after the longer prefix too.
    const fits = 'x'.repeat(100 - `${VOTE_DOWN_PREFIX}q:`.length);
    expect(customIds.customIdFor(fits, VOTE_DOWN_PREFIX)).toHaveLength(100);
  });

  it('gives the buttons of one long question one key, kept as long as any of them is recent', () => {
    const customIds = new QueryCustomIds(2);
    const long = 'l'.repeat(200);
    const share = customIds.customIdFor(long, SHARE_PREFIX);
    customIds.customIdFor('a'.repeat(200), SHARE_PREFIX);
    // Reissuing the key (another button for the same question) makes it the most recent again.
    const down = customIds.customIdFor(long, VOTE_DOWN_PREFIX);
    expect(down.slice(VOTE_DOWN_PREFIX.length)).toBe(share.slice(SHARE_PREFIX.length));
    customIds.customIdFor('b'.repeat(200), SHARE_PREFIX);
    expect(customIds.queryFor(share, SHARE_PREFIX)).toBe(long);
    expect(customIds.queryFor(down, VOTE_DOWN_PREFIX)).toBe(long);
    // 'a…' was the oldest and is forgotten; asking for it again issues a fresh key.
    const again = customIds.customIdFor('a'.repeat(200), SHARE_PREFIX);
    expect(customIds.queryFor(again, SHARE_PREFIX)).toBe('a'.repeat(200));
  });
});
