import { describe, expect, it } from 'vitest';
import { passageText } from '../../src/corpus/passage.ts';
import { splitNews } from '../../src/corpus/split-news.ts';
import { byLocator, expectPassageInvariants, readSeed, seedFiles, textOf } from './support/passages.ts';

const documents = [seedFiles.adoptionNews, seedFiles.omsacRelease, seedFiles.hanoiNews].map((file) => {
  const text = readSeed(file);
  return { file, text, passages: splitNews(file, text) };
});
const [adoption, omsac, hanoi] = documents as [
  (typeof documents)[number],
  (typeof documents)[number],
  (typeof documents)[number],
];

const omsacTitle =
  'منظمة الأمن العالمية لمكافحة الفساد والجريمة ترحب باعتماد الإتفاقية التاريخية بشأن الجرائم الإلكترونية';
const hanoiTitle = 'معاهدة الأمم المتحدة لمكافحة الجرائم الإلكترونية: الآمال والمخاوف في هانوي!';

describe('splitNews on the seed articles', () => {
  it.each([
    [adoption.file, adoption, 24],
    [omsac.file, omsac, 8],
    [hanoi.file, hanoi, 8],
  ])('%s has %i paragraph passages with valid spans', (file, doc, count) => {
    expect(doc.passages).toHaveLength(count);
    expectPassageInvariants(doc.passages, file, doc.text);
    expect(doc.passages.map((passage) => passage.locator)).toEqual(
      Array.from({ length: count }, (_, index) => `الفقرة ${index + 1}`),
    );
  });

  it.each([
    [adoption, 'الفقرة 1', 'اعتمدت الجمعية العامة للأمم المتحدة، مؤخرًا'],
    [adoption, 'الفقرة 7', 'وسلط فيليمون يانغ؛ رئيس الدورة التاسعة والسبعين'],
    [adoption, 'الفقرة 13', 'ومن المنتظر في عام 2025، فتح باب التوقيع'],
    [adoption, 'الفقرة 24', 'كذلك يقوم المحتالون بالاحتيال'],
    [omsac, 'الفقرة 1', 'ترحب منظمة الأمن العالمية لمكافحة الفساد والجريمة (OMSAC)'],
    [omsac, 'الفقرة 7', 'ستكون الخطوة الرئيسية التالية هي حفل التوقيع الرسمي'],
    [omsac, 'الفقرة 8', 'وستواصل OMSAC متابعة تنفيذ هذه الإتفاقية'],
    [hanoi, 'الفقرة 1', 'سيتم التوقيع على معاهدة للأمم المتحدة لمكافحة الجرائم الإلكترونية في هانوي في 25 أكتوبر 2025'],
    [hanoi, 'الفقرة 2', 'سيتم التوقيع على اتفاق رئيسي للأمم المتحدة'],
    [hanoi, 'الفقرة 8', 'ومن المقرر أن يفتح باب التوقيع على الاتفاقية في 25 أكتوبر/تشرين الأول 2025'],
  ])('%#: %s starts with "%s"', (doc, locator, start) => {
    expect(textOf(doc.passages, locator, doc.text).startsWith(start)).toBe(true);
  });

  it.each([
    [adoption, 'الفقرة 6', []],
    [adoption, 'الفقرة 7', ['أداة جديدة لمكافحة الجرائم الإلكترونية']],
    [adoption, 'الفقرة 9', ['مكافحة الجرائم الإلكترونية.. انتصار لتعددية الأطراف']],
    [adoption, 'الفقرة 18', ['ترحيب الانتربول الدولي بالاتفاقية']],
    [adoption, 'الفقرة 24', ['مخاطر الجرائم الإلكترونية']],
    [omsac, 'الفقرة 1', [omsacTitle]],
    [omsac, 'الفقرة 2', [omsacTitle, 'تعزيز الآليات الدولية لمكافحة الجرائم الإلكترونية']],
    [omsac, 'الفقرة 5', [omsacTitle, 'إستجابة عالمية للتحديات الرقمية']],
    [omsac, 'الفقرة 8', [omsacTitle, 'دخول الاتفاقية حيز التنفيذ في 2025']],
    [hanoi, 'الفقرة 1', [hanoiTitle]],
    [hanoi, 'الفقرة 2', [hanoiTitle]],
    [hanoi, 'الفقرة 4', [hanoiTitle, 'دور فيتنام والمخاوف المتعلقة بحقوق الإنسان']],
    [hanoi, 'الفقرة 6', [hanoiTitle, 'خطوة نحو المستقبل؟']],
  ])('%#: %s has the title and nearest subheading %j as context', (doc, locator, context) => {
    expect(byLocator(doc.passages, locator).context).toEqual(context);
  });

  it('never quotes web cruft, the press-office signature or a headline', () => {
    const headlines = [omsacTitle, hanoiTitle, 'خطوة نحو المستقبل؟', 'أداة جديدة لمكافحة الجرائم الإلكترونية'];
    const cruft = ['top of page', 'bottom of page', 'Photo du rédacteur', 'コメント', 'قسم الصحافة والإعلام'];
    for (const doc of documents) {
      for (const passage of doc.passages) {
        const quoted = passageText(passage, doc.text);
        for (const phrase of [...cruft, ...headlines]) expect(quoted).not.toContain(phrase);
      }
    }
  });
});

describe('splitNews on small documents', () => {
  it.each([
    {
      name: 'cruft glued to a paragraph is cut out of its span',
      doc: 'top of page فقرة أولى من الخبر.\n\nفقرة ثانية. bottom of page',
      texts: ['فقرة أولى من الخبر.', 'فقرة ثانية.'],
    },
    {
      name: 'a short last line is kept as text, not taken for a heading',
      doc: 'عنوان الخبر\nنص الخبر الأول.\nسطر أخير قصير',
      texts: ['نص الخبر الأول.', 'سطر أخير قصير'],
    },
    {
      name: 'a document of cruft only has no passages',
      doc: 'top of page\n\nコメント\n\nbottom of page',
      texts: [],
    },
  ])('$name', ({ doc, texts }) => {
    const result = splitNews('000_0000000000000000.txt', doc);
    expect(result.map((passage) => passageText(passage, doc))).toEqual(texts);
    expectPassageInvariants(result, '000_0000000000000000.txt', doc);
  });
});
