/** A half-open range of a seed file's text. */
export interface TextRange {
  start: number;
  end: number;
}

/** Ends a sentence: full stop, question or exclamation mark, semicolon (Latin or Arabic). */
const SENTENCE_END = /[.!?؟؛;]+["”“’»)]*(?=\s)/g;

/** The sentences of `range` in `text`, trimmed of surrounding white space. */
export function splitSentences(text: string, range: TextRange): TextRange[] {
  const sentences: TextRange[] = [];
  const slice = text.slice(range.start, range.end);
  let cursor = 0;
  for (const match of slice.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    pushTrimmed(sentences, text, range.start + cursor, range.start + end);
    cursor = end;
  }
  pushTrimmed(sentences, text, range.start + cursor, range.end);
  return sentences;
}

function pushTrimmed(sentences: TextRange[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  if (e > s) sentences.push({ start: s, end: e });
}
