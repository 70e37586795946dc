import { describe, expect, it } from 'vitest';
import { excludedClauses } from '../../src/search/excluded-clause.ts';

const clauses = (question: string) => excludedClauses(question).map(({ start, end }) => question.slice(start, end));

describe('excludedClauses', () => {
  it('finds the clause up to the comma, the question word or the auxiliary that ends it', () => {
    expect(clauses('Apart from governments, who else backed the process?')).toEqual(['Apart from governments']);
    expect(clauses('Besides Meta and Microsoft which companies joined?')).toEqual(['Besides Meta and Microsoft ']);
    expect(clauses('What support other than training did UNODC offer?')).toEqual(['other than training ']);
    expect(clauses('In addition to signing, what must states do?')).toEqual(['In addition to signing']);
    expect(clauses('Except for Interpol, which bodies spoke?')).toEqual(['Except for Interpol']);
  });

  it('finds none in a question without one', () => {
    expect(clauses('When does the convention enter into force?')).toEqual([]);
    expect(clauses('متى تدخل الاتفاقية حيز النفاذ؟')).toEqual([]);
  });
});
