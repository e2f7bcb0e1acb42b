import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, spawnCli } from '../helpers/spawn-cli.js';

// draft on a real pseudo-terminal (tmux owns the pty): the draft opens in
// $VISUAL/$EDITOR (here a shell script that keeps what it was given and adds
// a line), then "Sent?" — yes marks the follow-up done, and undo reopens it.

const WAIT_MS = 10_000;
const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));
const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

let dir: string;
let socket: string;
let env: NodeJS.ProcessEnv;
let editor: string;

function tmux(args: string[]): string {
  const result = spawnSync('tmux', ['-u', '-S', socket, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: dir, LANG: 'C.UTF-8', TERM: 'xterm-256color' },
    timeout: 5_000,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`tmux ${args[0]} failed: ${result.stderr}`);
  return result.stdout;
}

/** Start `netjournal ARGS` in a 100x40 pane with these variables; its exit status lands in dir/rc. */
function start(args: string[], vars: Record<string, string>): void {
  const script = join(dir, 'run.sh');
  const rc = q(join(dir, 'rc'));
  writeFileSync(
    script,
    [
      `export NETJOURNAL_DB=${q(env.NETJOURNAL_DB as string)} NETJOURNAL_NOW=2026-11-21`,
      `export HOME=${q(dir)} TERM=xterm-256color NO_COLOR=1 TMPDIR=${q(join(dir, 'tmp'))}`,
      'unset VISUAL EDITOR',
      ...Object.entries(vars).map(([k, v]) => `export ${k}=${q(v)}`),
      [process.execPath, BIN, ...args].map(q).join(' '),
      `echo $? > ${rc}.tmp && mv ${rc}.tmp ${rc}`,
      '',
    ].join('\n'),
  );
  const conf = join(dir, 'tmux.conf');
  writeFileSync(conf, 'set -g remain-on-exit on\nset -g status off\n');
  tmux(['-f', conf, 'new-session', '-d', '-x', '100', '-y', '40', '-s', 'nj', 'sh', script]);
}

const flat = (text: string): string => text.replace(/\s+/g, ' ');

function screen(): string {
  return tmux(['capture-pane', '-p', '-J', '-S', '-', '-t', 'nj']);
}

async function waitFor(text: string): Promise<string> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const shown = screen();
    if (shown.includes(text)) return shown;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for "${text}"; screen:\n${shown}`);
    await sleep(40);
  }
}

async function exitCode(): Promise<number> {
  const rc = join(dir, 'rc');
  const deadline = Date.now() + WAIT_MS;
  while (!existsSync(rc)) {
    if (Date.now() > deadline) throw new Error(`command did not exit; screen:\n${screen()}`);
    await sleep(40);
  }
  return Number(readFileSync(rc, 'utf8').trim());
}

function cli(args: string[]): string {
  const result = spawnCli(args, env);
  if (result.code !== 0) throw new Error(result.stderr);
  return result.stdout;
}

const statusOf = (id: number): string | undefined =>
  (JSON.parse(cli(['follow-ups', '--all', '--json'])) as { id: number; status: string }[]).find(
    (f) => f.id === id,
  )?.status;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'netjournal-draft-tty-'));
  mkdirSync(join(dir, 'tmp'));
  socket = join(dir, 'tmux.sock');
  env = { NETJOURNAL_DB: join(dir, 'journal.db'), NETJOURNAL_NOW: '2026-11-21' };
  // The fake editor keeps the file it was given and adds a line to it.
  editor = join(dir, 'fake editor.sh');
  writeFileSync(
    editor,
    `#!/bin/sh\ncp "$1" ${q(join(dir, 'given.txt'))}\nprintf 'P.S. See you soon!\\n' >> "$1"\ncp "$1" ${q(join(dir, 'edited.txt'))}\n`,
  );
  chmodSync(editor, 0o755);
  cli(['add', 'Ralph Smith', '--date', 'yesterday', '--learned', 'his sailing trip']);
  cli(['config', 'set', 'me.name', 'Sam Lee']);
});
afterEach(() => {
  spawnSync('tmux', ['-S', socket, 'kill-server'], { stdio: 'ignore', timeout: 5_000 });
  rmSync(dir, { recursive: true, force: true });
});

describe('draft on a terminal', () => {
  it('opens the draft in $EDITOR, and "Sent?" yes marks it done; undo reopens it', async () => {
    const piped = cli(['draft', '1']);
    start(['draft', '1'], { EDITOR: q(editor) });
    await waitFor('Sent?');
    // The editor was given the draft as piped, and could change it.
    expect(readFileSync(join(dir, 'given.txt'), 'utf8')).toBe(piped);
    expect(readFileSync(join(dir, 'edited.txt'), 'utf8')).toBe(`${piped}P.S. See you soon!\n`);
    expect(statusOf(1)).toBe('open');
    tmux(['send-keys', '-t', 'nj', '-l', 'y']);
    tmux(['send-keys', '-t', 'nj', 'Enter']);
    expect(await exitCode()).toBe(0);
    expect(await waitFor('done.')).toContain(
      'Follow-up 1 (Ralph Smith: Thank Ralph Smith for the coffee) done.',
    );
    expect(statusOf(1)).toBe('done');
    // The draft's file is gone: it was private, and only for the editor.
    expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
    cli(['undo']);
    expect(statusOf(1)).toBe('open');
  });

  it('leaves the follow-up open when the answer is no (the default)', async () => {
    const before = readFileSync(env.NETJOURNAL_DB as string);
    start(['draft', '1'], { VISUAL: q(editor), EDITOR: 'false' });
    await waitFor('Sent?');
    expect(existsSync(join(dir, 'edited.txt'))).toBe(true); // $VISUAL comes first
    tmux(['send-keys', '-t', 'nj', 'Enter']);
    expect(await exitCode()).toBe(0);
    expect(statusOf(1)).toBe('open');
    expect(readFileSync(env.NETJOURNAL_DB as string).equals(before)).toBe(true);
  });

  it('shows the draft when no editor is set, then asks', async () => {
    start(['draft', '1'], {});
    const shown = await waitFor('Sent?');
    expect(shown).toContain('Thank you for the coffee\n\nHi Ralph,\n');
    // Wrapped to the terminal's width, as every page is.
    expect(flat(shown)).toContain('I especially enjoyed hearing about his sailing trip.');
    tmux(['send-keys', '-t', 'nj', '-l', 'y']);
    tmux(['send-keys', '-t', 'nj', 'Enter']);
    expect(await exitCode()).toBe(0);
    expect(statusOf(1)).toBe('done');
  });

  it('marks it done without asking with --done', async () => {
    start(['draft', '1', '--done'], { EDITOR: q(editor) });
    expect(await exitCode()).toBe(0);
    expect(screen()).not.toContain('Sent?');
    expect(statusOf(1)).toBe('done');
  });

  it('marks nothing done when the editor fails', async () => {
    const before = readFileSync(env.NETJOURNAL_DB as string);
    start(['draft', '1'], { EDITOR: 'false' });
    expect(await exitCode()).toBe(2);
    expect(flat(screen())).toContain(
      'netjournal: the editor "false" ended with status 1 — check $VISUAL and $EDITOR; nothing was marked done',
    );
    expect(readFileSync(env.NETJOURNAL_DB as string).equals(before)).toBe(true);
    expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
  });
});
