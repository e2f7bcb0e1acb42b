import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqliteVersion } from '../../src/storage/sqlite.js';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { spawnCli } from '../helpers/spawn-cli.js';
import { journalState } from '../helpers/state.js';

// Edges from issue 17 (points 8 to 14): what a shell does with netjournal's
// output and with the words typed to it.

let j: TempJournal;
beforeEach(() => {
  j = tempJournal();
});
afterEach(() => j.remove());

async function ok(args: string[]): Promise<string> {
  const result = await j.run(args);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

describe('config get in $(…)', () => {
  it('prints the value alone when piped; --json and --format still give the record', async () => {
    await ok(['config', 'set', 'cadence.third', '3m']);
    expect(await j.run(['config', 'get', 'cadence.third'])).toEqual({
      stdout: '90d\n',
      stderr: '',
      code: 0,
    });
    expect(await ok(['config', 'get', 'cadence.third', '--json'])).toBe(
      '{"key":"cadence.third","value":"90d"}\n',
    );
    expect(await ok(['config', 'get', 'cadence.third', '--format', 'tsv'])).toBe(
      'key\tvalue\ncadence.third\t90d\n',
    );
    // config list stays a table of records.
    expect(await ok(['config', 'list'])).toBe('key\tvalue\ncadence.third\t90d\n');
  });

  it('exits 3 with nothing on stdout when the setting is not set', async () => {
    await ok(['config', 'set', 'cadence.inner', '2w']);
    const before = await journalState(j);
    expect(await j.run(['config', 'get', 'cadence.third'])).toEqual({
      stdout: '',
      stderr:
        'netjournal: cadence.third is not set — set it with: netjournal config set cadence.third 60d\n',
      code: 3,
    });
    expect(await journalState(j)).toBe(before);
  });
});

describe('--version', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  const runtime = `Node ${process.version}, SQLite ${sqliteVersion()}`;

  it('names the program; with --verbose, Node and SQLite on a second line', () => {
    expect(spawnCli(['--version'], j.env)).toEqual({
      stdout: `netjournal ${pkg.version}\n`,
      stderr: '',
      code: 0,
    });
    for (const args of [
      ['--version', '--verbose'],
      ['--verbose', '-V'],
    ]) {
      expect(spawnCli(args, j.env)).toEqual({
        stdout: `netjournal ${pkg.version}\n${runtime}\n`,
        stderr: '',
        code: 0,
      });
    }
    // --verbose is no global option: only --version reads it.
    expect(spawnCli(['contacts', '--verbose'], j.env).code).toBe(2);
    expect(existsSync(j.path)).toBe(false);
  });

  it('doctor ends with the same versions, and --json has them', async () => {
    await ok(['contact', 'add', 'Ralph Smith']);
    const text = await ok(['doctor']);
    expect(text.endsWith(`\nnetjournal ${pkg.version}, ${runtime}\n`)).toBe(true);
    const report = JSON.parse(await ok(['doctor', '--json'])) as { versions: unknown };
    expect(report.versions).toEqual({
      netjournal: pkg.version,
      node: process.version,
      sqlite: sqliteVersion(),
    });
  });
});
