import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { journalState } from '../helpers/state.js';

// Issue 17: a page about one thing stays a page when piped (point 7),
// `log` and `follow-ups` take --limit (point 2), and what netjournal tells a
// person on stderr wraps on a terminal but stays one line piped (point 1).

let j: TempJournal;
beforeEach(() => {
  j = tempJournal();
});
afterEach(() => j.remove());

async function ok(
  args: string[],
  options: Parameters<TempJournal['run']>[1] = {},
): Promise<string> {
  const result = await j.run(args, options);
  expect(result.stderr, args.join(' ')).toBe('');
  expect(result.code, args.join(' ')).toBe(0);
  return result.stdout;
}

const PLAIN = { tty: true, env: { NO_COLOR: '1' } };

async function fill(): Promise<void> {
  const quiet = { env: {} };
  await j.run(
    ['add', 'Ralph Smith', '--date', '2026-11-01', '--notes', 'talked about climbing'],
    quiet,
  );
  await j.run(['add', 'Lena Berg', '--date', '2026-11-10', '--learned', 'moving to Berlin'], quiet);
  await j.run(
    ['add', 'Ralph Smith', '--date', '2026-11-20', '--follow-up', 'send the deck'],
    quiet,
  );
}

describe('a page about one thing, piped', () => {
  beforeEach(fill);

  it('meeting show prints its page as plain text, --json and --format tsv for scripts', async () => {
    const piped = await ok(['meeting', 'show', '3']);
    expect(piped.split('\n')[0]).toBe('Meeting 3: coffee');
    expect(piped).not.toContain('\u001b');
    expect(piped).toBe(await ok(['meeting', 'show', '3'], PLAIN));
    expect(JSON.parse(await ok(['meeting', 'show', '3', '--json']))).toMatchObject({ id: 3 });
    expect((await ok(['meeting', 'show', '3', '--format', 'tsv'])).split('\n')[0]).toBe(
      'id\tdate\tkind\tcontacts\tcontactIds\tnotes\toutreach',
    );
  });

  it('a page piped is not wrapped to any width, as it is on a terminal', async () => {
    const long = `talked about ${'the long way round '.repeat(8).trim()}`;
    await j.run(['meeting', 'edit', '1', '--notes', long]);
    expect(await ok(['meeting', 'show', '1'])).toContain(`Notes: ${long}\n`);
    const onTerminal = await ok(['meeting', 'show', '1'], PLAIN);
    // Issue 17, point 3: on a terminal the note wraps whole under its first
    // character instead of being cut.
    expect(onTerminal).not.toContain(long);
    for (const line of onTerminal.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(onTerminal).toMatch(/^Notes: talked about the long way/m);
    expect(onTerminal.replace(/\n {7}(?=\S)/g, ' ')).toContain(`Notes: ${long}\n`);
  });

  it('contact show and prep print their pages; stats keeps its metric lines; lists stay tsv', async () => {
    expect((await ok(['contact', 'show', 'Ralph'])).split('\n')[0]).toBe('Ralph Smith  #1');
    expect((await ok(['prep', 'Ralph'])).split('\n')[0]).toBe('Ralph Smith');
    expect((await ok(['stats'])).split('\n')[0]).toBe('metric\tvalue');
    expect((await ok(['log'])).split('\n')[0]).toBe(
      'id\tdate\tkind\tcontacts\tcontactIds\tnotes\toutreach',
    );
  });
});

describe('--limit', () => {
  beforeEach(fill);

  it('log --limit N prints the newest N, on a terminal and piped', async () => {
    const piped = (await ok(['log', '--limit', '2'])).trimEnd().split('\n');
    expect(piped.map((l) => l.split('\t').slice(0, 2).join(' '))).toEqual([
      'id date',
      '3 2026-11-20',
      '2 2026-11-10',
    ]);
    const table = (await ok(['log', '--limit', '1'], PLAIN)).trimEnd().split('\n');
    expect(table).toHaveLength(2);
    expect(table[1]).toMatch(/^ 3 {2}2026-11-20 /);
    expect(JSON.parse(await ok(['log', '--limit', '1', '--json']))).toHaveLength(1);
  });

  it('follow-ups --limit N prints the first N by due date', async () => {
    const all = JSON.parse(await ok(['follow-ups', '--all', '--json'])) as { id: number }[];
    expect(all.length).toBeGreaterThan(2);
    const two = JSON.parse(await ok(['follow-ups', '--all', '--limit', '2', '--json'])) as {
      id: number;
    }[];
    expect(two.map((f) => f.id)).toEqual(all.slice(0, 2).map((f) => f.id));
    const table = (await ok(['follow-ups', '--limit', '1'], PLAIN)).trimEnd().split('\n');
    expect(table).toHaveLength(2);
  });

  it.each([['0'], ['-1'], ['ten'], ['2.5'], ['']])(
    '--limit "%s" is a usage error (exit 2) that writes nothing',
    async (value) => {
      const before = await journalState(j);
      for (const command of ['log', 'follow-ups']) {
        expect(await j.run([command, '--limit', value])).toEqual({
          stdout: '',
          stderr: `netjournal: invalid --limit "${value}" — give a number of 1 or more, e.g. --limit 20\n`,
          code: 2,
        });
      }
      expect(await journalState(j)).toBe(before);
    },
  );

  it('on a missing journal prints an empty list and creates nothing', async () => {
    const empty = tempJournal();
    try {
      expect(await empty.run(['log', '--limit', '3'])).toEqual({
        stdout: 'id\tdate\tkind\tcontacts\tcontactIds\tnotes\toutreach\n',
        stderr: '',
        code: 0,
      });
      expect((await empty.run(['follow-ups', '--limit', '3', '--json'])).stdout).toBe('[]\n');
      expect(existsSync(empty.path)).toBe(false);
    } finally {
      empty.remove();
    }
  });
});

describe('lines for a person on stderr', () => {
  const name = 'Priya Shah of Northwind Labs, the one from the career fair';
  const message = `netjournal: no contact named "${name}" — add them with: netjournal contact add "${name}"`;

  it('an error wraps at spaces on a terminal, and stays one line piped', async () => {
    const piped = await j.run(['contact', 'show', name]);
    expect(piped).toEqual({ stdout: '', stderr: `${message}\n`, code: 3 });
    const onTerminal = await j.run(['contact', 'show', name], { tty: true, columns: 60 });
    expect(onTerminal.code).toBe(3);
    expect(onTerminal.stderr).toBe(
      [
        'netjournal: no contact named "Priya Shah of Northwind Labs,',
        'the one from the career fair" — add them with: netjournal',
        'contact add "Priya Shah of Northwind Labs, the one from the',
        'career fair"',
        '',
      ].join('\n'),
    );
    expect(onTerminal.stderr.replace(/\n(?!$)/g, ' ')).toBe(`${message}\n`);
  });

  it('a confirmation wraps on a terminal, and stays one line piped', async () => {
    await fill();
    const text =
      'Removed meeting 3 (coffee with Ralph Smith on 2026-11-20) and its 2 open follow-ups: 3, 4.';
    expect((await j.run(['meeting', 'rm', '3'], { env: {} })).stderr).toContain(`${text}\n`);
    await j.run(['undo']);
    // On a terminal meeting rm asks first (issue 17, point 6); --yes answers.
    const onTerminal = await j.run(['meeting', 'rm', '3', '--yes'], { tty: true, columns: 80 });
    expect(onTerminal.stderr).toBe(
      'Removed meeting 3 (coffee with Ralph Smith on 2026-11-20) and its 2 open\nfollow-ups: 3, 4.\n',
    );
  });
});

describe('the pager, run in-process', () => {
  beforeEach(fill);

  it('takes a page taller than the terminal, and only on a terminal', async () => {
    const file = join(j.dir, 'paged.txt');
    const pager = { NETJOURNAL_PAGER: `sh -c 'cat > "$0"' ${file}`, NO_COLOR: '1' };
    const page = await ok(['contact', 'show', 'Ralph'], PLAIN);
    expect(await ok(['contact', 'show', 'Ralph'], { tty: true, rows: 10, env: pager })).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(page);
    // One screen tall: printed, no pager.
    const tall = { tty: true, rows: page.split('\n').length, env: pager };
    expect(await ok(['contact', 'show', 'Ralph'], tall)).toBe(page);
    expect(await ok(['contact', 'show', 'Ralph'], { rows: 10, env: pager })).toBe(
      await ok(['contact', 'show', 'Ralph']),
    );
  });

  it('prints the page itself when the pager cannot start', async () => {
    const page = await ok(['log'], PLAIN);
    const missing = { NETJOURNAL_PAGER: '/nonexistent/pager', NO_COLOR: '1' };
    expect(await ok(['log'], { tty: true, rows: 2, env: missing })).toBe(page);
  });
});
