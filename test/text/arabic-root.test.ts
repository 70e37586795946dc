import { describe, expect, it } from 'vitest';
import { normalizeArabic } from '../../src/text/arabic-normalize.ts';
import { patternRoot, patternRoots } from '../../src/text/arabic-root.ts';
import { lightStem, stemReadings } from '../../src/text/arabic-stemmer.ts';

const root = (word: string) => patternRoots(stemReadings(normalizeArabic(word)));

describe('patternRoot', () => {
  it.each([
    ['تطبيق', 'طبق', 'تفعيل'],
    ['تطبق', 'طبق', 'تفعل'],
    ['يطبقون', 'طبق', 'يفعل'],
    ['الموافقة', 'وفق', 'مفاعلة'],
    ['الممتنعون', 'منع', 'مفتعل'],
    ['امتنعت', 'منع', 'افتعل'],
    ['استخدام', 'خدم', 'استفعال'],
    ['مستخدم', 'خدم', 'مستفعل'],
    ['يستخدم', 'خدم', 'يستفعل'],
    ['الجرائم', 'جرم', 'فعائل'],
    ['انتهاكات', 'نهك', 'افتعال'],
    ['المحققين', 'حقق', 'مفعل'],
  ])('%s → %s (%s)', (word, expected) => {
    expect(root(word)).toContain(expected);
  });

  it('keeps a waw that may be a root letter (وافق is a verb, not و + افق)', () => {
    expect(root('وافق')).toContain('وفق');
  });

  it('gives no root when no pattern fits', () => {
    expect(patternRoot(lightStem(normalizeArabic('الإنترنت')))).toBeUndefined();
  });

  it('joins a verb and its verbal noun that light stemming keeps apart', () => {
    expect(lightStem(normalizeArabic('تطبق'))).not.toBe(lightStem(normalizeArabic('تطبيق')));
    expect(root('تطبق')).toEqual(expect.arrayContaining(root('تطبيق')));
  });
});
