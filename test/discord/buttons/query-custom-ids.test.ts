import { describe, expect, it } from 'vitest';
import { POST_TO_CHANNEL_PREFIX, QueryCustomIds } from '../../../adapters/discord/buttons/query-custom-ids.ts';

describe('QueryCustomIds', () => {
  it('carries a short question in the custom_id itself', () => {
    const customIds = new QueryCustomIds();
    const customId = customIds.customIdFor('متى تدخل الاتفاقية حيز النفاذ؟');
    expect(customId).toBe(`${POST_TO_CHANNEL_PREFIX}q:متى تدخل الاتفاقية حيز النفاذ؟`);
    expect(new QueryCustomIds().queryFor(customId)).toBe('متى تدخل الاتفاقية حيز النفاذ؟');
  });

  it('keeps a long question under a short key, within 100 characters', () => {
    const customIds = new QueryCustomIds();
    const question = 'q'.repeat(500);
    const customId = customIds.customIdFor(question);
    expect(customId.length).toBeLessThanOrEqual(100);
    expect(customIds.queryFor(customId)).toBe(question);
  });

  it('uses the inline form up to exactly 100 characters', () => {
    const customIds = new QueryCustomIds();
    const fits = 'x'.repeat(100 - `${POST_TO_CHANNEL_PREFIX}q:`.length);
    expect(customIds.customIdFor(fits)).toHaveLength(100);
    expect(customIds.customIdFor(`${fits}x`)).toMatch(/:k:/);
  });

  it('forgets the oldest keys past its capacity', () => {
    const customIds = new QueryCustomIds(2);
    const [first, second, third] = ['a', 'b', 'c'].map((letter) => customIds.customIdFor(letter.repeat(200)));
    expect(customIds.queryFor(first ?? '')).toBeUndefined();
    expect(customIds.queryFor(second ?? '')).toBe('b'.repeat(200));
    expect(customIds.queryFor(third ?? '')).toBe('c'.repeat(200));
  });

  it('knows nothing of other custom ids', () => {
    expect(new QueryCustomIds().queryFor('something:else')).toBeUndefined();
  });
});
