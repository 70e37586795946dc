import { describe, expect, it } from 'vitest';
import { PhraseMatcher } from '../../src/search/phrase-matcher.ts';

const words = (...terms: string[][]) => terms;

describe('PhraseMatcher.findAll', () => {
  const matcher = new PhraseMatcher<string>();
  matcher.add(['جريم', 'سيبران'], 'cybercrime');
  matcher.add(['جرايم', 'الكترون'], 'cybercrime');
  matcher.add(['حيز', 'نفاذ'], 'entry-into-force');
  matcher.add(['حيز'], 'space');

  it('finds a phrase when each word holds the phrase term among its terms', () => {
    const found = matcher.findAll(words(['لمكافح', 'مكافح'], ['جرايم'], ['الكترون']));
    expect(found).toEqual([{ value: 'cybercrime', from: 1, to: 3 }]);
  });

  it('reports overlapping phrases unless asked for the longest only', () => {
    const text = words(['حيز'], ['نفاذ']);
    expect(matcher.findAll(text).map((match) => match.value)).toEqual(['entry-into-force', 'space']);
    expect(matcher.findAll(text, true)).toEqual([{ value: 'entry-into-force', from: 0, to: 2 }]);
  });

  it('keeps every phrase of the longest length at a position', () => {
    const twin = new PhraseMatcher<string>();
    twin.add(['دول', 'اعضاء'], 'member-states');
    twin.add(['دول', 'اعضاء'], 'g:member-states');
    expect(twin.findAll(words(['دول'], ['اعضاء']), true).map((match) => match.value)).toEqual([
      'member-states',
      'g:member-states',
    ]);
  });

  it('ignores an empty phrase and finds nothing in no words', () => {
    const empty = new PhraseMatcher<string>();
    empty.add([], 'nothing');
    expect(empty.findAll(words(['x']))).toEqual([]);
    expect(matcher.findAll([])).toEqual([]);
  });
});
