import { existsSync, readFileSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { spawnCli } from '../helpers/spawn-cli.js';
import { journalState } from '../helpers/state.js';

// draft through the built bin/, as a user runs it: a sparse journal (no
// e-mail, nothing learned, no introducer, never met) drafts only the
// sentences it can fill; refusals exit with the contract's codes and leave
// the journal as it was.

const NOW = '2026-11-21';
let j: TempJournal;
const cli = (args: string[]) => spawnCli(args, j.env);
const ok = (args: string[]): string => {
  const r = cli(args);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
};

beforeEach(() => {
  j = tempJournal(NOW);
});
afterEach(() => j.remove());

describe('draft on a sparse journal', () => {
  it('a thank-you for a call with no notes: greeting, thanks, sign-off', () => {
    ok(['add', 'Ana', '--kind', 'call']);
    expect(ok(['draft', '1'])).toBe(
      'Thank you for the call\n\nHi Ana,\n\nThank you for the call on 21 November — I really enjoyed it.\n\nBest,\n',
    );
    expect(JSON.parse(ok(['draft', '1', '--json']))).toMatchObject({ to: 'Ana', email: null });
    expect(ok(['draft', '1', '--mailto'])).toMatch(
      /^mailto:\?subject=Thank%20you%20for%20the%20call&body=Hi%20Ana/,
    );
  });

  it('a reconnect with someone never met and nothing learned', () => {
    ok(['contact', 'add', 'Bo Chen', '--every', '30d', '--now', '2026-09-01']);
    expect(ok(['draft', 'r1'])).toBe(
      "It's been a while\n\nHi Bo,\n\nIt's been a while — I hope you're well. Would you be up for a catch-up soon?\n\nBest,\n",
    );
  });
});

describe('draft refuses, writing nothing', () => {
  it.each([
    [
      ['draft', '42'],
      3,
      "netjournal: no follow-up 42 — see today's items with 'netjournal today'\n",
    ],
    [
      ['draft', '42', '--done'],
      3,
      "netjournal: no follow-up 42 — see today's items with 'netjournal today'\n",
    ],
    [
      ['draft', 'b42'],
      3,
      "netjournal: no contact #42 — see today's items with 'netjournal today'\n",
    ],
    [
      ['draft', 'intro'],
      2,
      'netjournal: draft intro needs the introduction id — e.g. netjournal draft intro 3\n',
    ],
    [
      ['draft', '1', '2'],
      2,
      'netjournal: draft takes one item, not "2" — e.g. netjournal draft 12\n',
    ],
    [
      ['draft', 'intro', '1', '--done'],
      2,
      'netjournal: an introduction has nothing to mark done — leave out --done\n',
    ],
    [
      ['draft', '1', '--format', 'csv'],
      2,
      'netjournal: unknown format "csv" — use one of table, json\n',
    ],
  ])('%j: exit %i', (args, code, stderr) => {
    ok(['add', 'Ana', '--kind', 'call']);
    const before = readFileSync(j.path);
    const mtime = statSync(j.path).mtimeMs;
    const r = cli(args);
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({
      code,
      stdout: '',
      stderr,
    });
    expect(readFileSync(j.path).equals(before)).toBe(true);
    expect(statSync(j.path).mtimeMs).toBe(mtime);
  });

  it('creates no journal where there is none', async () => {
    const r = cli(['draft', '1']);
    expect(r.code).toBe(3);
    expect(existsSync(j.path)).toBe(false);
    expect(await journalState(j)).toBe('[]\n[]\n[]\n');
  });
});
