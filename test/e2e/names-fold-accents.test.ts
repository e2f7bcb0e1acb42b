import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { whoChoices } from '../../src/prompts/people.js';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { spawnCli } from '../helpers/spawn-cli.js';

// Issue 16 point 6: names match ignoring case and accents everywhere (exact
// name, unique prefix, suggestions, the interactive picker), as search does.

let j: TempJournal;
const run = (args: string[]) => spawnCli(args, j.env);
beforeEach(() => {
  j = tempJournal('2026-11-21');
  for (const name of ['Zoë Adams', 'Ana Müller', 'Joe Park', 'ÅSA Öberg']) {
    expect(run(['contact', 'add', name]).code).toBe(0);
  }
});
afterEach(() => j.remove());

describe('names without their accents', () => {
  it('note zoe finds Zoë Adams; add zoe logs with her instead of creating "zoe"', () => {
    expect(run(['note', 'zoe adams', 'plays chess', '--json'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('"contact":"Zoë Adams"'),
    });
    const added = run(['add', 'zoe', '--no-thank-you', '--json']);
    expect(added.code).toBe(0);
    expect(added.stderr).toBe(
      '"zoe" is Zoë Adams (#1).\nLogged coffee with Zoë Adams on 2026-11-21 (meeting 1).\n',
    );
    expect(JSON.parse(run(['contacts', '--json']).stdout)).toHaveLength(4);
  });

  it('a prefix typed without accents or in capitals: "ana mu", "asa", "ANA MÜ"', () => {
    for (const [typed, name] of [
      ['ana mu', 'Ana Müller'],
      ['asa', 'ÅSA Öberg'],
      ['ANA MÜ', 'Ana Müller'],
      ['åsa ob', 'ÅSA Öberg'],
    ]) {
      const r = run(['contact', 'show', typed as string, '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ name });
    }
  });

  it('case outside ASCII: "дмитрий иванов" and "ДМИТРИЙ" find Дмитрий Иванов (SQL NOCASE folds ASCII only)', () => {
    expect(run(['contact', 'add', 'Дмитрий Иванов']).code).toBe(0);
    for (const typed of ['дмитрий иванов', 'ДМИТРИЙ', 'дмит']) {
      const noted = run(['note', typed, 'likes chess', '--json']);
      expect(noted.code, `${typed}: ${noted.stderr}`).toBe(0);
      expect(noted.stdout).toContain('"contact":"Дмитрий Иванов"');
    }
  });

  it('a name not found suggests the accented one first, and writes nothing', () => {
    const before = readFileSync(j.path);
    expect(run(['note', 'muller', 'x'])).toEqual({
      code: 3,
      stdout: '',
      stderr: 'netjournal: no contact named "muller" — did you mean "Ana Müller"?\n',
    });
    expect(run(['note', 'zoee adams', 'x']).stderr).toBe(
      'netjournal: no contact named "zoee adams" — did you mean "Zoë Adams"?\n',
    );
    expect(readFileSync(j.path).equals(before)).toBe(true);
  });

  it('"Zoe" and "Zoë" are the same name to type: both are listed', () => {
    expect(run(['contact', 'add', 'Zoe Adams', '--new']).code).toBe(0);
    const before = readFileSync(j.path);
    expect(run(['note', 'zoe adams', 'x'])).toEqual({
      code: 3,
      stdout: '',
      stderr:
        'netjournal: "zoe adams" matches 2 contacts: Zoë Adams (#1), Zoe Adams (#5) — name one by its id, e.g. \'#1\'\n',
    });
    expect(readFileSync(j.path).equals(before)).toBe(true);
  });
});

describe('the interactive picker', () => {
  const contacts = [
    { id: 1, name: 'Zoë Adams', company: null },
    { id: 2, name: 'Ana Müller', company: 'Mönch GmbH' },
  ];
  it('offers Zoë for "zoe", Ana for "monch", and no new "zoe adams"', () => {
    expect(whoChoices('zoe', contacts, []).map((c) => c.short)).toEqual(['Zoë Adams', 'zoe (new)']);
    expect(whoChoices('monch', contacts, []).map((c) => c.short)).toEqual([
      'monch (new)',
      'Ana Müller',
    ]);
    const fresh = whoChoices('zoe adams', contacts, []).find((c) => c.short === 'zoe adams (new)');
    expect(fresh?.disabled).toBe(
      '(matches an existing name: pick it, or use netjournal add --new)',
    );
  });
});
