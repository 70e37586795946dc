import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');

/** The first capture group of every match of `pattern` in `text`. */
export function variablesIn(text: string, pattern: RegExp): Set<string> {
  return new Set([...text.matchAll(pattern)].flatMap((match) => (match[1] ? [match[1]] : [])));
}

/** Every environment variable of the zod schema in src/config.ts. */
export function schemaVariables(): Set<string> {
  return variablesIn(readFileSync(join(root, 'src', 'config.ts'), 'utf8'), /^\s{2}([A-Z][A-Z0-9_]+): /gm);
}
