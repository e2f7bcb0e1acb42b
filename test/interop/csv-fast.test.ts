import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPlainCsv } from '../../src/interop/parse/csv-fast.js';
import { readWithCsvParse } from '../../src/interop/parse/csv-table.js';

/** Cells drawn from what trips CSV readers: quotes, commas, breaks, white space of every kind. */
const cell = fc
  .array(
    fc.constantFrom(
      'a',
      'Zoë',
      ' ',
      '\t',
      ',',
      '"',
      '\n',
      '\u00a0',
      '\ufeff',
      '\u2003',
      '\u0085',
      '=',
      "'",
      '字',
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));

/** A cell as a writer would put it: bare, quoted with "" doubled, or (sometimes) written wrongly. */
const written = fc
  .tuple(cell, fc.constantFrom('bare', 'quoted', 'quoted', 'raw'))
  .map(([text, how]) => {
    if (how === 'quoted') return `"${text.replace(/"/g, '""')}"`;
    if (how === 'bare' && /[",\n]/.test(text)) return `"${text.replace(/"/g, '""')}"`;
    return text;
  });

const csvText = fc
  .array(fc.array(written, { minLength: 1, maxLength: 5 }), { maxLength: 6 })
  .chain((rows) =>
    fc
      .constantFrom('\n', '\n\n')
      .chain((sep) =>
        fc
          .boolean()
          .map((finalBreak) => rows.map((r) => r.join(',')).join(sep) + (finalBreak ? '\n' : '')),
      ),
  );

describe('the plain CSV reader', () => {
  it('reads a plain file as csv-parse does, or leaves it to csv-parse', () => {
    let plain = 0;
    fc.assert(
      fc.property(csvText, (text) => {
        const fast = readPlainCsv(text);
        if (fast === undefined) return;
        plain++;
        const parsed = readWithCsvParse(text, 0);
        expect(parsed.problems).toEqual([]);
        expect(fast).toEqual(parsed.records);
      }),
      { numRuns: 2000 },
    );
    // The property is about files the fast path takes: it must take many.
    expect(plain).toBeGreaterThan(500);
  });

  it('reads quoted commas, doubled quotes and quoted line breaks with their start lines', () => {
    const text = 'Name,Notes\n"Wong, Chris","said ""hi""\nand left"\n\nAda,\n';
    expect(readPlainCsv(text)).toEqual([
      { line: 1, fields: ['Name', 'Notes'] },
      { line: 2, fields: ['Wong, Chris', 'said "hi"\nand left'] },
      { line: 5, fields: ['Ada', ''] },
    ]);
  });

  it('leaves to csv-parse what it would trim or refuse', () => {
    for (const text of [
      'a, b\n',
      ' a,b\n',
      'a,"b" \n',
      'a,b"c\n',
      'a,"b\n',
      'a,\u00a0b\n',
      'a,"b"c\n',
    ])
      expect(readPlainCsv(text), JSON.stringify(text)).toBeUndefined();
  });
});
