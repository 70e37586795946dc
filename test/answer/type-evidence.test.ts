import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnswerTypes } from '../../src/answer/answer-type.ts';
import type { Excerpt } from '../../src/answer/reply.ts';
import { countedUnit, evidenceTexts } from '../../src/answer/type-evidence.ts';
import { passageText } from '../../src/corpus/passage.ts';
import { loadLexicon } from '../../src/lexicon/lexicon.ts';
import { silentLogger } from '../../src/logger.ts';
import type { AnalyzedPassage } from '../../src/search/analyzed-passage.ts';
import { openSearch } from '../../src/search/open-search.ts';

const search = openSearch({ seedsDir: resolve('seeds'), indexDir: resolve('index'), logger: silentLogger });
const types = new AnswerTypes(loadLexicon().answerTypes);

/** The first passage whose text matches `pattern`. */
function passageMatching(pattern: RegExp): AnalyzedPassage {
  const passage = search.passages.find((analyzed) => pattern.test(passageText(analyzed.passage, analyzed.fileText)));
  if (!passage) throw new Error(`test: no passage matches ${pattern}`);
  return passage;
}

/** An excerpt quoting the passage's first span whole, with the given highlighted substrings. */
function excerptOf(analyzed: AnalyzedPassage, highlighted: string[] = []): Excerpt {
  const span = analyzed.passage.spans[0];
  if (!span) throw new Error('test: passage without spans');
  const text = analyzed.fileText.slice(span.start, span.end);
  const highlights = highlighted.map((word) => {
    const start = text.indexOf(word);
    return { start, end: start + word.length };
  });
  return { start: span.start, end: span.end, text, highlights } as Excerpt;
}

/** The counted unit of an Arabic question starting "كم". */
function counted(question: string) {
  const unit = countedUnit(search.plan(question, 'ar'), 1);
  if (!unit) throw new Error('test: no counted unit');
  return unit;
}

describe('countedUnit', () => {
  it('takes the noun after the quantity phrase', () => {
    expect(countedUnit(search.plan('كم دولة يجب أن تصدق على الاتفاقية؟', 'ar'), 1)?.label).toBe('دوله');
  });

  it('has none when no content word follows', () => {
    const plan = search.plan('تصدق الدول كم؟', 'ar');
    expect(countedUnit(plan, plan.words.length)).toBeUndefined();
  });

  it('has none when a verb comes first: the size of what follows is asked, not a count beside it', () => {
    expect(countedUnit(search.plan('How big is the cybercrime economy?', 'en'), 2)).toBeUndefined();
    expect(countedUnit(search.plan('How many member states attended?', 'en'), 2)?.label).toBe('member states');
  });
});

describe('evidenceTexts', () => {
  it('keeps the number standing beside the counted noun (40 states)', () => {
    const passage = passageMatching(/40 دولة/);
    const texts = evidenceTexts(excerptOf(passage), passage, counted('كم دولة يجب أن تصدق؟'));
    expect(texts.some(({ text }) => /40/.test(text))).toBe(true);
  });

  it('does not take a 24/7 far from the counted noun for a count of states', () => {
    const passage = passageMatching(/كل دولة بإنشاء نقطة اتصال/);
    const texts = evidenceTexts(excerptOf(passage), passage, counted('كم دولة أنشأت نقطة اتصال؟'));
    expect(texts.some(({ text }) => /\d/.test(text))).toBe(false);
  });

  it('falls back to the whole excerpt when it does not name the counted noun', () => {
    const passage = passageMatching(/40 دولة/);
    const excerpt = excerptOf(passage);
    expect(evidenceTexts(excerpt, passage, counted('كم قاضيا تدرب؟')).map(({ text }) => text)).toEqual([excerpt.text]);
  });

  it('looks only in the sentences that hold a word the question matched', () => {
    const passage = passageMatching(/في هانوي في نهاية هذا الأسبوع/);
    const excerpt = excerptOf(passage, ['حفل']);
    const texts = evidenceTexts(excerpt, passage).map(({ text }) => text);
    expect(texts).toEqual([expect.stringContaining('حفل')]);
    expect(texts[0]).not.toMatch(/هانوي/);
    expect(evidenceTexts(excerptOf(passage), passage).map(({ text }) => text)).toEqual([excerpt.text]);
  });

  it('keeps a clause after a semicolon with the one before (a name on one side, the role on the other)', () => {
    const passage = passageMatching(/وسلط فيليمون يانغ؛/);
    const excerpt = excerptOf(passage, ['رئيس']);
    const texts = evidenceTexts(excerpt, passage).map(({ text }) => text);
    expect(texts.some((text) => text.includes('فيليمون يانغ؛') && text.includes('رئيس الدورة'))).toBe(true);
  });

  it('blanks what is no count before cutting the pieces, so no half date or symbol is left behind', () => {
    const passage = passageMatching(/الاجتماع الأول لفريق الخبراء في فيينا في الفترة من 17 إلى 21/);
    const unit = counted('كم اجتماع عقد فريق الخبراء؟');
    const blank = (text: string) => types.blankNotEvidence('quantity', text);
    expect(evidenceTexts(excerptOf(passage), passage, unit).some(({ text }) => /\d/.test(text))).toBe(true);
    const pieces = evidenceTexts(excerptOf(passage), passage, unit, blank);
    expect(pieces.length).toBeGreaterThan(0);
    expect(pieces.some(({ text, unmatched }) => /\d/.test(text) || /\d/.test(unmatched))).toBe(false);
  });

  it("blanks the question's own matched words in `unmatched`, offsets kept", () => {
    const passage = passageMatching(/هانوي/);
    const excerpt = excerptOf(passage, ['هانوي']);
    const [piece] = evidenceTexts(excerpt, passage);
    expect(piece?.text).toBe(excerpt.text);
    expect(piece?.unmatched).not.toMatch(/هانوي/);
    expect(piece?.unmatched.length).toBe(excerpt.text.length);
  });
});
