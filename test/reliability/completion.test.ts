import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { BIN } from '../helpers/spawn-cli.js';

// Issue 17.11: completion in the shells people use. bash runs for real: its
// completion function driven through COMP_WORDS, and an interactive bash on a
// tmux terminal pressing Tab. zsh and fish are not installed on the machines
// these tests run on: the function zsh's script calls is the very text of
// bash's, run here by bash, and fish's script is checked line by line.

let j: TempJournal;
let env: NodeJS.ProcessEnv;
const scripts: Record<string, string> = {};

beforeAll(async () => {
  j = tempJournal();
  // `netjournal` on PATH, as the scripts call it for names.
  const bin = join(j.dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'netjournal'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'netjournal'), 0o755);
  env = { ...j.env, PATH: `${bin}:${process.env.PATH}`, LC_ALL: 'C.UTF-8' };
  for (const name of ['Sarah Kim', 'Sarah Lee', 'Zoë Adams', "Omar O'Neil", 'Ralph Smith']) {
    expect((await j.run(['contact', 'add', name])).code).toBe(0);
  }
  for (const shell of ['bash', 'zsh', 'fish']) {
    const result = await j.run(['completion', shell]);
    expect(result.code).toBe(0);
    scripts[shell] = result.stdout;
    writeFileSync(join(j.dir, `completion.${shell}`), result.stdout);
  }
});
afterAll(() => j.remove());

/** What bash's completion function offers for these words (the last one being typed). */
function bashOffers(words: string[]): string[] {
  const result = spawnSync(
    'bash',
    [
      '-c',
      'source "$0"; COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); _netjournal; printf "%s\\n" "${COMPREPLY[@]}"',
      join(j.dir, 'completion.bash'),
      'netjournal',
      ...words,
    ],
    { env, encoding: 'utf8' },
  );
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter((l) => l !== '');
}

const KINDS = [
  'coffee',
  'lunch',
  'call',
  'video',
  'meeting',
  'event',
  'interview',
  'email',
  'message',
  'other',
];

describe('bash', () => {
  it('registers _netjournal for netjournal', () => {
    const result = spawnSync(
      'bash',
      ['-c', 'source "$0"; complete -p netjournal', join(j.dir, 'completion.bash')],
      {
        env,
        encoding: 'utf8',
      },
    );
    expect(result.stdout).toBe('complete -o default -F _netjournal netjournal\n');
  });

  it.each([
    [['add', '--kind', ''], KINDS],
    [
      ['add', '--kind', 'c'],
      ['coffee', 'call'],
    ],
    [
      ['log', '--kind', 'me'],
      ['meeting', 'message'],
    ],
    [['meeting', 'edit', '3', '--kind', 'l'], ['lunch']],
    [
      ['follow-up', 'Ralph', 'send it', '--kind', ''],
      ['action', 'waiting'],
    ],
    [
      ['contacts', '--circle', ''],
      ['inner', 'second', 'third'],
    ],
    [['contact', 'edit', 'Ralph', '--circle', 's'], ['second']],
    [['import', 'f.csv', '--circle', 't'], ['third']],
    [
      ['today', '--format', ''],
      ['table', 'json', 'jsonl', 'csv', 'tsv'],
    ],
    [['intros', '--format', 'd'], ['dot']],
    [
      ['export', '--format', ''],
      ['jsonl', 'json', 'csv', 'vcard', 'ics'],
    ],
    [
      ['export', '--as', ''],
      ['todo', 'event'],
    ],
    [['export', '--what', 'f'], ['follow-ups']],
    [['import', 'f.csv', '--from', 'g'], ['google']],
    [
      ['completion', ''],
      ['bash', 'zsh', 'fish'],
    ],
    [['add', '--date', ''], []],
  ])('%j offers %j', (words, offered) => {
    expect(bashOffers(words)).toEqual(offered);
  });

  it.each([
    // Several names: all of them, escaped, so that bash inserts "Sarah\ ".
    [
      ['prep', 'Sa'],
      ['Sarah\\ Kim', 'Sarah\\ Lee'],
    ],
    // What bash inserted is read back without its backslash.
    [['prep', 'Sarah\\ K'], ['Sarah\\ Kim']],
    [
      ['prep', 'Sarah\\ '],
      ['Sarah\\ Kim', 'Sarah\\ Lee'],
    ],
    // Inside an opened quote: the names as they are (readline closes the quote).
    [
      ['prep', '"Sa'],
      ['Sarah Kim', 'Sarah Lee'],
    ],
    [['prep', "'Sarah L"], ['Sarah Lee']],
    [['prep', '"Om'], ["Omar O'Neil"]],
    // Names match ignoring case and accents, as everywhere.
    [['contact', 'show', 'zoe'], ['Zoë\\ Adams']],
    [
      ['note', 'sa'],
      ['Sarah\\ Kim', 'Sarah\\ Lee'],
    ],
    [['add', '--via', 'Ra'], ['Ralph\\ Smith']],
    [['intros', '--chain', '"Ra'], ['Ralph Smith']],
  ])('%j completes the names %j', (words, offered) => {
    expect(bashOffers(words)).toEqual(offered);
  });

  it.each([
    [['co'], ['contacts', 'contact', 'config', 'completion']],
    [['help', 'to'], ['today']],
    [
      ['contact', ''],
      ['add', 'show', 'edit', 'rm', 'merge'],
    ],
    [['note', 'e'], ['edit']],
    [['add', '--ki'], ['--kind']],
  ])('%j offers the commands and options %j', (words, offered) => {
    expect(bashOffers(words)).toEqual(offered);
  });

  describe('on a terminal, pressing Tab', () => {
    const socket = () => join(j.dir, 'tmux.sock');
    const tmux = (...args: string[]) =>
      execFileSync('tmux', ['-S', socket(), ...args], { encoding: 'utf8', env });
    afterAll(() => {
      try {
        tmux('kill-server');
      } catch {
        // Not started, or gone.
      }
    });

    /** Type keys into an interactive bash with the script loaded; the command line it ends with. */
    function typed(keys: string[][], session: string): string {
      tmux(
        '-f',
        '/dev/null',
        'new-session',
        '-d',
        '-s',
        session,
        '-x',
        '120',
        '-y',
        '10',
        `env -i PATH='${env.PATH}' NETJOURNAL_DB='${j.path}' LC_ALL=C.UTF-8 HOME='${j.dir}' bash --norc --noprofile -i`,
      );
      tmux(
        'send-keys',
        '-t',
        session,
        `PS1='$ '; source ${join(j.dir, 'completion.bash')}; clear`,
        'Enter',
      );
      const promptLines = () =>
        tmux('capture-pane', '-p', '-t', session)
          .split('\n')
          .filter((l) => l.startsWith('$ '));
      // The shell is ready when its new prompt shows (on a busy machine it starts
      // slowly). capture-pane drops trailing spaces: the empty prompt reads "$".
      const ready = () =>
        tmux('capture-pane', '-p', '-t', session)
          .split('\n')
          .some((l) => l === '$');
      for (let i = 0; i < 200 && !ready(); i++)
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      let line = '';
      for (const group of keys) {
        const before = line;
        tmux('send-keys', '-t', session, ...group);
        // Each Tab runs netjournal for the names, slowly on a busy machine: wait
        // until the line has changed (every step here changes it) and settled.
        let last = '';
        let steady = 0;
        for (let i = 0; i < 200 && steady < 4; i++) {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
          const lines = promptLines();
          line = lines[lines.length - 1] ?? '';
          steady = line === last && line !== before && line !== '$ ' ? steady + 1 : 0;
          last = line;
        }
      }
      tmux('kill-session', '-t', session);
      return line;
    }

    it('completes a name with spaces step by step, escaped or in an opened quote', () => {
      // One key a step: a letter and a Tab sent together showed the letter
      // alone long enough (a Tab runs netjournal) to pass for the settled line.
      expect(typed([['-l', 'netjournal prep Sa'], ['Tab'], ['K'], ['Tab']], 'escaped')).toBe(
        '$ netjournal prep Sarah\\ Kim',
      );
      expect(typed([['-l', 'netjournal prep "Sa'], ['Tab'], ['L'], ['Tab']], 'quoted')).toBe(
        '$ netjournal prep "Sarah Lee"',
      );
      expect(typed([['-l', 'netjournal add --kind co'], ['Tab']], 'kind')).toBe(
        '$ netjournal add --kind coffee',
      );
    });
  });
});

describe('zsh', () => {
  it("calls the same candidate function as bash's, which answers the same through bash", () => {
    const shared = (script: string) =>
      script.slice(script.indexOf('_netjournal_match() {'), script.indexOf('\n_netjournal() {'));
    const zsh = scripts.zsh ?? '';
    expect(shared(zsh)).toBe(shared(scripts.bash ?? ''));
    expect(zsh).toContain(
      'candidates=(${(f)"$(_netjournal_candidates $(( CURRENT - 1 )) "${(Q)words[2]}" "${(Q)words[3]}" "${(Q)words[CURRENT-1]}" "${(Q)PREFIX}")"})',
    );
    expect(zsh).toContain('compadd -U -- "${candidates[@]}"\n}\ncompdef _netjournal netjournal\n');
    // zsh hands over the word already unquoted (${(Q)PREFIX}): what bash's
    // wrapper strips, the candidate function never sees.
    const run = (...args: string[]) =>
      spawnSync('bash', ['-c', `${shared(zsh)}\n_netjournal_candidates "$@"`, 'zsh', ...args], {
        env,
        encoding: 'utf8',
      }).stdout;
    expect(run('2', 'prep', 'Sa', 'prep', 'Sa')).toBe('Sarah Kim\nSarah Lee\n');
    expect(run('3', 'add', '--kind', '--kind', 'c')).toBe('coffee\ncall\n');
    expect(run('3', 'export', '--as', '--as', '')).toBe('todo\nevent\n');
  });

  it('parses', () => {
    const result = spawnSync('zsh', ['-n', join(j.dir, 'completion.zsh')], { encoding: 'utf8' });
    expect(result.error).toBeUndefined();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('fish', () => {
  it('offers the values of --kind, --circle, --format, --as and --what, and names for --via', () => {
    const fish = scripts.fish ?? '';
    for (const line of [
      `complete -c netjournal -n '__fish_seen_subcommand_from add' -l kind -x -a '${KINDS.join(' ')}'`,
      "complete -c netjournal -n '__fish_seen_subcommand_from contacts' -l circle -x -a 'inner second third'",
      "complete -c netjournal -n '__fish_seen_subcommand_from export' -l format -x -a 'jsonl json csv vcard ics'",
      "complete -c netjournal -n '__fish_seen_subcommand_from export' -l as -x -a 'todo event'",
      "complete -c netjournal -n '__fish_seen_subcommand_from export' -l what -x -a 'all contacts meetings follow-ups intros notes'",
      "complete -c netjournal -n '__fish_seen_subcommand_from add' -l via -x -a '(netjournal completion --names 2>/dev/null)'",
      "complete -c netjournal -n '__fish_seen_subcommand_from add' -l date -r",
      "complete -c netjournal -n '__fish_seen_subcommand_from prep' -a '(netjournal completion --names 2>/dev/null)'",
    ]) {
      expect(fish.split('\n')).toContain(line);
    }
  });

  it('parses', () => {
    const result = spawnSync('fish', ['--no-execute', join(j.dir, 'completion.fish')], {
      encoding: 'utf8',
    });
    expect(result.error).toBeUndefined();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('completion --names', () => {
  it('matches a prefix as names are matched: ignoring case and accents', async () => {
    expect((await j.run(['completion', '--names', '--prefix', 'zoe'])).stdout).toBe('Zoë Adams\n');
    expect((await j.run(['completion', '--names', '--prefix', 'SARAH '])).stdout).toBe(
      'Sarah Kim\nSarah Lee\n',
    );
    expect((await j.run(['completion', '--names'])).stdout.split('\n')).toHaveLength(6);
  });
});
