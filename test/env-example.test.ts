import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, schemaVariables, variablesIn } from './support/config-variables.ts';

describe('the configuration reference', () => {
  const schema = schemaVariables();
  const example = variablesIn(readFileSync(join(root, '.env.example'), 'utf8'), /^# ([A-Z][A-Z0-9_]+)=/gm);
  const readme = variablesIn(readFileSync(join(root, 'README.md'), 'utf8'), /^\| `([A-Z][A-Z0-9_]+)`/gm);

  it('lists every variable of the schema in .env.example and in the README table', () => {
    expect(schema.size).toBeGreaterThan(10);
    expect([...schema].filter((name) => !example.has(name))).toEqual([]);
    expect([...schema].filter((name) => !readme.has(name))).toEqual([]);
  });

  it('documents no variable the schema does not read', () => {
    expect([...example].filter((name) => !schema.has(name))).toEqual([]);
    expect([...readme].filter((name) => !schema.has(name))).toEqual([]);
  });
});
