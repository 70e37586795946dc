/**
 * The three-letter root of a light stem, read off the common derivational patterns (after ISRI, Taghva et al.
 * 2005): تطبيق / تطبق / يطبق → طبق, موافق / وافق → وفق, امتنع / ممتنع → منع, استخدام → خدم. Light stemming keeps
 * a verb and its verbal noun apart (تطبق / تطبيق); the root joins them. Roots conflate more than they should
 * (جامعه university and جمعيه association both give جمع), so a match by root earns only partial credit.
 */

/** Prefix that keeps root terms apart from word terms in the index. */
export const ROOT_PREFIX = '√';

const IMPERFECT_OR_NOUN_PREFIX = /^[تيمنا]/;
const LONG_VOWEL = /^[اوي]$/;

/**
 * The roots of a word's stems (its light stem and alternative stems; light10 strips a waw that may be a root
 * letter, وافق → افق, so both readings are kept), each once.
 */
export function patternRoots(stems: readonly string[]): string[] {
  return [...new Set(stems.flatMap((stem) => patternRoot(stem) ?? []))];
}

/**
 * The root of a normalized light stem, or undefined when no pattern fits. Three-letter stems are roots already.
 * @example patternRoot('تطبيق') === 'طبق'
 */
export function patternRoot(stem: string): string | undefined {
  // A stem is normalized Arabic letters, one UTF-16 code unit each: its letters are read by index, without an
  // array of them made for every word.
  const w = (i: number) => stem.charAt(i);
  const pick = (first: number, second: number, third: number) => w(first) + w(second) + w(third);
  switch (stem.length) {
    case 3:
      return stem;
    case 4:
      if (w(1) === 'ا') return pick(0, 2, 3); // فاعل
      if (LONG_VOWEL.test(w(2))) return pick(0, 1, 3); // فعال فعول فعيل
      if (IMPERFECT_OR_NOUN_PREFIX.test(stem)) return pick(1, 2, 3); // تفعل يفعل مفعل افعل
      return undefined;
    case 5:
      if (w(0) === 'ا' && w(2) === 'ت') return pick(1, 3, 4); // افتعل
      if (w(0) === 'ا' && w(1) === 'ن') return pick(2, 3, 4); // انفعل
      if (w(0) === 'م' && w(2) === 'ت') return pick(1, 3, 4); // مفتعل
      if (IMPERFECT_OR_NOUN_PREFIX.test(stem) && w(2) === 'ا') return pick(1, 3, 4); // تفاعل مفاعل يفاعل
      if (w(2) === 'ا' && w(3) === 'ي') return pick(0, 1, 4); // فعائل (جرائم)
      if (IMPERFECT_OR_NOUN_PREFIX.test(stem) && LONG_VOWEL.test(w(3))) return pick(1, 2, 4); // تفعيل مفعول افعال
      return undefined;
    case 6:
      if (/^[امينت]ست/.test(stem)) return pick(3, 4, 5); // استفعل مستفعل يستفعل
      if (w(0) === 'ا' && w(2) === 'ت' && w(4) === 'ا') return pick(1, 3, 5); // افتعال
      if (w(0) === 'ا' && w(1) === 'ن' && w(4) === 'ا') return pick(2, 3, 5); // انفعال
      return undefined;
    case 7:
      if (stem.startsWith('است') && w(5) === 'ا') return pick(3, 4, 6); // استفعال
      return undefined;
    default:
      return undefined;
  }
}
