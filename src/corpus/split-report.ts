import { finishPassages, type PassageDraft, spanText, splitLines, toSuperscript, wordCount } from './lines.ts';
import type { Passage, Span } from './passage.ts';
import { classifyReportLine, type ReportLine } from './report-lines.ts';

/**
 * Splits an OCR'd UN report (004) into citable passages:
 *
 * - each numbered paragraph's own text → `¶ 13`; each lettered sub-item → `¶ 13 (أ)`; a letter that comes
 *   back later in the same paragraph (the OCR lost the doubling: `(ي)` for `(يي)`) → `¶ 13 (ي)²`;
 * - footnotes → `¶ 13، الحاشية 1` when printed inside a paragraph's run, else `الحاشية 2`;
 * - the document title before the first heading → `العنوان`;
 * - chapter and section headings → not passages, but the `context` of everything under them.
 *
 * Page breaks cut paragraphs mid-sentence: a line that starts with no number, letter or heading continues the
 * previous passage and becomes another of its spans. Numbers decide what is a paragraph: only the expected next
 * number starts one, so the agenda items `1-` … `5-` inside ¶ 66 stay part of ¶ 66.
 */
export function splitReport(file: string, text: string): Passage[] {
  const splitter = new ReportSplitter(text);
  for (const line of splitLines(text)) {
    const classified = classifyReportLine(text, line);
    if (classified) splitter.add(classified);
  }
  splitter.end();
  return finishPassages(file, splitter.drafts);
}

/** A footnote being read: its text runs on until the next structural line. */
interface OpenFootnote {
  number: number;
  draft: PassageDraft;
  /** The passage the footnote cut into, if any. */
  interrupted: PassageDraft | undefined;
  /** Unmarked lines after the footnote line: footnote text, except possibly the resumed body (see `close`). */
  pending: Span[];
}

class ReportSplitter {
  readonly drafts: PassageDraft[] = [];
  private chapter: string | undefined;
  private section: string | undefined;
  /** Where unmarked text lines go. */
  private current: PassageDraft | undefined;
  private paragraph: { number: number; context: string[] } | undefined;
  /** Inside a list embedded in a paragraph (¶ 66's agenda): its numbers and letters are not structure. */
  private inEmbeddedList = false;
  private footnote: OpenFootnote | undefined;

  constructor(private readonly text: string) {}

  add(line: ReportLine): void {
    if (this.footnote) {
      if (line.kind === 'text') {
        this.footnote.pending.push(line.span);
        return;
      }
      this.closeFootnote(line);
    }
    switch (line.kind) {
      case 'heading':
        this.heading(line.level, line.span);
        break;
      case 'numbered':
        this.numbered(line.number, line.span);
        break;
      case 'sub-item':
        this.subItem(line.label, line.span);
        break;
      case 'footnote':
        this.openFootnote(line.number, line.span);
        break;
      case 'text':
        this.unmarked(line.span);
        break;
    }
  }

  end(): void {
    if (this.footnote) this.closeFootnote(undefined);
  }

  private heading(level: 1 | 2, span: Span): void {
    const heading = spanText(this.text, span);
    if (level === 1) {
      this.chapter = heading;
      this.section = undefined;
    } else {
      this.section = heading;
    }
    this.current = undefined;
    this.inEmbeddedList = false;
  }

  private numbered(number: number, span: Span): void {
    if (this.current && !this.isNextParagraph(number, span)) {
      // A list inside the paragraph (¶ 66: `1- المسائل التنظيمية:` … `5- اعتماد التقرير.`): short lines that
      // only make sense with the paragraph that introduces them.
      this.inEmbeddedList = true;
      this.current.spans.push(span);
      return;
    }
    const context = this.context();
    this.paragraph = { number, context };
    this.inEmbeddedList = false;
    this.start(`¶ ${number}`, context, span);
  }

  private subItem(label: string, span: Span): void {
    if (this.inEmbeddedList && this.current) {
      this.current.spans.push(span);
      return;
    }
    const locator = this.paragraph ? `¶ ${this.paragraph.number} (${label})` : `(${label})`;
    this.start(locator, this.paragraph?.context ?? this.context(), span);
  }

  private unmarked(span: Span): void {
    if (this.current) {
      this.current.spans.push(span);
    } else if (this.drafts.length === 0 && !this.chapter) {
      this.start('العنوان', [], span);
    } else {
      // Text right under a heading, before any numbered paragraph: keep it quotable under its own name.
      this.start(`نص غير مرقم تحت: ${this.section ?? this.chapter ?? ''}`.trim(), this.context(), span);
    }
  }

  private openFootnote(number: number, span: Span): void {
    const draft: PassageDraft = { locator: `الحاشية ${number}`, context: this.context(), spans: [span] };
    this.drafts.push(draft);
    this.footnote = { number, draft, interrupted: this.current, pending: [] };
    this.current = draft;
  }

  /**
   * A footnote sits at the foot of a page; when it cut a passage mid-sentence, the passage resumes at the top of
   * the next page and runs up to the next item. So in that case the last unmarked line before the next
   * structural line (`next`) is the resumed passage (¶ 13 (ب): `الجمعية العامة إنشاء لجنة …`), and the lines
   * before it are the footnote's further paragraphs (`وقد أسهم …`, `وبالتالي …`).
   */
  private closeFootnote(next: ReportLine | undefined): void {
    const footnote = this.footnote;
    if (!footnote) return;
    this.footnote = undefined;
    const { draft, interrupted, pending } = footnote;

    const resumed = interrupted !== undefined && pending.length > 0 && !endsSentence(this.lastText(interrupted));
    const resumption = resumed ? pending.pop() : undefined;
    draft.spans.push(...pending);
    if (interrupted && resumption) interrupted.spans.push(resumption);

    const insideParagraph =
      this.paragraph !== undefined && (resumed || (next?.kind === 'sub-item' && !this.inEmbeddedList));
    if (this.paragraph && insideParagraph) {
      draft.locator = `¶ ${this.paragraph.number}، الحاشية ${footnote.number}`;
      draft.context = [...this.paragraph.context];
    } else {
      // Printed after the body (the end-of-report footnote): cite it on its own, under the sections of the
      // paragraph whose marker `⁽n⁾` points to it.
      draft.context = this.contextOfMarker(footnote.number) ?? draft.context;
    }
    this.current = resumed ? interrupted : draft;
  }

  private start(locator: string, context: string[], span: Span): void {
    this.current = { locator, context: [...context], spans: [span] };
    this.drafts.push(this.current);
  }

  private isNextParagraph(number: number, span: Span): boolean {
    // The first numbered line starts the numbering, whatever it is (an excerpt may begin at ¶ 5).
    if (!this.paragraph) return true;
    const expected = this.paragraph.number + 1;
    if (number === expected) return true;
    // OCR can drop a paragraph number; a long line numbered just ahead is still the next paragraph, whereas
    // embedded lists restart at 1 with short items.
    const long = wordCount(spanText(this.text, span)) > 15;
    return !this.inEmbeddedList && long && number > expected && number <= expected + 2;
  }

  private context(): string[] {
    return [this.chapter, this.section].filter((heading): heading is string => heading !== undefined);
  }

  private lastText(draft: PassageDraft): string {
    const span = draft.spans[draft.spans.length - 1];
    return span ? spanText(this.text, span) : '';
  }

  private contextOfMarker(number: number): string[] | undefined {
    const marker = `⁽${toSuperscript(number)}⁾`;
    const referrer = this.drafts.find((draft) =>
      draft.spans.some((span) => spanText(this.text, span).includes(marker)),
    );
    return referrer ? [...referrer.context] : undefined;
  }
}

/** Ends with sentence or item punctuation, allowing closing quotes, brackets and a footnote marker `⁽²⁾` after it. */
function endsSentence(value: string): boolean {
  return /[.!?؟؛;:]["'”“»)\]*]*(?:⁽[⁰¹²³⁴-⁹]+⁾)?$/u.test(value);
}
