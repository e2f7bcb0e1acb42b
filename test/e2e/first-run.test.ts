import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { BIN, spawnCli } from '../helpers/spawn-cli.js';

let j: TempJournal;
beforeEach(() => {
  j = tempJournal();
});
afterEach(() => j.remove());

describe('netjournal demo', () => {
  it('builds a demo journal in a new temp file, shows today and a chain, touches nothing of the user', () => {
    const home = join(j.dir, 'home');
    mkdirSync(home);
    const r = spawnCli(['demo', '--now', '2026-11-21'], { HOME: home, TMPDIR: j.dir });
    expect(r.code, r.stderr).toBe(0);
    const path = /It lives at (\S+) /.exec(r.stdout)?.[1] ?? '';
    expect(path.startsWith(j.dir)).toBe(true);
    expect(existsSync(path)).toBe(true);
    expect(readdirSync(home)).toEqual([]);
    expect(r.stdout).toContain('Thank-you notes to send');
    expect(r.stdout).toContain('Tell your introducers how it went');
    expect(r.stdout).toContain('Offers to check on');
    expect(r.stdout).toContain('Mom');
    expect(r.stdout).toContain('Time to reconnect');
    expect(r.stdout).toContain('Coach Rivera → Priya Shah → Marcus Chen');
    // The demo journal is a real journal: its report has every kind of item.
    const today = JSON.parse(
      spawnCli(['today', '--json', '--now', '2026-11-21'], { NETJOURNAL_DB: path }).stdout,
    ) as {
      items: { section: string }[];
    };
    expect([...new Set(today.items.map((i) => i.section))]).toEqual([
      'overdue',
      'thank_you',
      'report_back',
      'waiting',
      'birthday',
      'reconnect',
      'upcoming',
    ]);
  });

  it('refuses to write over an existing file', () => {
    writeFileSync(j.path, 'mine');
    const r = spawnCli(['demo', '--db', j.path], j.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `netjournal: ${j.path} already exists — the demo writes a new journal: give a path that does not exist\n`,
    );
  });
});

describe('netjournal completion bash', () => {
  function complete(line: string): string[] {
    // A `netjournal` on PATH that runs the built CLI, as an installed one would.
    const binDir = join(j.dir, 'bin');
    mkdirSync(binDir, { recursive: true });
    const shim = join(binDir, 'netjournal');
    writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(shim, 0o755);
    const words = line.split(' ');
    const script = [
      'source <(netjournal completion bash)',
      `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')})`,
      `COMP_CWORD=${words.length - 1}`,
      '_netjournal',
      'printf "%s\\n" "${COMPREPLY[@]}"',
    ].join('\n');
    const r = spawnSync('bash', ['-c', script], {
      env: { PATH: `${binDir}:${process.env.PATH}`, ...j.env },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').filter(Boolean);
  }

  beforeEach(() => {
    spawnCli(['contact', 'add', 'Ralph Smith'], j.env);
    spawnCli(['contact', 'add', 'Rachel Ng'], j.env);
    spawnCli(['contact', 'add', 'Lena Berg'], j.env);
  });

  it('completes commands, subcommands, options and contact names', () => {
    expect(complete('netjournal to')).toEqual(['today']);
    expect(complete('netjournal contact s')).toEqual(['show']);
    expect(complete('netjournal add --ki')).toEqual(['--kind']);
    expect(complete('netjournal add ra')).toEqual(['Rachel\\ Ng', 'Ralph\\ Smith']);
    expect(complete('netjournal contact show L')).toEqual(['Lena\\ Berg']);
    expect(complete('netjournal today ')).toEqual([]);
  });

  it('completes the subcommands of note, intro and follow-up, and the names their default takes', () => {
    expect(complete('netjournal re')).toEqual(['reopen', 'reach', 'restore']);
    expect(complete('netjournal note e')).toEqual(['edit']);
    expect(complete('netjournal note r')).toEqual(['rm', 'Rachel\\ Ng', 'Ralph\\ Smith']);
    expect(complete('netjournal note Lena --d')).toEqual(['--date', '--db']);
    expect(complete('netjournal note edit --d')).toEqual(['--date', '--db']);
    expect(complete('netjournal note edit 3 ')).toEqual([]);
    expect(complete('netjournal intro re')).toEqual(['reported']);
    expect(complete('netjournal intro edit 3 --p')).toEqual(['--person']);
    expect(complete('netjournal follow-up L')).toEqual(['Lena\\ Berg']);
    expect(complete('netjournal gift ')).toEqual(['edit', 'rm']);
    expect(complete('netjournal notes L')).toEqual(['Lena\\ Berg']);
    const fish = spawnCli(['completion', 'fish'], j.env).stdout;
    expect(fish).toContain(
      "complete -c netjournal -n '__fish_seen_subcommand_from note; and not __fish_seen_subcommand_from edit rm' -l date",
    );
  });

  it('prints zsh and fish scripts too, and rejects other shells', () => {
    expect(spawnCli(['completion', 'zsh'], j.env).stdout).toContain(
      'compdef _netjournal netjournal',
    );
    expect(spawnCli(['completion', 'fish'], j.env).stdout).toContain(
      "complete -c netjournal -n '__fish_use_subcommand'",
    );
    expect(spawnCli(['completion', 'tcsh'], j.env)).toEqual({
      stdout: '',
      stderr: 'netjournal: unknown shell "tcsh" — use netjournal completion bash, zsh or fish\n',
      code: 2,
    });
  });
});

describe('bare netjournal', () => {
  it("shows today's summary on a terminal and the help when piped", async () => {
    await j.run(['add', 'Ralph Smith']);
    const tty = await j.run([], { tty: true, env: { NO_COLOR: '1' }, now: '2026-11-22' });
    expect(tty).toEqual({
      // Wrapped at a space to the terminal's 80 columns.
      stdout:
        '1 thing today: 1 thank-you note.\n' +
        "See it all with 'netjournal today'; commands with 'netjournal --help'; try\n'netjournal demo'.\n",
      stderr: '',
      code: 0,
    });
    const piped = await j.run([]);
    expect(piped.code).toBe(0);
    expect(piped.stdout.startsWith('Usage: netjournal [options] [command]')).toBe(true);
  });
});
