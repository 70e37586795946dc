import { describe, expect, it } from 'vitest';
import { ansiStyle, renderText } from '../../adapters/console/render-text.ts';
import { answerReply, type ReplyOffers } from '../../src/answer/answer-reply.ts';
import type { Excerpt, Language } from '../../src/answer/reply.ts';

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

const answer = (lang: Language, excerpts: Excerpt[], offers: Partial<ReplyOffers> = {}, searchedTerms: string[] = []) =>
  answerReply(
    { query: 'q', lang, heading: 'Question?', excerpts, searchedTerms, confidence: 1 },
    { share: false, vote: false, english: lang === 'en', platform: 'console', ...offers },
  );

describe('renderText', () => {
  it('numbers excerpts, cites them and folds line breaks inside a quote', () => {
    const text = renderText(answer('ar', [excerpt]));
    expect(text).toContain('[1] معاهدة الأمم المتحدة · ناشر · 2025-10 · الفقرة 2');
    expect(text).toContain('«يجب أن تصدق عليها 40 دولة»');
    expect(text).toContain('Also in: معاهدة الأمم المتحدة, الفقرة 7');
  });

  it('shows the unofficial English under each quote when the core includes it', () => {
    const translated = { ...excerpt, translation: 'it must be ratified by 40 States' };
    expect(renderText(answer('en', [translated]))).toContain(
      '«يجب أن تصدق عليها 40 دولة»\n    English (unofficial translation): it must be ratified by 40 States',
    );
    expect(renderText(answer('ar', [translated]))).not.toContain('unofficial translation');
    expect(renderText(answer('ar', [translated], { english: true }))).toContain(
      'English (unofficial translation): it must be ratified by 40 States',
    );
  });

  it('marks highlighted words in a colour terminal', () => {
    expect(renderText(answer('ar', [excerpt]), ansiStyle)).toContain('\x1b[1;33mتصدق\x1b[0m');
  });

  it('shows the Arabic terms an English question searched', () => {
    const text = renderText(answer('en', [], {}, ['حيز النفاذ', 'تصديق']));
    expect(text).toContain('Searched the Arabic text for: حيز النفاذ، تصديق');
  });

  it('shows the chart as its words, where the picture would be', () => {
    const reply = {
      kind: 'status' as const,
      lang: 'en' as const,
      query: 'status',
      parts: [
        { type: 'heading' as const, text: 'Ratification status' },
        { type: 'progress' as const, label: 'Toward entry into force', bar: '▓░░░░░░░░░ 5/40' },
        { type: 'chart' as const, altText: 'Ratification progress: 5 of 40 instruments', png: new Uint8Array(8) },
        { type: 'asOf' as const, text: 'as of 2026-04-02 14:00 UTC from consents.xml' },
      ],
      actions: [],
    };
    expect(renderText(reply).split('\n').slice(2, 4)).toEqual([
      'Toward entry into force: ▓░░░░░░░░░ 5/40',
      'Ratification progress: 5 of 40 instruments',
    ]);
  });
});
