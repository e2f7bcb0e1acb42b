import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqliteVersion } from '../../src/storage/sqlite.js';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { BIN, spawnCli } from '../helpers/spawn-cli.js';
import { journalState } from '../helpers/state.js';

// Edges from issue 17 (points 8, 9, 10 and 12; completion, install and the
// README have their own files): what a shell does with netjournal's
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

describe('help', () => {
  it.each([
    [
      ['help', 'today'],
      ['today', '--help'],
    ],
    [
      ['help', 'contact', 'show'],
      ['contact', 'show', '--help'],
    ],
    [['help'], ['--help']],
    [
      ['--no-pager', 'help', 'note'],
      ['note', '--help'],
    ],
  ])('%j prints what %j prints, exit 0', async (asked, same) => {
    const help = await j.run(asked);
    expect(help).toEqual({ ...(await j.run(same)), code: 0 });
    expect(help.stdout).toMatch(/^Usage: netjournal /);
  });

  it.each([
    [['frobnicate', '--help'], "unknown command 'frobnicate' — run 'netjournal --help'"],
    [['--help', 'frobnicate'], "unknown command 'frobnicate' — run 'netjournal --help'"],
    [['help', 'frobnicate'], "unknown command 'frobnicate' — run 'netjournal --help'"],
    [['tody', '-h'], "unknown command 'tody' — did you mean today?"],
    [['contact', 'frobnicate', '--help'], "unknown command 'frobnicate' — see 'netjournal contact"],
    [['help', 'contact', 'frobnicate'], "unknown command 'frobnicate' — see 'netjournal contact"],
  ])('%j says the command is unknown and exits 2, writing nothing', async (args, message) => {
    const result = await j.run(args);
    expect(result.stdout).toBe('');
    expect(result.stderr.startsWith(`netjournal: ${message}`)).toBe(true);
    expect(result.code).toBe(2);
    expect(existsSync(j.path)).toBe(false);
  });

  it.each([
    [['add', '--bogus'], "unknown option '--bogus' — see 'netjournal add --help'"],
    [['add', '--kind'], "option '--kind <kind>' argument missing — see 'netjournal add --help'"],
    [
      ['contact', 'show'],
      "missing required argument 'name' — see 'netjournal contact show --help'",
    ],
    [['note', 'Ralph'], "missing required argument 'text' — see 'netjournal note add --help'"],
    [['note', 'edit'], "missing required argument 'id' — see 'netjournal note edit --help'"],
    [
      ['today', 'extra'],
      "too many arguments for 'today'. Expected 0 arguments but got 1. — see 'netjournal today --help'",
    ],
    [['contact'], "which contact command? — see 'netjournal contact --help'"],
    [['config'], "which config command? — see 'netjournal config --help'"],
  ])("%j: a usage error points at that command's help", async (args, message) => {
    await ok(['contact', 'add', 'Ralph Smith']);
    const before = await journalState(j);
    expect(await j.run(args)).toEqual({
      stdout: '',
      stderr: `netjournal: ${message}\n`,
      code: 2,
    });
    expect(await journalState(j)).toBe(before);
  });

  it.each([
    ['remove', 'remove with: netjournal contact rm NAME, meeting rm ID'],
    ['delete', 'remove with: netjournal contact rm NAME, meeting rm ID'],
    ['rm', 'remove with: netjournal contact rm NAME, meeting rm ID'],
    ['edit', 'correct with: netjournal contact edit NAME, meeting edit ID'],
    ['show', 'see one with: netjournal contact show NAME, meeting show ID or prep NAME'],
    ['ls', 'list with: netjournal contacts, follow-ups, log, notes, gifts or intros'],
  ])('%s suggests the commands that do it, not the ones spelt alike', async (verb, hint) => {
    await ok(['contact', 'add', 'Ralph Smith']);
    const before = await journalState(j);
    for (const args of [
      [verb, 'Ralph Smith'],
      [verb, '--help'],
    ]) {
      const result = await j.run(args);
      expect(result.stderr.startsWith(`netjournal: unknown command '${verb}' — ${hint}`)).toBe(
        true,
      );
      expect(result.stderr).not.toMatch(/demo|restore/);
      expect(result.code).toBe(2);
    }
    expect(await journalState(j)).toBe(before);
  });
});

describe('ids and the shell', () => {
  async function seedNumbers(): Promise<void> {
    await ok(['contact', 'add', 'Ralph Smith', '--company', 'Acme']); // #1
    await ok(['contact', 'add', '3']); // #2, named "3"
    await ok(['contact', 'add', 'Lena Berg']); // #3
    await ok(['contact', 'add', '2026 Alumni Night']); // #4
  }
  const shownName = async (args: string[]) => {
    const shown = JSON.parse(await ok([...args, '--json'])) as {
      name?: string;
      contact?: { name: string };
    };
    return shown.name ?? shown.contact?.name;
  };

  it('takes a bare number as an id when no contact has that name', async () => {
    await seedNumbers();
    expect(await shownName(['contact', 'show', '1'])).toBe('Ralph Smith');
    expect(await shownName(['prep', '1'])).toBe('Ralph Smith');
    // A contact named "3" keeps its name; #3 is still '#3'.
    expect(await shownName(['contact', 'show', '3'])).toBe('3');
    expect(await shownName(['contact', 'show', '#3'])).toBe('Lena Berg');
    // No contact #2026: the number is a prefix of a name, as before.
    expect(await shownName(['contact', 'show', '2026'])).toBe('2026 Alumni Night');
    // add logs the meeting with #1 instead of creating a contact named "1".
    const added = await j.run(['add', '1', '--no-thank-you']);
    expect(added.code).toBe(0);
    expect(added.stderr).not.toContain('New contact');
    expect(JSON.parse(await ok(['log', '--json']))).toMatchObject([{ contacts: ['Ralph Smith'] }]);
  });

  it('a number that is neither an id nor a name: exit 3 pointing at the ids, nothing written', async () => {
    await seedNumbers();
    const before = await journalState(j);
    for (const args of [
      ['contact', 'show', '99'],
      ['note', '99', 'likes jazz'],
      ['contact', 'edit', '99', '--company', 'Initech'],
    ]) {
      expect(await j.run(args)).toEqual({
        stdout: '',
        stderr:
          "netjournal: no contact '#99' or named \"99\" — see the ids with 'netjournal contacts'\n",
        code: 3,
      });
    }
    expect(await journalState(j)).toBe(before);
  });

  it('every id a message suggests is quoted, and works pasted into bash', async () => {
    await seedNumbers();
    await ok(['contact', 'add', 'Ralph Jones']); // #5
    const ambiguous = await j.run(['contact', 'show', 'ralph']);
    expect(ambiguous.code).toBe(3);
    expect(ambiguous.stderr).toContain("— name one by its id, e.g. '#5'\n");
    const clash = await j.run(['contact', 'edit', 'Lena Berg', '--name', 'Ralph Jones']);
    expect(clash.code).toBe(2);
    const near = await j.run(['contact', 'add', 'Lena Bergh']);
    const suggestions = [ambiguous.stderr, clash.stderr, near.stderr].join('');
    const ids = suggestions.match(/#\d+/g) ?? [];
    // The only ids left unquoted label a name in a list, "Ralph Jones (#5)".
    expect(suggestions.match(/(?<!')#\d+(?!')/g)).toEqual(['#5', '#1', '#5', '#6']);
    expect(ids.length).toBeGreaterThan(5);
    const merge = /netjournal (contact merge '#\d+' '#\d+')/.exec(clash.stderr)?.[1];
    expect(merge).toBe("contact merge '#5' '#3'");
    for (const line of [`contact show '#1' --json`, `contact show 1 --json`]) {
      const result = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" ${line}`], {
        env: { ...j.env, PATH: process.env.PATH },
        encoding: 'utf8',
      });
      expect(result.status, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ name: 'Ralph Smith' });
    }
  });
});
