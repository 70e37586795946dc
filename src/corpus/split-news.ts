import { finishPassages, lineContent, type PassageDraft, spanText, splitLines, wordCount } from './lines.ts';
import type { Passage, Span } from './passage.ts';
import { withoutCruft } from './web-cruft.ts';

/**
 * Splits a news article or press release into one passage per paragraph line (`الفقرة N`, N from 1).
 *
 * The seeds are scraped web pages: one paragraph per line, short headline-like lines as subheadings, web cruft
 * around them. Headlines are not passages (they say little on their own and would crowd out the paragraphs
 * they announce); they become the `context` of the paragraphs below them instead, so they still help search.
 */
export function splitNews(file: string, text: string): Passage[] {
  const blocks = contentBlocks(text);
  const drafts: PassageDraft[] = [];
  let title: string | undefined;
  let subheading: string | undefined;

  blocks.forEach((block, index) => {
    const isLast = index === blocks.length - 1;
    // A headline only counts as one when something follows it; a short last line is kept as text.
    if (index === 0 && !isLast && isTitleLike(block.text)) {
      title = block.text;
      return;
    }
    if (!isLast && isSubheadingLike(block.text)) {
      // 002 repeats its title as the first line of the body: that is the title again, not a new section.
      subheading = block.text === title ? undefined : block.text;
      return;
    }
    const context = [title, subheading].filter((line): line is string => line !== undefined);
    drafts.push({ locator: `الفقرة ${drafts.length + 1}`, context, spans: block.spans });
  });

  return finishPassages(file, drafts);
}

interface ContentBlock {
  spans: Span[];
  /** The block's spans joined by a space, for classification and context. */
  text: string;
}

/** Non-empty lines with web cruft cut out; lines that were nothing but cruft disappear. */
function contentBlocks(text: string): ContentBlock[] {
  return splitLines(text).flatMap((line) => {
    const content = lineContent(text, line);
    const spans = content ? withoutCruft(text, content) : [];
    if (spans.length === 0) return [];
    return [{ spans, text: spans.map((span) => spanText(text, span)).join(' ') }];
  });
}

/** Sentence or list punctuation that ends body text; headlines do not end with it. */
const bodyEnding = /[.:;؛،,…]["'”“»)]*$/u;

/**
 * A document's first line is its title when it reads like a headline: not a full sentence ending in a period.
 * Headlines may end with `!` or `؟` (002: `… في هانوي!`).
 */
function isTitleLike(line: string): boolean {
  return wordCount(line) <= 16 && !bodyEnding.test(line);
}

/** A subheading is a short line without sentence punctuation (`خطوة نحو المستقبل؟` still counts). */
function isSubheadingLike(line: string): boolean {
  return wordCount(line) <= 12 && !bodyEnding.test(line);
}
