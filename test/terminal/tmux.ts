import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A real pseudo-terminal for the built CLI: one tmux server per test file,
// one detached session per run, sized before the command starts, kept after
// it ends (remain-on-exit) so that its screen and history can be read.

export interface Screen {
  /** Every line the run left on the terminal (history included), wrapped lines joined, trailing blanks dropped. */
  lines: string[];
  /** The command's exit status. */
  status: number;
}

const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

export class Tmux {
  private readonly dir = mkdtempSync(join(tmpdir(), 'netjournal-pty-'));
  private readonly socket = join(this.dir, 'tmux.sock');
  private runs = 0;

  constructor() {
    // -f /dev/null: no one's tmux.conf; a session that only keeps the server up.
    this.tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'keep', 'sleep 3600');
    this.tmux('set-option', '-g', 'remain-on-exit', 'on');
    this.tmux('set-option', '-g', 'remain-on-exit-format', '');
    this.tmux('set-option', '-g', 'history-limit', '10000');
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-S', this.socket, ...args], { encoding: 'utf8' });
  }

  /**
   * Start a shell command on a terminal columns × rows with exactly env (plus
   * PATH); runs started together run at the same time. Returns its name.
   */
  start(command: string, size: { columns: number; rows: number }, env: NodeJS.ProcessEnv): string {
    const name = `run${++this.runs}`;
    const vars = Object.entries({ PATH: process.env.PATH, ...env })
      .filter((e): e is [string, string] => e[1] !== undefined)
      .map(([k, v]) => `${k}=${q(v)}`)
      .join(' ');
    const script = `exec env -i ${vars} sh -c ${q(command)}`;
    const { columns, rows } = size;
    this.tmux('new-session', '-d', '-s', name, '-x', String(columns), '-y', String(rows), script);
    return name;
  }

  /** Wait for a started run to end, and read what it left on the terminal. */
  screen(name: string): Screen {
    const deadline = Date.now() + 15_000;
    let state: string;
    for (;;) {
      state = this.tmux('display-message', '-p', '-t', name, '#{pane_dead} #{pane_dead_status}');
      if (state.startsWith('1') || Date.now() > deadline) break;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 15);
    }
    const text = this.tmux('capture-pane', '-p', '-J', '-S', '-', '-E', '-', '-t', name);
    this.tmux('kill-session', '-t', name);
    if (!state.startsWith('1')) throw new Error(`${name}: still running after 15 s`);
    const lines = text.split('\n').map((l) => l.trimEnd());
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    return { lines, status: Number(state.split(' ')[1]) };
  }

  /** Run a shell command on a terminal and read its screen once it has ended. */
  run(command: string, size: { columns: number; rows: number }, env: NodeJS.ProcessEnv): Screen {
    return this.screen(this.start(command, size, env));
  }

  close(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // Already gone.
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
