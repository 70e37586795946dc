import { describe, expect, it } from 'vitest';
import { AnswerTypes, statedNumbers } from '../../src/answer/answer-type.ts';
import { loadLexicon } from '../../src/lexicon/lexicon.ts';

const types = new AnswerTypes(loadLexicon().answerTypes);

describe('AnswerTypes.asked', () => {
  it.each([
    ['متى تدخل الاتفاقية حيز النفاذ؟', ['time']],
    ['إمتى هتدخل الاتفاقية حيز التنفيذ؟', ['time']],
    ['وقتاش غادي تدخل الاتفاقية؟', ['time']],
    ['When was the convention adopted?', ['time']],
    ['كم دولة شاركت في التفاوض؟', ['quantity']],
    ['شحال من دولة صادقات؟', ['quantity']],
    ['How many states took part?', ['quantity']],
    ['كم سنة سجن عقوبة الاحتيال؟', ['duration', 'quantity']],
    ['How long after the 40th ratification does it apply?', ['duration']],
    ['ما هي ميزانية البرنامج العالمي؟', ['money']],
    ['unodc programme annual budget', ['money']],
    ['اكو رقم للكلفه؟', ['money', 'quantity']],
    // A keyword query puts its question words last; "how many" asks wherever it stands.
    ['expert group first meeting when where', ['time', 'place']],
    ['interpol how many member countries', ['quantity']],
    // "Which" with its noun asks anywhere, unless "states" is a verb.
    ['INTERPOL Marrakech resolution which countries abstained', ['states']],
    ['Does the convention have an article which states that parties cooperate?', []],
    ['What are the obligations which States should meet?', []],
    ['List the measures which states parties adopt', []],
    ['What damage do cyber criminals inflict, and on whom?', []],
    ['expert group meeting when, where?', ['time', 'place']],
    // "Number" before a number cites a document and asks for no number; other keywords still ask.
    ['وش موضوع القرار رقم 3؟', []],
    ['What is resolution number 3 about?', []],
    ['unodc budget 2025', ['money']],
    ['وين انعقد الاجتماع؟', ['place']],
    ['Which countries voted against it?', ['states']],
    ['ما هي الدول اللي وقعت؟', ['states']],
    ['في أي بلد انعقد الحفل؟', ['place']],
    ['مين ترأس الاجتماع؟', ['name']],
    ['شكون اللي دار هاد القرار؟', ['person']],
    ["What's the name of the rapporteur?", ['name']],
    ['أي ١٩ دولة شاركت؟', ['place']],
    ['Which 19 countries took part?', ['states']],
    ['Which five countries abstained?', ['states']],
    ['وش هي الخمس دول اللي امتنعت؟', ['states']],
    ['ما هي الدول الخمس التي امتنعت؟', ['states']],
    ['شو أساميهم؟', ['person']],
    ['منو الدولة اللي اقترحت الفكرة؟', ['states']],
    ['مين الدول اللي امتنعت؟', ['states']],
    ['ياهي الدولة اللي قدمت المشروع؟', ['states']],
    ['شمن دول كتصيفط الطلبات؟', ['states']],
    ['What was the vote count?', ['quantity']],
    ['What acts count as cybercrime?', []],
    ['Can you tell me the number of states that signed?', ['quantity']],
    ['What prison sentence does hacking carry?', ['duration']],
    ['هتدخل حيز التنفيذ يوم كام؟', ['time', 'quantity']],
    ['شو هدف الاتفاقية؟', []],
    ['هل يُنصح بقياس كلفة التعافي من الهجمات؟', []],
    ['Does the report mention the cost of recovery?', []],
    ['Is there a UNODC handbook, and who wrote it?', ['person']],
    ['What does the convention aim to do?', []],
    ['شنو الإجراءات المالية اللي تمنع المجرمين يستفادو من فلوس الجرايم؟', []],
    ['What does the report say about money laundering?', []],
    ['شكد فلوس رجعوا بالعملية؟', ['money', 'quantity']],
    ['كم من الأموال تم استردادها؟', ['money', 'quantity']],
    ['How much money was recovered?', ['money', 'quantity']],
    ['شنو قالو الخبراء عن مدة الاحتفاظ بالبيانات؟', []],
    ['الكل لازم يستفيد من الانترنت بغض النظر وين ساكن؟', []],
    ['واش كاين شي تعاون بين الدول؟', []],
    ['كاين شي اتفاق؟ وفين تم؟', ['place']],
    ['ما هي مدة الاحتفاظ بالبيانات؟', ['duration']],
    ['موعد دخول الاتفاقية حيز النفاذ', ['time']],
  ])('%s asks for %j', (question, expected) => {
    expect(types.asked(question).sort()).toEqual([...expected].sort());
  });

  it('does not take a subordinate "when" or a relative "who" for the question word', () => {
    expect(types.asked('What principle applies when states share evidence?')).toEqual([]);
    expect(types.asked('What did the experts who met in Vienna recommend?')).toEqual([]);
    expect(types.asked('When countries swap evidence, what principle must they respect?')).toEqual([]);
    expect(types.asked('If a state ratifies, when does it apply?')).toEqual(['time']);
    expect(types.asked('When will the convention enter into force, does anyone know?')).toEqual(['time']);
  });

  it('takes a question word behind a conjunction (ووين، وإمتى)', () => {
    expect(types.asked('إمتى ووين انعقد الاجتماع؟').sort()).toEqual(['place', 'time']);
  });

  it('takes "which" behind a preposition in a phrase (بأي سنة، لأي دولة), not a bare preposition and pronoun', () => {
    expect(types.asked('بأي سنة فتح الإنتربول مكتبه؟')).toEqual(['time']);
    expect(types.asked('ولأي دولة رجعت الرئاسة؟')).toEqual(['place']);
    expect(types.asked('بأي طريقة تتعاون الدول؟')).toEqual([]);
    expect(types.asked('بكم صوتوا؟')).toEqual([]);
  });

  it('asks for a name when a role follows the person question word, in every variety and in English', () => {
    for (const question of [
      'منو هو الأمين العام للإنتربول؟',
      'شكون هو الممثل الخاص ديال الانتربول؟',
      'شو اسم المتحدث باسم الأمين العام؟',
      'مين كان رئيس الدورة ال٧٩ للجمعية العامة؟',
      'من ترأس الاجتماع؟',
      'Who is the INTERPOL Secretary General?',
      'Who currently heads the office in New York?',
      'who was the Portuguese panelist on the prevention item?',
    ]) {
      expect(types.asked(question), question).toEqual(['name']);
    }
  });

  it('asks for no person when the question names one the documents name (who is Philemon Yang?)', () => {
    expect(types.asked('مين هو فيليمون يانغ؟ شو كان شغله قبل؟')).toEqual([]);
    expect(types.asked('منو غادة والي؟')).toEqual([]);
    expect(types.asked('Who is Philemon Yang?')).toEqual([]);
    expect(types.asked("Who is INTERPOL's special representative?")).toEqual(['name']);
  });

  it('keeps a person question without a role, or with one further on, asking for any person or body', () => {
    expect(types.asked('مين لازم يشارك بالوقاية من الجرايم؟')).toEqual(['person']);
    expect(types.asked('شكون اللي مسؤول على سياسات الإنفاذ؟')).toEqual(['person']);
    expect(types.asked('Who should awareness campaigns be aimed at?')).toEqual(['person']);
    expect(types.asked("What's the name of the operation?")).toEqual(['person']);
    expect(types.asked('مين الدول اللي شاركت مع الرئيس؟')).toEqual(['states']);
    expect(types.asked('Who did the states ask to draft the report for the chair?')).toEqual(['person']);
  });

  it('takes an English keyword after "of" or "about" for a topic, as after عن', () => {
    expect(types.asked('loss of location data investigation jurisdiction framework')).toEqual([]);
    expect(types.asked('What does the report say about the budget?')).toEqual([]);
    expect(types.asked('expert meeting venue')).toEqual(['place']);
    expect(types.asked('date of adoption')).toEqual(['time']);
  });

  it('reads باسم as "on behalf of", not as asking for a name', () => {
    expect(types.asked('شو قال الناطق باسم غوتيريش عن الاتفاقية؟')).toEqual([]);
    expect(types.asked('وباسم مين اتكلم؟')).toEqual(['person']);
    expect(types.asked('شو اسم المبادرة؟')).toEqual(['person']);
  });

  it('takes a keyword after في as framed (in …, is there …), not as asking', () => {
    expect(types.asked('شو اقترحوا بخصوص الاحتفاظ بالسجلات؟ في مدة محددة او معايير؟')).toEqual([]);
    expect(types.asked('ما هي مدة الاحتفاظ بالسجلات؟')).toEqual(['duration']);
    expect(types.asked('في أي بلد انعقد الحفل؟')).toEqual(['place']);
  });

  it('takes a question word after a dash for the start of a clause, not a hyphenated word', () => {
    expect(types.asked('One delegate works with AFRIPOL — which country was that?')).toEqual(['place']);
    expect(types.asked('The state-who-signed list')).toEqual([]);
  });
});

describe('AnswerTypes.afterQuantityPhrase', () => {
  it.each([
    [['كم', 'دوله', 'وقعت'], 1],
    [['شحال', 'من', 'دوله'], 1],
    [['وكم', 'قاضيا'], 1],
    [['how', 'many', 'judges', 'were', 'trained'], 2],
    [['ما', 'عدد', 'الدول'], 2],
    [['متي', 'وقعت'], undefined],
  ] as const)('%j → %s', (words, expected) => {
    expect(types.afterQuantityPhrase(words)).toBe(expected);
  });
});

describe('AnswerTypes.holds', () => {
  it.each([
    ['time', 'عقد الاجتماع في 27 تموز/يوليه 2020', true],
    ['time', 'في جلسته الرابعة', true],
    ['time', 'ينبغي للدول أن تعزز التعاون', false],
    // The year inside a document symbol is no date.
    ['time', 'قرار رقم 3 GA-2025-93-RES-03', false],
    ['time', 'تأخذ علما بالقرار GA-2008-RES-07 الصادر في 2008', true],
    ['quantity', 'المؤيدون: ١٣٤', true],
    ['quantity', 'عدة تريليونات من الدولارات', true],
    // A region says where as a country does.
    ['place', 'ممارسة جرى اتباعها مؤخرا في بعض البلدان الإيبيرية-الأمريكية', true],
    ['place', 'ممارسة جرى اتباعها مؤخرا', false],
    ['quantity', 'ينبغي للدول أن تعزز التعاون', false],
    // A paragraph's own number, a date and a document symbol are no counts.
    ['quantity', '46- وأشار أحد المتكلمين إلى', false],
    ['quantity', 'في 24 كانون الأول/ديسمبر 2024', false],
    ['quantity', 'قرار رقم 3 GA-2025-93-RES-03', false],
    ['quantity', 'حضر الاجتماع ممثلون عن 93 دولة', true],
    ['quantity', 'خطة العمل للفترة 2019-2021', false],
    ['quantity', 'حضر 2000 مشارك', true],
    ['duration', 'بعد 90 يومًا من إيداع الصك', true],
    ['duration', 'بعد تسعين يوما', true],
    ['duration', 'في عام 2025', false],
    ['money', 'تبلغ قيمتها عدة تريليونات من الدولارات', true],
    ['money', 'شارك 1006 مشبوهين', false],
    ['place', 'عقد في فيينا', true],
    ['place', 'بنيويورك', true],
    ['place', 'وللقاهرة', true],
    ['place', 'ينبغي للدول أن تعزز التعاون', false],
    ['place', 'في مقر الأمم المتحدة', true],
    ['states', 'الأمم المتحدة والمملكة', false],
    ['states', 'ستستضيفه العاصمة بفيتنام', true],
    ['states', 'وفد الولايات المتحدة الأمريكية', true],
    ['states', 'ساحل العاج', true],
    ['states', 'ينبغي لكل دولة', false],
    // A city's country says where, not which states: "Hanoi, Viet Nam" answers no "which states signed".
    ['states', 'في حفل رسمي ستستضيفه “هانوي” بفيتنام', false],
    ['states', 'ثم مكتب فيينا (النمسا)، المكلفين', false],
    ['states', 'في هانوي، فيتنام.', false],
    ['states', 'ستستضيفه هانوي، ووقعت فيتنام', true],
    ['place', 'في حفل رسمي ستستضيفه “هانوي” بفيتنام', true],
    ['person', 'وقال الأمين العام', true],
    ['person', 'ماركو كينب (إستونيا)', true],
    // An observer speaks for a state or body, as a representative does.
    ['person', 'ألقى المراقب عن دولة فلسطين كلمة', true],
    // A name is a person the documents name, not a role or a body.
    ['name', 'وماركو كينبو (إستونيا)', true],
    ['name', 'ووصفت غادة والي، المديرة التنفيذية', true],
    ['name', 'وقال المتحدث باسم الأمين العام', false],
    ['name', 'أعد المقرر قائمة دقيقة', false],
    ['name', 'مكتب الممثل الخاص للإنتربول لدى الأمم المتحدة', false],
  ] as const)('%s in "%s" → %s', (type, text, expected) => {
    expect(types.holds(type, text)).toBe(expected);
  });

  it('takes no number the question states as the count it asks for; a date keeps its year', () => {
    const stated = statedNumbers(['من', 'اصل', '1,006', 'مشتبه', 'كم', 'واحد', '2024']);
    expect([...stated].sort()).toEqual(['1006', '2024']);
    expect(types.blankNotEvidence('quantity', 'اعتقال 1006 مشبوهين وتفكيك 134,089 بنية', stated)).toBe(
      'اعتقال      مشبوهين وتفكيك 134,089 بنية',
    );
    expect(types.blankNotEvidence('quantity', 'اعتقال 1,006 مشبوهين', stated)).toBe('اعتقال       مشبوهين');
    expect(types.blankNotEvidence('time', 'في أيلول/سبتمبر 2024', stated)).toBe('في أيلول/سبتمبر 2024');
  });

  it("looks for names (not numbers) only outside the question's own words", () => {
    expect(types.holds('states', 'وقعت فيتنام', 'وقعت       ')).toBe(false);
    expect(types.holds('duration', 'بعد 5 سنوات', 'بعد 5      ')).toBe(true);
  });
});
