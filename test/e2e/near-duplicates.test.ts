import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { oneTypoApart } from '../../src/domain/names.js';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { spawnCli } from '../helpers/spawn-cli.js';

// Issue 16 point 7: a new contact whose name is one typo away from an
// existing one is still created (names need not be unique), but add, intro
// and contact add say so, with the merge that undoes the mistake.

let j: TempJournal;
const run = (args: string[]) => spawnCli(args, j.env);
beforeEach(() => {
  j = tempJournal('2026-11-21');
  expect(run(['contact', 'add', 'Chirs Wong']).code).toBe(0);
});
afterEach(() => j.remove());

describe('a new name one typo away from a contact', () => {
  it('add says which, and how to merge', () => {
    const r = run(['add', 'Chris Wong', '--no-thank-you']);
    expect([r.code, r.stderr]).toEqual([
      0,
      "New contact: Chris Wong (#2) — did you mean Chirs Wong ('#1')? If so, merge them: netjournal contact merge '#1' '#2'\nLogged coffee with Chris Wong on 2026-11-21 (meeting 1).\n",
    ]);
  });

  it('intro and contact add too; a name two typos away or the same name is not flagged', () => {
    expect(run(['intro', 'Chirs Wongg', 'Sam Lee']).stderr).toContain(
      "New contact: Chirs Wongg (#2) — did you mean Chirs Wong ('#1')? If so, merge them: netjournal contact merge '#1' '#2'",
    );
    expect(run(['contact', 'add', 'Chirs Wonh']).stderr).toBe(
      "Did you mean Chirs Wong ('#1')? If so, merge them: netjournal contact merge '#1' '#4'\nAdded Chirs Wonh (#4).\n",
    );
    expect(run(['add', 'Chris Wonk', '--no-thank-you']).stderr).toMatch(
      /^New contact: Chris Wonk \(#5\)\.\n/,
    );
  });
});

describe('oneTypoApart', () => {
  const name = fc.stringMatching(/^[A-Za-z][a-z]{2,12}( [A-Z][a-z]{2,12})?$/);
  it('is true for one letter added, removed, changed, or two neighbours swapped', () => {
    fc.assert(
      fc.property(
        name,
        fc.nat(),
        fc.constantFrom('add', 'remove', 'change', 'swap'),
        (s, at, edit) => {
          const i = at % s.length;
          const other =
            edit === 'add'
              ? s.slice(0, i) + 'q' + s.slice(i)
              : edit === 'remove'
                ? s.slice(0, i) + s.slice(i + 1)
                : edit === 'change'
                  ? s.slice(0, i) + (s[i] === 'x' ? 'y' : 'x') + s.slice(i + 1)
                  : i + 1 < s.length
                    ? s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2)
                    : s.slice(0, i) + 'z';
          if (other.toLowerCase() === s.toLowerCase()) return; // a swap of equal letters changes nothing
          expect(oneTypoApart(s, other)).toBe(true);
          expect(oneTypoApart(other, s)).toBe(true);
        },
      ),
    );
  });
  it('is false for the same name (any case or accents) and for two typos', () => {
    expect(oneTypoApart('Zoë Adams', 'zoe adams')).toBe(false);
    expect(oneTypoApart('Chirs Wong', 'Chris Wonk')).toBe(false);
    expect(oneTypoApart('Ana', 'Anna Lee')).toBe(false);
  });
});
