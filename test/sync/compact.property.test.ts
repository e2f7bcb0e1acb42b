import fc from 'fast-check';
import { expect, it } from 'vitest';
import { compactChanges, foldChanges, type MergeChange } from '../../src/sync/merge.js';

// A snapshot holds each record's changes compacted: for any history and any
// changes still to come (in any clock order, from any device), the compacted
// history folds to the same record as the whole one, and it never holds
// more changes than the history did.

const change: fc.Arbitrary<MergeChange> = fc
  .record({
    hlc: fc.integer({ min: 1, max: 40 }).map((n) => String(n).padStart(4, '0')),
    device: fc.constantFrom('a', 'b', 'c'),
    op: fc.constantFrom('insert', 'update', 'update', 'update', 'delete'),
    fields: fc.dictionary(
      fc.constantFrom('name', 'company', 'role'),
      fc.constantFrom('x', 'y', null),
      {
        minKeys: 1,
      },
    ),
  })
  .map((c) => (c.op === 'delete' ? { ...c, fields: null } : c)) as fc.Arbitrary<MergeChange>;

const folded = (changes: readonly MergeChange[]) => {
  const f = foldChanges(changes);
  return { state: f.state, fields: f.fields };
};

it('a compacted history folds like the whole one, with whatever comes after', () => {
  fc.assert(
    fc.property(
      fc.array(change, { maxLength: 12 }),
      fc.array(change, { maxLength: 6 }),
      (history, later) => {
        const compacted = compactChanges(history);
        expect(compacted.length).toBeLessThanOrEqual(history.length);
        expect(folded([...compacted, ...later])).toEqual(folded([...history, ...later]));
      },
    ),
    { numRuns: 3000 },
  );
});

it('keeps only what is needed: one insert and the latest change of each field after it', () => {
  const c = (hlc: string, op: MergeChange['op'], fields: MergeChange['fields']): MergeChange => ({
    hlc,
    device: 'a',
    op,
    fields,
  });
  expect(
    compactChanges([
      c('01', 'insert', { name: 'Ada', company: 'A' }),
      c('02', 'update', { company: 'B' }),
      c('03', 'insert', { name: 'Ada L', company: 'C' }),
      c('04', 'update', { company: 'D', role: 'R' }),
      c('05', 'update', { company: 'E' }),
    ]),
  ).toEqual([
    c('03', 'insert', { name: 'Ada L', company: 'C' }),
    { ...c('04', 'update', { role: 'R' }), prior: undefined },
    { ...c('05', 'update', { company: 'E' }), prior: undefined },
  ]);
});
