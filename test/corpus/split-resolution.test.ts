import { describe, expect, it } from 'vitest';
import { splitResolution } from '../../src/corpus/split-resolution.ts';
import { byLocator, expectPassageInvariants, readSeed, seedFiles, textOf } from './support/passages.ts';

const file = seedFiles.interpolResolution;
const text = readSeed(file);
const passages = splitResolution(file, text);
const chapeau = ['تدعو جميع البلدان الأعضاء إلى:'];

describe('splitResolution on the INTERPOL resolution (003)', () => {
  it('cuts the title, 13 preamble paragraphs, 5 operative clauses and the vote', () => {
    expect(passages.map((passage) => passage.locator)).toEqual([
      'العنوان',
      ...Array.from({ length: 13 }, (_, index) => `الديباجة، الفقرة ${index + 1}`),
      ...Array.from({ length: 5 }, (_, index) => `المنطوق، البند ${index + 1}`),
      'نتيجة التصويت',
    ]);
    expectPassageInvariants(passages, file, text);
  });

  it.each([
    ['العنوان', 'قرار رقم 3'],
    ['الديباجة، الفقرة 1', 'إن الجمعية العامة للمنظمة الدولية للشرطة الجنائية (الإنتربول)'],
    ['الديباجة، الفقرة 2', 'في ضوء التطور السريع لتهديدات الجريمة السيبرية'],
    ['الديباجة، الفقرة 5', 'وإذ ترحب بالإنجاز المهم الذي حققه المجتمع الدولي'],
    ['الديباجة، الفقرة 8', 'وإدراكا منها لأهمية المعاهدات الدولية'],
    ['الديباجة، الفقرة 13', 'وإذ تذكّر أخيرا بإعلان فيينا'],
    ['المنطوق، البند 1', '1. الاعتراف بأهمية اعتماد نهج دولي متماسك'],
    ['المنطوق، البند 2', '2. تشجيع توقيع اتفاقية الأمم المتحدة لمكافحة الجريمة السيبرانية'],
    ['المنطوق، البند 5', '5. ضمان الاعتراف الكامل بقنوات الإنتربول'],
    ['نتيجة التصويت', 'اعتُمد: المؤيدون: 134، المعارضون: 0، الممتنعون عن التصويت: 5'],
  ])('%s starts with "%s"', (locator, start) => {
    expect(textOf(passages, locator, text).startsWith(start)).toBe(true);
  });

  it('joins the three heading lines into the title, symbol included', () => {
    const title = byLocator(passages, 'العنوان');
    expect(title.spans).toHaveLength(3);
    expect(textOf(passages, 'العنوان', text)).toBe(
      'قرار رقم 3 GA-2025-93-RES-03 الموضوع: دعم التصديق على اتفاقية الأمم المتحدة لمكافحة الجريمة السيبرانية وتنفيذها وتعزيز دور الإنتربول',
    );
  });

  it('makes the chapeau the context of the operative clauses, not a passage', () => {
    for (let clause = 1; clause <= 5; clause += 1) {
      expect(byLocator(passages, `المنطوق، البند ${clause}`).context).toEqual(chapeau);
    }
    expect(passages.some((passage) => textOf(passages, passage.locator, text).includes('تدعو جميع البلدان'))).toBe(
      false,
    );
  });

  it('leaves the leading "- " bullet out of the clause spans', () => {
    expect(textOf(passages, 'المنطوق، البند 3', text).startsWith('3. مواصلة الترويج')).toBe(true);
  });
});

describe('splitResolution on small documents', () => {
  it('joins a preamble paragraph cut by a page break', () => {
    const doc = 'قرار\n\nإن الجمعية العامة،\n\nوإذ تؤكد الحاجة إلى\n\nإطار قانوني،\n\nتقرر:\n\n1. أن تفعل.';
    const result = splitResolution('003_0000000000000000.txt', doc);
    expect(result.map((passage) => passage.locator)).toEqual([
      'العنوان',
      'الديباجة، الفقرة 1',
      'الديباجة، الفقرة 2',
      'المنطوق، البند 1',
    ]);
    expect(byLocator(result, 'الديباجة، الفقرة 2').spans).toHaveLength(2);
    expectPassageInvariants(result, '003_0000000000000000.txt', doc);
  });
});
