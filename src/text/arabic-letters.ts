/**
 * The Arabic letters, as the body of a regular-expression character class: hamza to yeh without tatweel, the
 * dotless letters, and the Persian and Urdu letters people type from other keyboards. The one definition the
 * tokenizer, the language check, the normalizer and the lexicon's validation share.
 */
export const ARABIC_LETTER_CLASS = '\\u0621-\\u063A\\u0641-\\u064A\\u066E\\u066F\\u0671-\\u06D3\\u06D5\\u06FA-\\u06FC';

const ARABIC_LETTER = new RegExp(`[${ARABIC_LETTER_CLASS}]`);

/** Every letter of the class lies in the Arabic block: which of the block's code units are letters. */
const BLOCK_START = 0x0600;
const IS_BLOCK_LETTER = Array.from({ length: 0x100 }, (_, i) =>
  ARABIC_LETTER.test(String.fromCharCode(BLOCK_START + i)),
);

/** True when the text contains at least one Arabic letter. */
export function hasArabicLetter(text: string): boolean {
  return ARABIC_LETTER.test(text);
}

/** True when the UTF-16 code unit is an Arabic letter (`text.charCodeAt(i)`; no string is made for it). */
export function isArabicLetterCode(code: number): boolean {
  const offset = code - BLOCK_START;
  return offset >= 0 && offset < IS_BLOCK_LETTER.length && IS_BLOCK_LETTER[offset] === true;
}

/** How many Arabic letters the text has. */
export function countArabicLetters(text: string): number {
  // A loop over code units: matching the class globally made an array of one-letter strings per question.
  let count = 0;
  for (let i = 0; i < text.length; i++) if (isArabicLetterCode(text.charCodeAt(i))) count++;
  return count;
}
