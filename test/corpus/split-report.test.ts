import { describe, expect, it } from 'vitest';
import { splitReport } from '../../src/corpus/split-report.ts';
import { byLocator, expectPassageInvariants, readSeed, seedFiles, textOf } from './support/passages.ts';

const file = seedFiles.expertGroupReport;
const text = readSeed(file);
const passages = splitReport(file, text);
const chapter2 = 'ثانياً - قائمة التوصيات والاستنتاجات الأولية التي جمعها المقرر';

describe('splitReport on the expert group report (004)', () => {
  it('cuts 193 passages: the title, 73 paragraphs, 67 + 50 sub-items of ¶ 13 and ¶ 14, 2 footnotes', () => {
    expect(passages).toHaveLength(193);
    expect(passages.filter((passage) => passage.locator.startsWith('¶ 13 ('))).toHaveLength(67);
    expect(passages.filter((passage) => passage.locator.startsWith('¶ 14 ('))).toHaveLength(50);
    expect(passages.filter((passage) => passage.locator.includes('الحاشية'))).toHaveLength(2);
  });

  it('keeps offsets exact, trimmed, ordered and non-overlapping, with unique locators', () => {
    expectPassageInvariants(passages, file, text);
  });

  it('has paragraphs ¶ 1 to ¶ 73, each exactly once and in order', () => {
    const paragraphs = passages.filter((passage) => /^¶ \d+$/.test(passage.locator)).map((p) => p.locator);
    expect(paragraphs).toEqual(Array.from({ length: 73 }, (_, index) => `¶ ${index + 1}`));
  });

  it.each([
    ['العنوان', 'تقرير عن اجتماع فريق الخبراء المعني بإجراء دراسة شاملة'],
    ['¶ 1', '1- طلبت الجمعية العامة في قرارها 230/65'],
    ['¶ 13', '13- تماشيا مع خطة عمل فريق الخبراء'],
    ['¶ 13 (أ)', '(أ) فيما يتعلق بنطاق تعريف الجريمة السيبرانية'],
    ['¶ 13 (ب)', '(ب) فيما يتعلق بآليات التعاون الدولي'],
    ['¶ 13 (ج)', '(ج) من الضروري وجود شركاء'],
    ['¶ 13 (هـ)', '(هـ) ينبغي تحسين كفاءة التعاون الدولي'],
    ['¶ 13 (ن)', '(ن) فيما يتعلق بنطاق التعاون الدولي'],
    ['¶ 13 (د)²', '(د) ينبغي للبلدان أن تحسن تنفيذ القوانين الوطنية'],
    ['¶ 13 (ي)²', '(ي) يتطلب التعاون الدولي الفعال'],
    ['¶ 13 (ف)²', '(ف) استحدث المكتب المعني بالمخدرات والجريمة'],
    ['¶ 13 (أأ)', '(أأ) ينبغي للدول أن تعزز تدابير تبادل المعلومات المالية'],
    ['¶ 13 (قق)', '(ق ق) رأى بعض المتكلمين'],
    ['¶ 13 (أأأ)', '(أ أ أ) ينبغي للمجتمع الدولي'],
    ['¶ 13 (ببب)', '(ببب) ينبغي للدول الأعضاء أن تتبادل المساعدة القانونية'],
    ['¶ 13 (ططط)', '(ط ط ط) أوصي بأن ينطبق القانون الدولي'],
    ['¶ 13 (ييي)', '(ي ي ي) ينبغي للدولة المتلقية الطلب'],
    ['¶ 13 (لل)', '(ل ل) ينبغي للمجتمع الدولي أن يصوغ'],
    ['¶ 13 (سسس)', '(سسس) من المهم ضمان الاستخدام الآمن'],
    ['¶ 13، الحاشية 1', '(1) إن مصطلح "استغلال الأطفال في المواد الإباحية"'],
    ['¶ 14', '14- تماشياً مع خطة عمل فريق الخبراء'],
    ['¶ 14 (أ)', '(أ) ينبغي التسليم بأن المنع ليس مسؤولية الحكومات وحدها'],
    ['¶ 14 (د)', '(د) ينبغي إدراج الوعي بالأمن السيبراني'],
    ['¶ 14 (د)²', '(د) ينبغي للدول أن تدعم المنشآت التجارية'],
    ['¶ 14 (خ)²', '(خ) ينبغي أن يبسر المكتب المعني بالمخدرات والجريمة'],
    ['¶ 16', '16- نظر فريق الخبراء، أثناء جلساته الأولى'],
    ['¶ 66', '66- اعتمد فريق الخبراء، في جلسته الأولى'],
    ['¶ 67', '67- تكلم خبراء من الدول الأعضاء التالية'],
    ['¶ 73', '73- اعتمد فريق الخبراء، في جلسته السادسة'],
    ['الحاشية 2', '(2) ألقى المراقب عن دولة فلسطين'],
  ])('%s starts with "%s"', (locator, start) => {
    expect(textOf(passages, locator, text).startsWith(start)).toBe(true);
  });

  it.each([
    ['¶ 4', 'لتعزيز التدابير القانونية أو غيرها من التدابير القائمة'],
    ['¶ 9', 'المعلومات دوريا عن التطورات الجديدة'],
    ['¶ 13 (أ)', 'تُيسر بواسطة الفضاء السيبراني)'],
    ['¶ 13 (ب)', 'الجمعية العامة إنشاء لجنة خبراء حكومية دولية'],
    ['¶ 13 (ف)²', 'Electronic Evidence Across Borders'],
    ['¶ 18', 'الجريمة السيبرانية؛ وسن تشريعات بشأن الجريمة السيبرانية'],
    ['¶ 23', 'الجريمة السيبرانية، وتعزيز القدرة على إنفاذ القانون'],
    ['¶ 28', 'الأولية لتحسين أساليب التحري الخاصة'],
    ['¶ 34', 'تعديلها - يجعل العضوية في الشبكات العاملة'],
    ['¶ 45', 'ولاية الفريق، في ضوء قرار الجمعية العامة 247/74'],
    ['¶ 53', 'والتقنية والمؤسسية التي تفرضها الجريمة السيبرانية'],
    ['¶ 59', 'وأضيف أن ذلك ينبغي أن يكون، في الحالة المثلى'],
    ['¶ 13، الحاشية 1', 'وقد أسهم ما سبق في استخدام مصطلح'],
    ['¶ 13، الحاشية 1', 'وبالتالي فعلى الرغم من أن مصطلح'],
    ['¶ 66', '1- المسائل التنظيمية:'],
    ['¶ 66', '(أ) افتتاح الاجتماع؛'],
    ['¶ 66', '5- اعتماد التقرير.'],
  ])('page-break continuations and embedded lists stay with their passage: %s contains "%s"', (locator, part) => {
    expect(textOf(passages, locator, text)).toContain(part);
  });

  it('keeps the footnote out of ¶ 13 (ب), and (ب) out of the footnote', () => {
    const item = textOf(passages, '¶ 13 (ب)', text);
    const footnote = textOf(passages, '¶ 13، الحاشية 1', text);
    expect(item).not.toContain('إن مصطلح');
    expect(item).not.toContain('وقد أسهم ما سبق');
    expect(item.endsWith('أو تعارض أي مما سبق؛')).toBe(true);
    expect(footnote).not.toContain('الجمعية العامة إنشاء لجنة');
    expect(footnote).toContain('Terminology Guidelines');
    // The footnote marker in ¶ 13 (أ) stays where the document has it.
    expect(textOf(passages, '¶ 13 (أ)', text)).toContain('الإباحية،⁽¹⁾ والأنشطة');
  });

  it('does not leave the ¶ 13 (ب) spans adjacent: the footnote sits between them', () => {
    const item = byLocator(passages, '¶ 13 (ب)');
    const footnote = byLocator(passages, '¶ 13، الحاشية 1');
    expect(item.spans).toHaveLength(2);
    expect(footnote.spans).toHaveLength(3);
    expect(item.spans[0]?.end).toBeLessThan(footnote.spans[0]?.start ?? 0);
    expect(footnote.spans[2]?.end).toBeLessThan(item.spans[1]?.start ?? 0);
  });

  it('makes no passage of the agenda items inside ¶ 66', () => {
    expect(passages.filter((passage) => passage.locator.startsWith('¶ 66'))).toHaveLength(1);
    expect(byLocator(passages, '¶ 66').spans).toHaveLength(8);
  });

  it.each([
    ['¶ 1', ['أولاً - مقدمة']],
    ['¶ 13', [chapter2, 'ألف - التعاون الدولي']],
    ['¶ 13 (ي)²', [chapter2, 'ألف - التعاون الدولي']],
    ['¶ 13، الحاشية 1', [chapter2, 'ألف - التعاون الدولي']],
    ['¶ 14 (أ)', [chapter2, 'باء - المنع']],
    ['¶ 15', ['ثالثاً - ملخص المداولات (ملخص مقدم من الرئيس)']],
    ['¶ 16', ['ثالثاً - ملخص المداولات (ملخص مقدم من الرئيس)', 'ألف - التعاون الدولي']],
    ['¶ 64', ['ثالثاً - ملخص المداولات (ملخص مقدم من الرئيس)', 'جيم - مسائل أخرى']],
    ['¶ 66', ['رابعاً - تنظيم الاجتماع', 'باء - إقرار جدول الأعمال والمسائل التنظيمية الأخرى']],
    ['¶ 73', ['خامسا - اعتماد التقرير']],
    ['الحاشية 2', ['رابعاً - تنظيم الاجتماع', 'جيم - الكلمات']],
  ])('gives %s the section headings %j as context', (locator, context) => {
    expect(byLocator(passages, locator).context).toEqual(context);
  });

  it('never makes a heading a passage or puts one inside a span', () => {
    for (const heading of ['أولاً - مقدمة', 'ألف - التعاون الدولي', 'باء - المنع', 'دال - الحضور', 'خامسا - اعتماد']) {
      for (const passage of passages) expect(textOf(passages, passage.locator, text)).not.toContain(heading);
    }
  });
});

describe('splitReport on small documents', () => {
  it.each([
    {
      name: 'a skipped paragraph number still starts a paragraph',
      doc: '1- أول فقرة.\n\n3- فقرة طويلة بما يكفي لتكون فقرة حقيقية وليست بندا في قائمة مدرجة داخل فقرة أخرى من فقرات التقرير.',
      locators: ['¶ 1', '¶ 3'],
    },
    {
      name: 'a short out-of-sequence number is a list item of the paragraph',
      doc: '1- جدول الأعمال:\n1- البند الأول.\n2- البند الثاني.\n2- الفقرة الثانية.',
      locators: ['¶ 1', '¶ 2'],
    },
    {
      name: 'a parenthesised word is text, not a sub-item',
      doc: '1- فقرة:\n(مثلا) نص يتابع الفقرة.\n(أ) بند.',
      locators: ['¶ 1', '¶ 1 (أ)'],
    },
    {
      name: 'a footnote after a finished sentence takes all the following text',
      doc: '1- فقرة تامة.⁽¹⁾\n\n(1) حاشية.\n\nتتمة الحاشية.\n\n2- فقرة ثانية.',
      locators: ['¶ 1', 'الحاشية 1', '¶ 2'],
    },
  ])('$name', ({ doc, locators }) => {
    const result = splitReport('004_0000000000000000.txt', doc);
    expect(result.map((passage) => passage.locator)).toEqual(locators);
    expectPassageInvariants(result, '004_0000000000000000.txt', doc);
  });
});
