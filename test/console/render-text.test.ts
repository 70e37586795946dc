import { describe, expect, it } from 'vitest';
import { ansiStyle, renderText } from '../../adapters/console/render-text.ts';
import { type Excerpt, emptyReply } from '../../src/answer/reply.ts';

const citation = {
  source: '002_0e7922f09a8ca988.txt',
  title: { ar: 'معاهدة الأمم المتحدة', en: 'UN treaty' },
  publisher: { ar: 'ناشر', en: 'Publisher' },
  date: '2025-10',
  locator: 'الفقرة 2',
};
const excerpt: Excerpt = {
  source: citation.source,
  start: 0,
  end: 20,
  locator: 'الفقرة 2',
  title: citation.title.ar,
  text: 'يجب أن تصدق\nعليها 40 دولة',
  score: 1,
  highlights: [{ start: 7, end: 11 }],
  citation,
  alsoIn: [{ ...citation, locator: 'الفقرة 7' }],
};

describe('renderText', () => {
  it('numbers excerpts, cites them and folds line breaks inside a quote', () => {
    const text = renderText({ ...emptyReply('answer', 'q', 'ar', 'Question?'), excerpts: [excerpt] });
    expect(text).toContain('[1] معاهدة الأمم المتحدة — Publisher, 2025-10, الفقرة 2');
    expect(text).toContain('«يجب أن تصدق عليها 40 دولة»');
    expect(text).toContain('also in: معاهدة الأمم المتحدة — Publisher, 2025-10, الفقرة 7');
  });

  it('shows the unofficial English under each quote for an English question, not for an Arabic one', () => {
    const translated = { ...excerpt, translation: 'it must be ratified by 40 States' };
    const english = renderText({ ...emptyReply('answer', 'q', 'en', 'Q'), excerpts: [translated] });
    expect(english).toContain(
      '«يجب أن تصدق عليها 40 دولة»\n    English (unofficial translation): it must be ratified by 40 States',
    );
    const arabic = renderText({ ...emptyReply('answer', 'q', 'ar', 'Q'), excerpts: [translated] });
    expect(arabic).not.toContain('unofficial translation');
    const asked = renderText({ ...emptyReply('answer', 'q', 'ar', 'Q'), excerpts: [translated] }, undefined, {
      english: true,
    });
    expect(asked).toContain('English (unofficial translation): it must be ratified by 40 States');
  });

  it('marks highlighted words in a colour terminal', () => {
    const text = renderText({ ...emptyReply('answer', 'q', 'ar', 'Q'), excerpts: [excerpt] }, ansiStyle);
    expect(text).toContain('\x1b[1;33mتصدق\x1b[0m');
  });

  it('shows the Arabic terms an English question searched', () => {
    const text = renderText({ ...emptyReply('answer', 'q', 'en', 'Q'), searchedTerms: ['حيز النفاذ', 'تصديق'] });
    expect(text).toContain('Searched the Arabic text for: حيز النفاذ، تصديق');
  });
});
