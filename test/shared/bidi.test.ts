import { describe, expect, it } from 'vitest';
import {
  FSI,
  hasArabic,
  isolate,
  isolateArabicRuns,
  isolateLatinRuns,
  latinRuns,
  PDI,
} from '../../adapters/shared/bidi.ts';

const wrap = (text: string) => `${FSI}${text}${PDI}`;

describe('isolateLatinRuns', () => {
  it('isolates Latin words and numbers inside an Arabic line', () => {
    expect(isolateLatinRuns('كما يوضح unodc.org.')).toBe(`كما يوضح ${wrap('unodc.org')}.`);
    expect(isolateLatinRuns('يجب أن تصدق عليها 40 دولة')).toBe(`يجب أن تصدق عليها ${wrap('40')} دولة`);
  });

  it('keeps a Latin phrase, a resolution number or 24/7 together as one run', () => {
    expect(isolateLatinRuns('أصدر UN Office on Drugs تقريرا')).toBe(`أصدر ${wrap('UN Office on Drugs')} تقريرا`);
    expect(isolateLatinRuns('القرار 65/230 بشأن')).toBe(`القرار ${wrap('65/230')} بشأن`);
    expect(isolateLatinRuns('الشبكة (24/7)')).toBe(`الشبكة (${wrap('24/7')})`);
  });

  it('leaves brackets and sentence punctuation outside the run', () => {
    expect(isolateLatinRuns('وتشجع OMSAC، جميع')).toBe(`وتشجع ${wrap('OMSAC')}، جميع`);
    expect(isolateLatinRuns('(Bangkok, ECPAT International, 2016).')).toBe('(Bangkok, ECPAT International, 2016).');
  });

  it('leaves lines without Arabic unchanged', () => {
    expect(isolateLatinRuns('Entry into force: 40 ratifications, 90 days')).toBe(
      'Entry into force: 40 ratifications, 90 days',
    );
  });

  it('leaves Arabic-Indic digits alone (they already read right to left)', () => {
    expect(isolateLatinRuns('بعد ٩٠ يوما')).toBe('بعد ٩٠ يوما');
  });
});

describe('latinRuns', () => {
  it('returns offsets into the line', () => {
    const line = 'عام 2025 في Hanoi';
    expect(latinRuns(line).map(({ start, end }) => line.slice(start, end))).toEqual(['2025', 'Hanoi']);
  });
});

describe('isolate', () => {
  it('wraps a whole field, isolating Latin runs inside an Arabic one too', () => {
    expect(isolate('Publisher')).toBe(wrap('Publisher'));
    expect(isolate('الفقرة 2')).toBe(wrap(`الفقرة ${wrap('2')}`));
    expect(isolate('')).toBe('');
  });
});

describe('hasArabic', () => {
  it('detects Arabic letters, including presentation forms', () => {
    expect(hasArabic('abc')).toBe(false);
    expect(hasArabic('abc ب')).toBe(true);
    expect(hasArabic('\uFEFB')).toBe(true);
  });
});

describe('isolateArabicRuns', () => {
  it('isolates Arabic names and terms so an English line stays left to right', () => {
    expect(isolateArabicRuns('دولة فلسطين ratified on 2026-03-02')).toBe(
      `${FSI}دولة فلسطين${PDI} ratified on 2026-03-02`,
    );
    expect(isolateArabicRuns('Searched the Arabic text for: حيز النفاذ، تصديق')).toBe(
      `Searched the Arabic text for: ${FSI}حيز النفاذ، تصديق${PDI}`,
    );
    expect(isolateArabicRuns('Also in: الفقرة 59; ¶ 7')).toBe(`Also in: ${FSI}الفقرة 59${PDI}; ¶ 7`);
    expect(isolateArabicRuns('No Arabic here.')).toBe('No Arabic here.');
  });
});
