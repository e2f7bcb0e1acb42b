import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDelimited } from '../../src/output/delimited.js';
import { listChunks } from '../../src/output/render.js';
import type { JsonRecord, RecordView } from '../../src/output/record-view.js';
import { makeTerminal } from '../../src/output/terminal.js';

// listChunks streams a list record by record; its pieces joined must be
// exactly the document the whole list renders to.

const FIELDS = ['id', 'name', 'tags', 'extra'] as const;
const view: RecordView<JsonRecord> = {
  fields: FIELDS,
  toRecord: (r) => r,
  columns: () => [],
  empty: 'nothing',
};

const record = fc.record({
  id: fc.nat(),
  name: fc.oneof(fc.string(), fc.constant('line\nbreak, "quoted"\ttab')),
  tags: fc.array(fc.string(), { maxLength: 3 }),
  extra: fc.oneof(fc.constant(null), fc.boolean(), fc.dictionary(fc.string(), fc.string())),
}) as fc.Arbitrary<JsonRecord>;

const term = (isTTY: boolean) => makeTerminal({ isTTY, noColorFlag: true, env: {}, columns: 80 });

describe('listChunks', () => {
  it('joins to JSON.stringify of the whole array, compact or indented', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 6 }), fc.boolean(), (rows, isTTY) => {
        const chunks = [
          ...listChunks(rows, view, {
            format: 'json',
            term: term(isTTY),
            today: '2026-11-21',
            header: true,
          }),
        ];
        const whole = isTTY ? JSON.stringify(rows, null, 2) : JSON.stringify(rows);
        expect(chunks.join('')).toBe(whole + '\n');
        expect(chunks.length).toBe(rows.length + 1);
      }),
    );
  });

  it('joins to the csv, tsv and jsonl of the whole list, one piece per record', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 6 }),
        fc.constantFrom('csv' as const, 'tsv' as const),
        fc.boolean(),
        (rows, format, header) => {
          const opts = { format, term: term(false), today: '2026-11-21', header };
          expect([...listChunks(rows, view, opts)].join('')).toBe(
            renderDelimited(rows, FIELDS, format, header),
          );
          const jsonl = [...listChunks(rows, view, { ...opts, format: 'jsonl' })];
          expect(jsonl).toEqual(rows.map((r) => JSON.stringify(r) + '\n'));
        },
      ),
    );
  });

  it('reads no further than the pieces taken', () => {
    let read = 0;
    function* rows(): Generator<JsonRecord> {
      for (let id = 0; id < 1_000_000; id++) {
        read++;
        yield { id, name: 'x', tags: [], extra: null };
      }
    }
    const chunks = listChunks(rows(), view, {
      format: 'jsonl',
      term: term(false),
      today: '2026-11-21',
      header: true,
    });
    const iterator = chunks[Symbol.iterator]();
    for (let taken = 0; taken < 3; taken++) iterator.next();
    iterator.return?.(undefined);
    expect(read).toBe(3);
  });
});
