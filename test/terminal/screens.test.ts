import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../helpers/run-cli.js';
import { BIN, spawnCli } from '../helpers/spawn-cli.js';
import { Tmux } from './tmux.js';

// Issue 17, point 1: what netjournal leaves on real terminals 80 and 120
// columns wide. Each screen is compared with the one committed under
// screens/; no line may be wider than the terminal, and no word on it may be
// one the terminal split (every word is a word of the same output piped, or
// a text cut short with "…").

const SCREENS = new URL('./screens/', import.meta.url);
const UPDATE = process.env.UPDATE_SCREENS === '1';
const NOW = '2026-11-21';
const width = createRequire(import.meta.url)('string-width') as (s: string) => number;

const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

interface Case {
  name: string;
  args: string[];
  /** The same output piped, to take its words from. */
  piped: string[];
  /** stderr is what a person reads (errors, confirmations). */
  stderr?: boolean;
  /** A write: run on a copy of the journal. */
  writes?: boolean;
  status?: number;
}

const EVERY_SIZE: Case[] = [
  { name: 'help', args: ['--help'], piped: ['--help'] },
  { name: 'today', args: ['today'], piped: ['today', '--format', 'table'] },
  {
    name: 'contact-show',
    args: ['contact', 'show', 'Priya Shah'],
    piped: ['contact', 'show', 'Priya Shah'],
  },
  {
    name: 'follow-ups-all',
    args: ['follow-ups', '--all'],
    piped: ['follow-ups', '--all', '--format', 'table'],
  },
  { name: 'stats', args: ['stats'], piped: ['stats', '--format', 'table'] },
];

const AT_80: Case[] = [
  { name: 'summary', args: [], piped: ['today', '--summary'] },
  {
    name: 'error',
    args: ['contact', 'show', 'Priya Shah of Northwind Labs, the one from the career fair'],
    piped: ['contact', 'show', 'Priya Shah of Northwind Labs, the one from the career fair'],
    stderr: true,
    status: 3,
  },
  {
    name: 'confirmation',
    args: ['contact', 'rm', 'Marcus Chen', '--yes'],
    piped: ['contact', 'rm', 'Marcus Chen', '--yes'],
    stderr: true,
    writes: true,
  },
];

const SIZES = [
  { columns: 80, rows: 24, cases: [...EVERY_SIZE, ...AT_80] },
  { columns: 120, rows: 40, cases: EVERY_SIZE },
];

function journalFor(c: Case, tag: string): NodeJS.ProcessEnv {
  if (!c.writes) return env;
  const copy = join(dir, `${c.name}-${tag}.db`);
  copyFileSync(env.NETJOURNAL_DB as string, copy);
  return { ...env, NETJOURNAL_DB: copy };
}

let dir: string;
let tmux: Tmux;
let env: NodeJS.ProcessEnv;
const runs = new Map<string, { onTerminal: string; piped: Promise<RunResult> }>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'netjournal-screens-'));
  const db = join(dir, 'journal.db');
  env = { NETJOURNAL_DB: db, NETJOURNAL_NOW: NOW, HOME: dir, TZ: 'UTC' };
  const setup: string[][] = [
    ['demo', '--db', db],
    ['contact', 'add', '山田 太郎', '--company', '東京タワー株式会社', '--role', 'デザイナー'],
    [
      'add',
      '山田 太郎',
      '--notes',
      'ramen near the 🗼 tower',
      '--follow-up',
      'send 山田さん the design-systems reading list and the 🎹 jazz playlist he asked about',
      '--due',
      '3d',
    ],
    [
      'note',
      'Priya Shah',
      'is training for the Berlin marathon in September and wants a running partner for long Sunday runs',
    ],
    [
      'follow-up',
      'Priya Shah',
      'ask whether the research operations team at Northwind Labs is hiring interns for the summer',
    ],
  ];
  for (const args of setup) {
    const r = spawnCli(args, env);
    if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  }
  // Every run starts at once, on the terminal and piped: the suite stays fast.
  tmux = new Tmux();
  for (const { columns, rows, cases } of SIZES) {
    const size = `${columns}x${rows}`;
    for (const c of cases) {
      const runEnv = { ...journalFor(c, size), TERM: 'xterm-256color', LANG: 'C.UTF-8' };
      const command = [process.execPath, BIN, ...c.args].map(q).join(' ');
      const onTerminal = tmux.start(
        command,
        { columns, rows },
        { ...runEnv, NETJOURNAL_PAGER: 'cat' },
      );
      // Piped at the same width, so that a table cuts its cells as on the terminal.
      const piped = spawnAsync(c.piped, {
        ...journalFor(c, `${size}-piped`),
        COLUMNS: String(columns),
      });
      runs.set(`${c.name}.${size}`, { onTerminal, piped });
    }
  }
  await Promise.all([...runs.values()].map((r) => r.piped));
}, 120_000);

afterAll(() => {
  tmux?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(SIZES)('on a $columns × $rows terminal', ({ columns, rows, cases }) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const size = `${columns}x${rows}`;
    const run = runs.get(`${c.name}.${size}`);
    if (!run) throw new Error(`no run for ${c.name}.${size}`);
    const screen = tmux.screen(run.onTerminal);
    expect(screen.status).toBe(c.status ?? 0);

    const tooWide = screen.lines.filter((l) => width(l) > columns);
    expect(tooWide, 'lines wider than the terminal').toEqual([]);

    const piped = await run.piped;
    const known = new Set(words(c.stderr ? piped.stderr : piped.stdout));
    const split = words(screen.lines.join('\n')).filter((w) => !known.has(w) && !w.endsWith('…'));
    expect(split, 'words on the screen that the piped output does not have').toEqual([]);

    const file = new URL(`${c.name}.${size}.txt`, SCREENS);
    const text = screen.lines.join('\n') + '\n';
    if (UPDATE) {
      mkdirSync(SCREENS, { recursive: true });
      writeFileSync(file, text);
    }
    const hint = `test/terminal/screens/${c.name}.${size}.txt (UPDATE_SCREENS=1 rewrites it)`;
    expect(existsSync(file), `no screen ${hint}`).toBe(true);
    expect(text, `screen differs from ${hint}`).toBe(readFileSync(file, 'utf8'));
  });
});

/** The built CLI, piped, without waiting for it. */
function spawnAsync(args: readonly string[], runEnv: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { PATH: process.env.PATH, ...runEnv }, encoding: 'utf8' },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        if (err && code === -1) reject(err);
        else resolve({ stdout, stderr, code });
      },
    );
  });
}
