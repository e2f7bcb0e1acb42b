import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { namesToTellApart } from '../../src/domain/names.js';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';

// Issue 16 point 5: two people who share a name look different on the
// terminal page (company, else #id); piped formats carry contactId already.

let j: TempJournal;
beforeEach(async () => {
  j = tempJournal('2026-11-21');
  const add = async (args: string[]) => {
    const r = await j.run([...args, '--now', '2026-11-01']);
    expect(r.code, r.stderr).toBe(0);
  };
  await add(['contact', 'add', 'Sarah Kim', '--company', 'Acme', '--every', '7d']);
  await add(['contact', 'add', 'Sarah Kim', '--new', '--every', '7d']);
  await add(['contact', 'add', 'Sarah Kím', '--new', '--company', 'Globex', '--every', '7d']);
  await add(['contact', 'add', 'Joe Park', '--company', 'Acme', '--every', '7d']);
});
afterEach(() => j.remove());

describe('people who share a name, shown together', () => {
  it('are told apart on the terminal page by company, else by id', async () => {
    const page = await j.run(['today', '--no-color'], { tty: true, columns: 80 });
    expect(page.code).toBe(0);
    expect(page.stdout).toBe(
      [
        '4 things today: 4 reconnects.',
        '',
        'Time to reconnect',
        // Issue 17, point 3: when sits by the id and the name; the text wraps whole.
        '  r4  13 days late  Joe Park            never met; added 20 days ago; every 7',
        '                                        days',
        '  r1  13 days late  Sarah Kim (Acme)    never met; added 20 days ago; every 7',
        '                                        days',
        '  r2  13 days late  Sarah Kim #2        never met; added 20 days ago; every 7',
        '                                        days',
        '  r3  13 days late  Sarah Kím (Globex)  never met; added 20 days ago; every 7',
        '                                        days',
        '',
      ].join('\n'),
    );
  });

  it('piped, the names stay as they are (contactId tells them apart)', async () => {
    const piped = await j.run(['today', '--format', 'tsv', '--no-header']);
    expect(piped.stdout.split('\n').map((l) => l.split('\t').slice(1, 5).join(' '))).toEqual([
      'r4 reconnect Joe Park 4',
      'r1 reconnect Sarah Kim 1',
      'r2 reconnect Sarah Kim 2',
      'r3 reconnect Sarah Kím 3',
      '',
    ]);
  });
});

describe('namesToTellApart', () => {
  it('labels only the names shared, by an own company or else by id', () => {
    expect(
      namesToTellApart([
        { id: 1, name: 'Sarah Kim', company: 'Acme' },
        { id: 2, name: 'sarah kim', company: 'Acme' },
        { id: 3, name: 'Sarah Kim', company: 'Globex' },
        { id: 4, name: 'Joe Park', company: null },
        { id: 5, name: 'Ana', company: null },
        { id: 6, name: 'Ana', company: null },
      ]),
    ).toEqual(
      new Map([
        [1, 'Sarah Kim #1'],
        [2, 'sarah kim #2'],
        [3, 'Sarah Kim (Globex)'],
        [5, 'Ana #5'],
        [6, 'Ana #6'],
      ]),
    );
  });
});
