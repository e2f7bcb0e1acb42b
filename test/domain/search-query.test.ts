import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MATCH_END,
  MATCH_START,
  MAX_SEARCH_WORDS,
  buildSearchQuery,
  distinctSearchWords,
  ftsString,
  searchWords,
  splitHighlights,
  stripHighlights,
} from '../../src/domain/search-query.js';
import { openMemoryJournal } from '../../src/storage/journal.js';
import { searchJournal } from '../../src/storage/search.js';

describe('searchWords', () => {
  it('keeps runs of letters and digits, accents included, and drops everything else', () => {
    expect(searchWords('Zoë Ng, 2nd-degree (via José)')).toEqual([
      'Zoë',
      'Ng',
      '2nd',
      'degree',
      'via',
      'José',
    ]);
    expect(searchWords('"unbalanced')).toEqual(['unbalanced']);
    expect(searchWords('a AND (')).toEqual(['a', 'AND']);
    expect(searchWords('- * ^ : ( ) " NEAR(')).toEqual(['NEAR']);
    expect(searchWords('   ')).toEqual([]);
  });

  it('keeps a decomposed accent with its letter', () => {
    expect(searchWords('Zo\u0308e Mu\u0308ller')).toEqual(['Zo\u0308e', 'Mu\u0308ller']);
    expect(searchWords('\u0308 alone')).toEqual(['alone']);
  });

  it('reads scripts other than Latin', () => {
    expect(searchWords('Владимир 田中 ٣')).toEqual(['Владимир', '田中', '٣']);
  });
});

describe('buildSearchQuery', () => {
  it('quotes each word as a prefix and requires them all', () => {
    expect(buildSearchQuery('percep')).toBe('"percep"*');
    expect(buildSearchQuery('Zoë  ng')).toBe('"Zoë"* AND "ng"*');
  });

  it('turns FTS5 syntax into plain words', () => {
    expect(buildSearchQuery('a AND (')).toBe('"a"* AND "AND"*');
    expect(buildSearchQuery('NEAR(zoe ng, 2)')).toBe('"NEAR"* AND "zoe"* AND "ng"* AND "2"*');
    expect(buildSearchQuery('-design OR title:cto ^x')).toBe(
      '"design"* AND "OR"* AND "title"* AND "cto"* AND "x"*',
    );
  });

  it('is empty when there is no word to look for', () => {
    for (const text of ['', '   ', '-', '*', '"', '()', '^:', '\u0301']) {
      expect(buildSearchQuery(text)).toBe('');
    }
  });

  it('looks for a repeated word once, in any case, its accents composed or not', () => {
    expect(buildSearchQuery('zoe Zoe ZOE ng zoe')).toBe('"zoe"* AND "ng"*');
    // Zoë typed decomposed (e + U+0308), then composed (U+00EB): one word.
    expect(buildSearchQuery('Zoe\u0308 ZO\u00cb ng')).toBe('"Zoe\u0308"* AND "ng"*');
    expect(distinctSearchWords('a A b a B c')).toEqual(['a', 'b', 'c']);
  });

  it(`looks for at most ${MAX_SEARCH_WORDS} distinct words, the first ones typed`, () => {
    expect(MAX_SEARCH_WORDS).toBe(8);
    const words = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
    expect(distinctSearchWords(words.join(' '))).toEqual(words.slice(0, 8));
    expect(buildSearchQuery(words.join(' '))).toBe(
      words
        .slice(0, 8)
        .map((w) => `"${w}"*`)
        .join(' AND '),
    );
    // Repeats do not use up the allowance.
    expect(distinctSearchWords(['one', ...words, 'one two'].join(' '))).toEqual(words.slice(0, 8));
  });

  it('doubles quotes inside an FTS5 string', () => {
    expect(ftsString('say "hi"')).toBe('"say ""hi"""');
  });
});

describe('highlights', () => {
  const marked = `Thank ${MATCH_START}Zoë${MATCH_END} Ng for ${MATCH_START}c${MATCH_END}`;

  it('splits marked text into matched and unmatched runs', () => {
    expect(splitHighlights(marked)).toEqual([
      { text: 'Thank ', match: false },
      { text: 'Zoë', match: true },
      { text: ' Ng for ', match: false },
      { text: 'c', match: true },
    ]);
    expect(splitHighlights('')).toEqual([]);
  });

  it('strips the markers', () => {
    expect(stripHighlights(marked)).toBe('Thank Zoë Ng for c');
  });
});

describe('properties', () => {
  const db = openMemoryJournal('2026-11-21T00:00:00.000Z');
  db.exec(`INSERT INTO contacts (name, company, created) VALUES ('Zoë Ng', 'Acme', '2026-11-21');
           INSERT INTO notes (contact_id, date, text, created)
           VALUES (1, '2026-11-21', 'perception research "quoted" AND (stuff)', 'x');`);
  afterAll(() => db.close());

  const syntax = fc.constantFrom(
    '"',
    "'",
    'AND',
    'OR',
    'NOT',
    'NEAR',
    'NEAR(',
    '(',
    ')',
    '-',
    '+',
    ':',
    '^',
    '*',
    '{',
    '}',
    'zoë',
    'Zo\u0308e',
    'per',
    '\u0301',
    '\u0000',
    '\\',
    ',',
  );
  const hostile = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.array(syntax, { maxLength: 12 }).map((parts) => parts.join(' ')),
    fc.array(syntax, { maxLength: 12 }).map((parts) => parts.join('')),
  );

  it('gives an empty query or one FTS5 accepts, for any text', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const query = buildSearchQuery(text);
        if (query === '') {
          expect(searchWords(text)).toEqual([]);
          return;
        }
        expect(query).toMatch(/^"(?:[^"]|"")+"\*(?: AND "(?:[^"]|"")+"\*)*$/);
        expect(() => searchJournal(db, query, { limit: 5 })).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('finds a note by any part of its own words', () => {
    const word = fc.string({
      unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzéëüöñçÅØ0123456789'.split('')),
      minLength: 1,
      maxLength: 8,
    });
    const text = fc.array(fc.tuple(word, fc.constantFrom(' ', '-', '"', ' AND ', '(', '*', ', ')), {
      minLength: 1,
      maxLength: 5,
    });
    fc.assert(
      fc.property(text, fc.nat(), (parts, cut) => {
        const note = parts.map(([w, sep]) => w + sep).join('');
        const id = Number(
          db
            .prepare(
              `INSERT INTO notes (contact_id, date, text, created) VALUES (1, '2026-11-21', ?, 'x')`,
            )
            .run(note).lastInsertRowid,
        );
        try {
          // The start of the note up to any point still finds it (the last word as a prefix).
          const typed = note.slice(0, 1 + (cut % note.length));
          const query = buildSearchQuery(typed);
          const hits = searchJournal(db, query, { limit: 1000 });
          expect(hits.some((h) => h.kind === 'note' && h.id === id)).toBe(true);
        } finally {
          db.prepare('DELETE FROM notes WHERE id = ?').run(id);
        }
      }),
      { numRuns: 300 },
    );
  });
});
