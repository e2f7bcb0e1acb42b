import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, spawnCli } from '../helpers/spawn-cli.js';
import { Tmux, type Screen } from './tmux.js';

// Issue 17, point 2: on a terminal a page taller than the screen goes through
// the pager ($NETJOURNAL_PAGER, else $PAGER, else less -FRX), never when
// piped, never with --no-pager or NETJOURNAL_PAGER=cat; a pager that cannot
// start leaves the page printed as it is. The pager here is a script that
// records its arguments, its LESS and its input.

const SIZE = { columns: 80, rows: 24 };
const ANSI = /\u001b\[[0-9;]*m/g;

let dir: string;
let tmux: Tmux;
let env: NodeJS.ProcessEnv;
let pager: string;
let runs = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'netjournal-pager-'));
  const db = join(dir, 'journal.db');
  env = { NETJOURNAL_DB: db, NETJOURNAL_NOW: '2026-11-21', HOME: dir, TZ: 'UTC' };
  const made = spawnCli(['demo', '--db', db], env);
  if (made.code !== 0) throw new Error(made.stderr);
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const script = [
    '#!/bin/sh',
    'printf "%s\\n" "$@" > "$PAGER_LOG.args"',
    'printf "%s" "${LESS-unset}" > "$PAGER_LOG.less"',
    'cat > "$PAGER_LOG.input"',
    'echo "[pager read $(wc -l < "$PAGER_LOG.input") lines]"',
    'exit 7',
  ].join('\n');
  pager = join(bin, 'record-pager');
  writeFileSync(pager, script + '\n');
  chmodSync(pager, 0o755);
  // A `less` of our own, first on PATH: the default pager is looked up there.
  writeFileSync(join(bin, 'less'), script + '\n');
  chmodSync(join(bin, 'less'), 0o755);
  tmux = new Tmux();
}, 60_000);

afterAll(() => {
  tmux?.close();
  rmSync(dir, { recursive: true, force: true });
});

const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

interface Paged {
  screen: Screen;
  /** What the recording pager read (colour codes removed), or null when it did not run. */
  input: string | null;
  args: string[];
  less: string;
}

/** Run netjournal on the terminal (shell is the command line around it, NJ standing for netjournal). */
function onTerminal(args: string[], extra: NodeJS.ProcessEnv = {}, shell = 'NJ'): Paged {
  const log = join(dir, `run${++runs}`);
  const nj = [process.execPath, BIN, ...args].map(q).join(' ');
  const screen = tmux.run(shell.replace('NJ', nj), SIZE, {
    ...env,
    PATH: `${join(dir, 'bin')}:${process.env.PATH}`,
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
    PAGER_LOG: log,
    ...extra,
  });
  const read = (suffix: string): string | null =>
    existsSync(log + suffix) ? readFileSync(log + suffix, 'utf8') : null;
  return {
    screen,
    input: read('.input')?.replace(ANSI, '') ?? null,
    args: (read('.args') ?? '').split('\n').filter(Boolean),
    less: read('.less') ?? '',
  };
}

const shown = new Map<string, string[]>();

/** The page as the terminal shows it without a pager. */
function unpaged(args: string[]): string[] {
  const key = args.join('\0');
  if (!shown.has(key)) shown.set(key, onTerminal(args, { NETJOURNAL_PAGER: 'cat' }).screen.lines);
  return shown.get(key) ?? [];
}

describe('a page taller than the terminal', () => {
  // 28 lines on a 24-row terminal.
  const show = ['contact', 'show', 'Priya Shah'];

  it('goes through $NETJOURNAL_PAGER, which reads exactly the page', () => {
    const page = unpaged(show);
    expect(page.length).toBeGreaterThan(SIZE.rows);
    const run = onTerminal(show, { NETJOURNAL_PAGER: pager, PAGER: 'more' });
    expect(run.input?.split('\n').map((l) => l.trimEnd())).toEqual([...page, '']);
    // Only the pager wrote to the screen, and its exit status is not netjournal's.
    expect(run.screen).toEqual({ lines: [`[pager read ${page.length} lines]`], status: 0 });
    // Like git, the pager gets LESS=FRX when the user has none.
    expect(run.less).toBe('FRX');
  });

  it('goes through $PAGER when NETJOURNAL_PAGER is not set, keeping the LESS the user set', () => {
    const run = onTerminal(show, { PAGER: `${pager} --from-pager`, LESS: '-R' });
    expect(run.args).toEqual(['--from-pager']);
    expect(run.less).toBe('-R');
    expect(run.screen.lines).toEqual([`[pager read ${unpaged(show).length} lines]`]);
  });

  it('goes through less -FRX when neither is set', () => {
    const run = onTerminal(show);
    expect(run.args).toEqual(['-FRX']);
    expect(run.input).not.toBeNull();
  });

  it('--help is paged too, and --no-pager turns it off', () => {
    const help = onTerminal(['--help'], { NETJOURNAL_PAGER: pager });
    expect(help.input).toMatch(/^Usage: netjournal \[options\] \[command\]\n/);
    expect(help.screen.lines).toHaveLength(1);
    const plain = onTerminal(['--help', '--no-pager'], { NETJOURNAL_PAGER: pager });
    expect(plain.input).toBeNull();
    expect(plain.screen.lines[0]).toBe('Usage: netjournal [options] [command]');
  });

  it.each([
    ['--no-pager', ['--no-pager'], () => ({ NETJOURNAL_PAGER: pager })],
    ['NETJOURNAL_PAGER=cat', [], () => ({ NETJOURNAL_PAGER: 'cat', PAGER: pager })],
    ['an empty NETJOURNAL_PAGER', [], () => ({ NETJOURNAL_PAGER: '', PAGER: pager })],
    ['PAGER=cat', [], () => ({ PAGER: 'cat' })],
    ['an empty PAGER', [], () => ({ PAGER: '' })],
  ] as const)('is printed directly with %s', (_, flags, extra) => {
    const run = onTerminal([...show, ...flags], extra());
    expect(run.input).toBeNull();
    expect(run.screen).toEqual({ lines: unpaged(show), status: 0 });
  });

  it.each([
    ['a pager that is not there', '/nonexistent/pager -R'],
    ['one the shell cannot find', '"/no such/pager" --quit-if-one-screen'],
  ])('is printed directly when %s', (_, command) => {
    const run = onTerminal(show, { NETJOURNAL_PAGER: command });
    const lines = run.screen.lines.filter((l) => !/not found|No such file/.test(l));
    expect({ ...run.screen, lines }).toEqual({ lines: unpaged(show), status: 0 });
  });

  it('ends quietly when the pager quits without reading it', () => {
    const run = onTerminal(show, { NETJOURNAL_PAGER: 'true' });
    expect(run.screen).toEqual({ lines: [], status: 0 });
  });
});

describe('no pager', () => {
  it('for a page that fits on the screen', () => {
    const run = onTerminal(['log'], { NETJOURNAL_PAGER: pager });
    expect(run.input).toBeNull();
    expect(run.screen.lines[0]).toMatch(/^ID\s+DATE/);
  });

  it('when stdout is piped, even from a terminal', () => {
    const run = onTerminal(
      ['contact', 'show', 'Priya Shah'],
      { NETJOURNAL_PAGER: pager },
      'NJ | cat',
    );
    expect(run.input).toBeNull();
    const piped = spawnCli(['contact', 'show', 'Priya Shah'], env).stdout;
    expect(run.screen).toEqual({ lines: piped.trimEnd().split('\n'), status: 0 });
  });
});
