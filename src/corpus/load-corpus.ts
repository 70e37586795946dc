import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CatalogEntry, loadCatalog } from './catalog.ts';
import type { Passage } from './passage.ts';
import { splitDocument } from './split-document.ts';
import { windowLongPassages } from './window-long-passages.ts';

/** The seed documents with their catalog entries, and every passage cut from them. */
export interface Corpus {
  /** In catalog order; `text` is the file exactly as read (UTF-8), never normalized, so offsets stay valid. */
  documents: Array<{ entry: CatalogEntry; text: string }>;
  /** All documents' passages, document by document in catalog order. */
  passages: Passage[];
}

/**
 * Reads `seeds/catalog.json` and every file it lists, and splits each into passages.
 * Throws `corpus: …` when the catalog is invalid or a listed file cannot be read.
 */
export function loadCorpus(seedsDir: string): Corpus {
  const documents = loadDocuments(seedsDir);
  return { documents, passages: splitDocuments(documents) };
}

/** Reads the catalog and the text of every file it lists, without splitting (startup with a fresh index). */
export function loadDocuments(seedsDir: string): Corpus['documents'] {
  return loadCatalog(seedsDir).map((entry) => ({ entry, text: readSeed(seedsDir, entry.file) }));
}

/** Splits every document into passages, document by document; long paragraphs become sentence windows. */
export function splitDocuments(documents: Corpus['documents']): Passage[] {
  return documents.flatMap(({ entry, text }) => windowLongPassages(splitDocument(entry.file, text, entry.kind), text));
}

/**
 * A sha256 hex digest of the corpus: every file's name and bytes, in file-name order (so reordering the
 * catalog does not change it). The search index records it to know when it is stale.
 */
export function corpusHash(corpus: Pick<Corpus, 'documents'>): string {
  const hash = createHash('sha256');
  const documents = [...corpus.documents].sort((a, b) => (a.entry.file < b.entry.file ? -1 : 1));
  for (const { entry, text } of documents) {
    const bytes = Buffer.from(text, 'utf8');
    // Lengths make the encoding unambiguous: no name/content split can produce the same byte stream.
    hash.update(`${entry.file.length}:${entry.file}:${bytes.length}:`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

function readSeed(seedsDir: string, file: string): string {
  try {
    return readFileSync(join(seedsDir, file), 'utf8');
  } catch (error) {
    throw new Error(`corpus: cannot read seed file ${file}: ${(error as Error).message}`);
  }
}
