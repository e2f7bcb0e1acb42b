import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, spawnCli } from '../helpers/spawn-cli.js';

// jot on a real pseudo-terminal (tmux owns the pty): it shows what it
// understood, with the contacts' ids and companies, and writes only once
// Enter confirms; "e" puts the sentence on an editable line, and what the
// corrected sentence says is shown and asked again.

const WAIT_MS = 10_000;
const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));
const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

let dir: string;
let socket: string;
let env: NodeJS.ProcessEnv;

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

/** Start `netjournal ARGS` in a 100x30 pane; its exit status lands in dir/rc. */
function start(args: string[]): void {
  const script = join(dir, 'run.sh');
  const rc = q(join(dir, 'rc'));
  writeFileSync(
    script,
    [
      `export NETJOURNAL_DB=${q(env.NETJOURNAL_DB as string)} NETJOURNAL_NOW=2026-11-21`,
      `export HOME=${q(dir)} TERM=xterm-256color NO_COLOR=1`,
      [process.execPath, BIN, ...args].map(q).join(' '),
      `echo $? > ${rc}.tmp && mv ${rc}.tmp ${rc}`,
      '',
    ].join('\n'),
  );
  const conf = join(dir, 'tmux.conf');
  writeFileSync(conf, 'set -g remain-on-exit on\nset -g status off\n');
  tmux(['-f', conf, 'new-session', '-d', '-x', '100', '-y', '30', '-s', 'nj', 'sh', script]);
}

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

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'netjournal-jot-tty-'));
  socket = join(dir, 'tmux.sock');
  env = { NETJOURNAL_DB: join(dir, 'journal.db'), NETJOURNAL_NOW: '2026-11-21' };
  cli(['contact', 'add', 'Ralph Smith', '--company', 'Acme']);
  cli(['contact', 'add', 'Lena Berg']);
});
afterEach(() => {
  spawnSync('tmux', ['-S', socket, 'kill-server'], { stdio: 'ignore', timeout: 5_000 });
  rmSync(dir, { recursive: true, force: true });
});

const SENTENCE = 'lunch with ralph and lena yesterday: she is moving to Berlin +learned runs';

describe('jot on a terminal', () => {
  it('shows what it understood and logs it on Enter', async () => {
    start(['jot', SENTENCE]);
    const shown = await waitFor('Log this meeting? (Enter: yes, e: correct the sentence, n: no)');
    expect(shown).toContain(
      "lunch on 2026-11-20 with Ralph Smith ('#1', Acme), Lena Berg ('#2')\n" +
        'notes: she is moving to Berlin\nlearned: runs\n',
    );
    tmux(['send-keys', '-t', 'nj', 'Enter']);
    expect(await exitCode()).toBe(0);
    expect(await waitFor('Logged lunch')).toContain(
      'Logged lunch with Lena Berg, Ralph Smith on 2026-11-20 (meeting 1).',
    );
    const meetings = JSON.parse(cli(['log', '--json'])) as { contacts: string[]; notes: string }[];
    expect(meetings).toEqual([
      expect.objectContaining({
        contacts: ['Lena Berg', 'Ralph Smith'],
        notes: 'she is moving to Berlin',
      }),
    ]);
  });

  it('writes nothing when the answer is no', async () => {
    const before = readFileSync(env.NETJOURNAL_DB as string);
    start(['jot', SENTENCE]);
    await waitFor('Log this meeting?');
    tmux(['send-keys', '-t', 'nj', '-l', 'n']);
    tmux(['send-keys', '-t', 'nj', 'Enter']);
    expect(await exitCode()).toBe(0);
    await waitFor('Nothing logged.');
    expect(readFileSync(env.NETJOURNAL_DB as string).equals(before)).toBe(true);
    expect(cli(['log', '--json'])).toBe('[]\n');
  });

  it('asks nothing with --yes', async () => {
    start(['jot', SENTENCE, '--yes']);
    expect(await exitCode()).toBe(0);
    const shown = screen();
    expect(shown).not.toContain('Log this meeting?');
    expect(shown).toContain('Logged lunch with Lena Berg, Ralph Smith on 2026-11-20 (meeting 1).');
  });

  it('corrects the sentence in place: the original on the line, the correction read and asked again', async () => {
    start(['jot', 'lunch with ralph yesterday: she is moving']);
    await waitFor('Log this meeting?');
    tmux(['send-keys', '-t', 'nj', '-l', 'e']);
    tmux(['send-keys', '-t', 'nj', 'Enter']);
    // The sentence as typed, ready to edit.
    await waitFor('Sentence: lunch with ralph yesterday: she is moving');
    // Cut ": she is moving" and "yesterday", then write what was meant.
    for (let i = 0; i < ' yesterday: she is moving'.length; i++)
      tmux(['send-keys', '-t', 'nj', 'BSpace']);
    tmux(['send-keys', '-t', 'nj', '-l', ' and lena 2 days ago: she is moving to Berlin']);
    tmux(['send-keys', '-t', 'nj', 'Enter']);
    const shown = await waitFor(
      "lunch on 2026-11-19 with Ralph Smith ('#1', Acme), Lena Berg ('#2')",
    );
    expect(shown).toContain(
      "lunch on 2026-11-19 with Ralph Smith ('#1', Acme), Lena Berg ('#2')\n" +
        'notes: she is moving to Berlin\n',
    );
    expect(cli(['log', '--json'])).toBe('[]\n');
    tmux(['send-keys', '-t', 'nj', 'Enter']);
    expect(await exitCode()).toBe(0);
    await waitFor('Logged lunch with Lena Berg, Ralph Smith on 2026-11-19 (meeting 1).');
    const meetings = JSON.parse(cli(['log', '--json'])) as unknown[];
    expect(meetings).toEqual([
      expect.objectContaining({
        date: '2026-11-19',
        contacts: ['Lena Berg', 'Ralph Smith'],
        notes: 'she is moving to Berlin',
      }),
    ]);
  });

  it('a correction it cannot read says why and is offered again; nothing is written meanwhile', async () => {
    const before = readFileSync(env.NETJOURNAL_DB as string);
    start(['jot', 'coffee with ralph']);
    await waitFor('Log this meeting?');
    tmux(['send-keys', '-t', 'nj', '-l', 'e']);
    tmux(['send-keys', '-t', 'nj', 'Enter']);
    await waitFor('Sentence: coffee with ralph');
    tmux(['send-keys', '-t', 'nj', '-l', ' and Priya']);
    tmux(['send-keys', '-t', 'nj', 'Enter']);
    await waitFor('netjournal: could not place "Priya": no contact has that name');
    await waitFor('Sentence: coffee with ralph and Priya');
    expect(readFileSync(env.NETJOURNAL_DB as string).equals(before)).toBe(true);
    for (let i = 0; i < 'Priya'.length; i++) tmux(['send-keys', '-t', 'nj', 'BSpace']);
    tmux(['send-keys', '-t', 'nj', '-l', '**Priya Raman**']);
    tmux(['send-keys', '-t', 'nj', 'Enter']);
    await waitFor("coffee on 2026-11-21 with Ralph Smith ('#1', Acme), Priya Raman (new contact)");
    tmux(['send-keys', '-t', 'nj', '-l', 'n']);
    tmux(['send-keys', '-t', 'nj', 'Enter']);
    expect(await exitCode()).toBe(0);
    await waitFor('Nothing logged.');
    expect(readFileSync(env.NETJOURNAL_DB as string).equals(before)).toBe(true);
  });
});
