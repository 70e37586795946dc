import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** What kind of document a seed is; decides how it is split into passages. */
const documentKinds = ['news', 'press-release', 'resolution', 'report'] as const;
export type DocumentKind = (typeof documentKinds)[number];

const catalogEntrySchema = z.object({
  file: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/),
  title: z.object({ ar: z.string().min(1), en: z.string().min(1) }),
  publisher: z.object({ ar: z.string().min(1), en: z.string().min(1) }),
  /** ISO date (`2024-12-24`) or month (`2020-07`) of publication or adoption. */
  date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
  kind: z.enum(documentKinds),
  language: z.literal('ar'),
  /** Only where known for certain. */
  url: z.string().url().optional(),
  /** UN or INTERPOL document symbol, only where known for certain. */
  symbol: z.string().min(1).optional(),
  /** A one-line note on what the document is, for the README and `topics`. */
  note: z.string().optional(),
});

const catalogSchema = z.object({
  $comment: z.string().optional(),
  documents: z.array(catalogEntrySchema).min(1),
});

export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

/** Reads and validates `seeds/catalog.json`. Throws `corpus: …` naming the first invalid field. */
export function loadCatalog(seedsDir: string): CatalogEntry[] {
  const raw: unknown = JSON.parse(readFileSync(join(seedsDir, 'catalog.json'), 'utf8'));
  const parsed = catalogSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`corpus: seeds/catalog.json is invalid at ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data.documents;
}
