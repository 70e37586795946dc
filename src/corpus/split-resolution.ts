import { finishPassages, lineContent, type PassageDraft, spanText, splitLines } from './lines.ts';
import type { Passage } from './passage.ts';

/**
 * Splits a resolution (the INTERPOL General Assembly resolution, 003) into its parts:
 *
 * - the heading lines (`قرار رقم 3`, the symbol, `الموضوع: …`) → one passage `العنوان`;
 * - preamble paragraphs (`إن الجمعية العامة …،`, `وإذ …،`) → `الديباجة، الفقرة N`, N from 1;
 * - the operative chapeau (`تدعو جميع البلدان الأعضاء إلى:`) → context of the clauses, not a passage;
 * - operative clauses `1.` … `5.` (some OCR'd with a leading `- `) → `المنطوق، البند N`;
 * - the voting line `اعتُمد: …` → `نتيجة التصويت`.
 */
export function splitResolution(file: string, text: string): Passage[] {
  const drafts: PassageDraft[] = [];
  let part: 'heading' | 'preamble' | 'operative' = 'heading';
  let current: PassageDraft | undefined;
  let preambleCount = 0;
  let chapeau: string[] = [];

  for (const line of splitLines(text)) {
    const span = lineContent(text, line);
    if (!span) continue;
    const content = spanText(text, span);
    const clause = operativeClause.exec(content);

    if (votingLine.test(content)) {
      current = { locator: 'نتيجة التصويت', context: [], spans: [span] };
      drafts.push(current);
    } else if (clause) {
      part = 'operative';
      current = { locator: `المنطوق، البند ${clause[1]}`, context: chapeau, spans: [span] };
      drafts.push(current);
    } else if (part !== 'operative' && endsWithColon.test(content) && preambleCount > 0) {
      // The chapeau introduces the numbered clauses; quoting it alone answers nothing.
      part = 'operative';
      chapeau = [content];
      current = undefined;
    } else if (part === 'heading' && !opensPreamble(content)) {
      if (!current) {
        current = { locator: 'العنوان', context: [], spans: [] };
        drafts.push(current);
      }
      current.spans.push(span);
    } else if (
      part !== 'operative' &&
      (part === 'heading' || !current || endsClause.test(spanText(text, last(current))))
    ) {
      // A preamble paragraph ends with a comma; a line after one that does not was cut by a page break.
      part = 'preamble';
      preambleCount += 1;
      current = { locator: `الديباجة، الفقرة ${preambleCount}`, context: [], spans: [span] };
      drafts.push(current);
    } else if (current) {
      current.spans.push(span);
    } else {
      // Text after the chapeau but before the first clause: keep it quotable rather than drop it.
      current = { locator: 'المنطوق', context: chapeau, spans: [span] };
      drafts.push(current);
    }
  }
  return finishPassages(file, drafts);
}

/** `1. الاعتراف …`, `2) …`; the list marker `- ` is already stripped by `lineContent`. */
const operativeClause = /^(\d+)\s*[.)]\s+\S/;
/** `اعتُمد: المؤيدون: 134، …` (with or without the damma). */
const votingLine = /^اعت\u064F?مد\s*:/;
const endsWithColon = /[:：]$/;
/** Preamble paragraphs end with a comma (Arabic or Latin) or a semicolon. */
const endsClause = /[،,؛;]$/;

/** The first preamble paragraph names the body acting (`إن الجمعية العامة …`) or already ends like a clause. */
function opensPreamble(line: string): boolean {
  return /^إن\s/.test(line) || endsClause.test(line);
}

function last(draft: PassageDraft) {
  const span = draft.spans[draft.spans.length - 1];
  if (!span) throw new Error(`corpus: resolution passage ${draft.locator} has no spans`);
  return span;
}
