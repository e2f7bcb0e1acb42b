import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { fixturePath } from '../interop/csv-fixtures.js';

// Issue 15 point 10: every row of the file is accounted for in the summary
// (created, updated, unchanged, skipped with its reason), and nothing a row
// carried is dropped without saying so.

let j: TempJournal;
beforeEach(() => {
  j = tempJournal();
});
afterEach(() => j.remove());

const csv = (name: string, lines: string[]) => {
  const file = join(j.dir, name);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
};

describe('an import accounts for every row', () => {
  it('LinkedIn rows with no name are skipped, counted and named by line', async () => {
    const r = await j.run(['import', fixturePath('csv/linkedin-2018.csv')]);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      expect.stringMatching(
        /^Imported linkedin-2018\.csv \(LinkedIn connections\): \d+ created, 0 updated, 0 unchanged, 2 skipped\.$/,
      ),
      '  2 rows had no name (LinkedIn hides some connections) — skipped: line 4, line 6',
    ]);
  });

  it('fields not understood are dropped with a note; the contacts are kept', async () => {
    const r = await j.run(['import', fixturePath('bad-birthday.csv'), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ created: 3, skipped: [] });
    expect(r.stderr).toBe(
      [
        'Imported bad-birthday.csv (CSV): 3 created, 0 updated, 0 unchanged, 0 skipped.',
        '  1 birthday not understood, kept the contact: line 3 "02-30"',
        '  1 e-mail not understood, kept the contact: line 4 "joe@@"',
        '  1 circle not understood, kept the contact: line 4 "outer"',
        '  1 keep-in-touch interval not understood, kept the contact: line 4 "fortnightly"',
        '',
      ].join('\n'),
    );
  });

  it('two rows of the same name that disagree are two people; importing again changes nothing', async () => {
    const file = csv('people.csv', [
      'name,phone,company',
      'John Smith,+1 555 0100,Acme',
      'John Smith,+1 555 0199,Globex',
      'John Smith,,Acme',
    ]);
    const first = await j.run(['import', file, '--json']);
    expect(JSON.parse(first.stdout)).toMatchObject({ created: 2, updated: 0, unchanged: 1 });
    const contacts = JSON.parse((await j.run(['contacts', '--json'])).stdout) as {
      phone: string;
      company: string;
    }[];
    expect(contacts.map((c) => `${c.phone} ${c.company}`)).toEqual([
      '+1 555 0100 Acme',
      '+1 555 0199 Globex',
    ]);
    const again = await j.run(['import', file, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it("a value that differs from the journal's is kept as it is, and said", async () => {
    await j.run([
      'contact',
      'add',
      'Ralph Smith',
      '--email',
      'ralph@example.com',
      '--phone',
      '+1 555 0100',
    ]);
    const file = csv('ralph.csv', [
      'name,email,phone',
      'Ralph Smith,RALPH@example.com,+44 20 7946 0000',
    ]);
    const r = await j.run(['import', file, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 1,
      kept: [{ line: 2, contact: 'Ralph Smith', field: 'phone', value: '+44 20 7946 0000' }],
    });
    expect(r.stderr).toBe(
      [
        'Imported ralph.csv (CSV): 0 created, 0 updated, 1 unchanged, 0 skipped.',
        `  1 value in the file differs from the journal's, which is kept: line 2 phone "+44 20 7946 0000" (Ralph Smith)`,
        '',
      ].join('\n'),
    );
  });
});
