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

describe('intros on a terminal, where two people shown share a name', () => {
  beforeEach(async () => {
    for (const args of [
      ['intro', '#1', '#2', '--date', '2026-11-02'],
      ['intro', '#2', 'Lena Berg', '--date', '2026-11-03'],
      ['intro', 'Joe Park', '#3', '--date', '2026-11-04'],
      ['intro', '#1', '#4', '--date', '2026-11-04'],
    ]) {
      const r = await j.run([...args, '--now', '2026-11-05']);
      expect(r.code, r.stderr).toBe(0);
    }
  });
  const page = async (args: string[]) => {
    const r = await j.run(['intros', ...args, '--no-color'], { tty: true, columns: 100 });
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };

  it('tells them apart in the list, by company, else by id', async () => {
    expect(await page([])).toBe(
      [
        '4 introductions, newest first',
        '4  2026-11-04  Sarah Kim (Acme) introduced Joe Park to you · not reported back',
        '3  2026-11-04  Joe Park introduced Sarah Kím (Globex) to you · not reported back',
        '2  2026-11-03  Sarah Kim #2 introduced Lena Berg to you · not reported back',
        '1  2026-11-02  Sarah Kim (Acme) introduced Sarah Kim #2 to you · not reported back',
        '',
      ].join('\n'),
    );
  });

  it('tells them apart in --chain and --top, and only where two shown share the name', async () => {
    expect(await page(['--chain', 'Lena'])).toBe(
      [
        'Sarah Kim (Acme) → Sarah Kim #2 → Lena Berg',
        '  Sarah Kim (Acme) introduced Sarah Kim #2 to you on 2026-11-02',
        '  Sarah Kim #2 introduced Lena Berg to you on 2026-11-03',
        '',
      ].join('\n'),
    );
    expect(await page(['--top'])).toBe(
      [
        'Your connectors, by introductions made',
        '  1. Sarah Kim (Acme)  2 introductions',
        '  2. Joe Park          1 introduction',
        '  3. Sarah Kim #2      1 introduction',
        '',
      ].join('\n'),
    );
    // One Sarah Kim on the page: nothing to tell apart.
    expect(await page(['--chain', '#4'])).toBe(
      ['Sarah Kim → Joe Park', '  Sarah Kim introduced Joe Park to you on 2026-11-04', ''].join(
        '\n',
      ),
    );
  });

  it('piped, the names stay as they are', async () => {
    const r = await j.run(['intros', '--top', '--json']);
    expect(JSON.parse(r.stdout)).toEqual({
      introducers: [
        { name: 'Sarah Kim', count: 2 },
        { name: 'Joe Park', count: 1 },
        { name: 'Sarah Kim', count: 1 },
      ],
    });
    const chain = await j.run(['intros', '--chain', 'Lena', '--json']);
    expect(JSON.parse(chain.stdout)).toEqual({ chain: ['Sarah Kim', 'Sarah Kim', 'Lena Berg'] });
  });
});
