import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countedUnit, textNear } from '../../src/answer/counted-noun.ts';
import { passageText } from '../../src/corpus/passage.ts';
import { silentLogger } from '../../src/logger.ts';
import { openSearch } from '../../src/search/open-search.ts';

const search = openSearch({ seedsDir: resolve('seeds'), indexDir: resolve('index'), logger: silentLogger });

const WHOLE_FILE = { start: 0, end: Number.POSITIVE_INFINITY };

/** The first passage whose text matches `pattern`. */
function passageMatching(pattern: RegExp) {
  const passage = search.passages.find((analyzed) => pattern.test(passageText(analyzed.passage, analyzed.fileText)));
  if (!passage) throw new Error(`test: no passage matches ${pattern}`);
  return passage;
}

/** The counted unit of an Arabic question starting "كم". */
function counted(question: string) {
  const unit = countedUnit(search.plan(question, 'ar'), 1);
  if (!unit) throw new Error('test: no counted unit');
  return unit;
}

describe('countedUnit', () => {
  it('takes the noun after the quantity phrase', () => {
    const plan = search.plan('كم دولة يجب أن تصدق على الاتفاقية؟', 'ar');
    expect(countedUnit(plan, 1)?.label).toBe('دوله');
  });

  it('has none when no content word follows', () => {
    const plan = search.plan('تصدق الدول كم؟', 'ar');
    expect(countedUnit(plan, plan.words.length)).toBeUndefined();
  });
});

describe('textNear', () => {
  it('finds the number standing beside the counted noun (40 states)', () => {
    const near = textNear(passageMatching(/40 دولة/), counted('كم دولة يجب أن تصدق؟'), WHOLE_FILE);
    expect(near?.some((text) => /40/.test(text))).toBe(true);
  });

  it('does not take a 24/7 far from the counted noun for a count of states', () => {
    const near = textNear(
      passageMatching(/كل دولة بإنشاء نقطة اتصال/),
      counted('كم دولة أنشأت نقطة اتصال؟'),
      WHOLE_FILE,
    );
    expect(near).toBeDefined();
    expect(near?.some((text) => /\d/.test(text))).toBe(false);
  });

  it('is undefined when the range does not name the counted noun', () => {
    expect(textNear(passageMatching(/40 دولة/), counted('كم قاضيا تدرب؟'), WHOLE_FILE)).toBeUndefined();
  });
});
