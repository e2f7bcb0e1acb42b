import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, spawnCli } from '../helpers/spawn-cli.js';

// Drives the built bin/ in a real pseudo-terminal: tmux owns the pty, we type with send-keys
// and read the screen with capture-pane. CI installs tmux (.ci/run), so this never skips.

const WAIT_MS = 10_000;
const POLL_MS = 40;

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));
const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** One tmux server on its own socket, running one netjournal command in one pane. */
class Terminal {
  readonly socket: string;
  readonly rcFile: string;
  readonly journal: string;
  /** Keys sent so far: each character typed, each key pressed. */
  keys = 0;

  constructor(readonly dir: string) {
    // A socket inside the test's temp dir: unique per test, so parallel runs never collide.
    this.socket = join(dir, 'tmux.sock');
    this.rcFile = join(dir, 'rc');
    this.journal = join(dir, 'journal.db');
  }

  private tmux(args: string[]): string {
    const result = spawnSync('tmux', ['-u', '-S', this.socket, ...args], {
      encoding: 'utf8',
      // The server's environment becomes the pane's: keep it small and deterministic.
      env: { PATH: process.env.PATH, HOME: this.dir, LANG: 'C.UTF-8', TERM: 'xterm-256color' },
      timeout: 5_000,
    });
    if (result.error) throw result.error;
    if (result.status !== 0) throw new Error(`tmux ${args[0]} failed: ${result.stderr}`);
    return result.stdout;
  }

  /** Start `netjournal ARGS` in a 120x40 pane; its exit status lands in rcFile. */
  start(args: string[]): void {
    const script = join(this.dir, 'run.sh');
    writeFileSync(
      script,
      [
        `export NETJOURNAL_DB=${shellQuote(this.journal)} NETJOURNAL_NOW=2026-11-21`,
        `export HOME=${shellQuote(this.dir)} TERM=xterm-256color`,
        'unset NODE_EXTRA_CA_CERTS',
        [process.execPath, BIN, ...args].map(shellQuote).join(' '),
        // Written then renamed, so a poller never reads a half-written file.
        `echo $? > ${shellQuote(this.rcFile)}.tmp && mv ${shellQuote(this.rcFile)}.tmp ${shellQuote(this.rcFile)}`,
        '',
      ].join('\n'),
    );
    // remain-on-exit keeps the last screen readable after the command ends.
    const conf = join(this.dir, 'tmux.conf');
    writeFileSync(conf, 'set -g remain-on-exit on\nset -g status off\n');
    this.tmux(['-f', conf, 'new-session', '-d', '-x', '120', '-y', '40', '-s', 'nj', 'sh', script]);
  }

  /** The whole pane, scrollback included, without colours. */
  screen(): string {
    return this.tmux(['capture-pane', '-p', '-J', '-S', '-', '-t', 'nj']);
  }

  /** Wait until `times` lines of the screen contain text (a repeated prompt is a new line). */
  async waitFor(text: string, times = 1): Promise<void> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const screen = this.screen();
      if (screen.split('\n').filter((line) => line.includes(text)).length >= times) return;
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${times}× "${text}"; screen:\n${screen}`);
      }
      await sleep(POLL_MS);
    }
  }

  /** Wait for the command to end; its exit status. */
  async exitCode(): Promise<number> {
    const deadline = Date.now() + WAIT_MS;
    while (!existsSync(this.rcFile)) {
      if (Date.now() > deadline) throw new Error(`command did not exit; screen:\n${this.screen()}`);
      await sleep(POLL_MS);
    }
    return Number(readFileSync(this.rcFile, 'utf8').trim());
  }

  /** Type text literally. */
  type(text: string): void {
    this.keys += [...text].length;
    this.tmux(['send-keys', '-t', 'nj', '-l', text]);
  }

  /** Press keys by tmux name: Enter, C-c, Down… */
  press(...keys: string[]): void {
    this.keys += keys.length;
    this.tmux(['send-keys', '-t', 'nj', ...keys]);
  }

  /** Answer a prompt once it is on screen (the `times`-th time): type, then Enter. */
  async answer(prompt: string, text = '', times = 1): Promise<void> {
    await this.waitFor(prompt, times);
    if (text !== '') this.type(text);
    this.press('Enter');
  }

  kill(): void {
    spawnSync('tmux', ['-S', this.socket, 'kill-server'], { stdio: 'ignore', timeout: 5_000 });
  }
}

let term: Terminal;
beforeEach(() => {
  term = new Terminal(mkdtempSync(join(tmpdir(), 'netjournal-tty-')));
});
afterEach(() => {
  term.kill();
  rmSync(term.dir, { recursive: true, force: true });
});

/** Type into a contact search and pick the first choice once `shown` is on screen. */
async function search(prompt: string, typed: string, shown: string): Promise<void> {
  await term.waitFor(prompt);
  if (typed !== '') term.type(typed);
  // Enter only once the search has shown its choices for the text; earlier it selects nothing.
  await term.waitFor(shown);
  term.press('Enter');
}

/** Pick "Ralph Smith" as a new contact (no company or circle) and say nobody else was there. */
async function meetRalph(): Promise<void> {
  await search('Who did you meet?', 'Ralph Smith', 'new contact: Ralph Smith');
  await term.answer("Ralph Smith's company");
  await term.answer("Ralph Smith's circle");
  await term.answer('Anyone else?');
}

const NOW = '2026-11-21';

/** Run the built CLI, piped, on a journal: to seed one, or to log the flag form of a session. */
function cli(journal: string, args: string[]): string {
  const result = spawnCli(args, { NETJOURNAL_DB: journal, NETJOURNAL_NOW: NOW, HOME: term.dir });
  if (result.code !== 0) throw new Error(`netjournal ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** Two contacts, the same in every journal of a test. */
function seed(journal: string): void {
  cli(journal, ['contact', 'add', 'Joe Park', '--company', 'Globex']);
  cli(journal, ['contact', 'add', 'Chris Wong']);
}

/** Everything a journal holds (export --format json), without the random stable ids. */
function dump(journal: string): unknown {
  return JSON.parse(cli(journal, ['export', '--format', 'json']), (key, value: unknown) =>
    key === 'uid' ? undefined : value,
  );
}

describe('netjournal add on a real terminal', () => {
  it('logs a coffee with a new person through the prompts', { timeout: 30_000 }, async () => {
    term.start(['add']);
    await meetRalph();
    await term.answer('Kind of meeting');
    await term.answer('When was it?');
    await term.answer('Notes (Enter to skip)', 'talked about trail running');
    await term.answer('Something you learned about Ralph Smith', 'runs marathons');
    await term.answer('Something you learned about Ralph Smith', '', 2);
    await term.waitFor('— nobody (skip)');
    term.press('Enter');
    await term.answer('A follow-up you plan', 'send the deck');
    await term.answer('Due when? (send the deck)');
    await term.answer('A follow-up you plan', '', 2);
    await term.answer('Did they offer anything?');
    await term.answer('Did you give anything?');
    await term.answer('Did you reach out first?');
    await term.answer('thank-you note?');
    await term.waitFor('Meeting to log:');
    await term.answer('Log this meeting?');

    expect(await term.exitCode()).toBe(0);
    expect(term.screen()).toContain('  follow-ups send the deck (due 2026-11-28)');

    const db = new Database(term.journal, { readonly: true, fileMustExist: true });
    try {
      const meetings = db.prepare('SELECT id, date, kind, notes FROM meetings').all();
      expect(meetings).toEqual([
        { id: 1, date: '2026-11-21', kind: 'coffee', notes: 'talked about trail running' },
      ]);
      const people = db
        .prepare(
          'SELECT c.name FROM meeting_contacts mc JOIN contacts c ON c.id = mc.contact_id WHERE mc.meeting_id = 1',
        )
        .all();
      expect(people).toEqual([{ name: 'Ralph Smith' }]);
      const followUps = db
        .prepare(
          `SELECT f.kind, f.due, c.name FROM follow_ups f JOIN contacts c ON c.id = f.contact_id
           WHERE f.meeting_id = 1 AND f.status = 'open' ORDER BY f.kind`,
        )
        .all();
      expect(followUps).toEqual([
        { kind: 'action', due: '2026-11-28', name: 'Ralph Smith' },
        { kind: 'thank_you', due: '2026-11-22', name: 'Ralph Smith' },
      ]);
      expect(db.prepare('SELECT text FROM notes').all()).toEqual([{ text: 'runs marathons' }]);
    } finally {
      db.close();
    }
  });

  it(
    'logs a simple coffee with an existing contact in 16 keys, as `add Joe` would',
    { timeout: 30_000 },
    async () => {
      seed(term.journal);
      const started = Date.now();
      term.start(['add']);
      await search('Who did you meet?', 'Joe', 'new contact: Joe');
      // Every other question is skipped with Enter.
      for (const prompt of [
        'Anyone else?',
        'Kind of meeting',
        'When was it?',
        'Notes (Enter to skip)',
        'Something you learned about Joe Park',
      ])
        await term.answer(prompt);
      await search('Who introduced you?', '', '— nobody (skip)');
      for (const prompt of [
        'A follow-up you plan',
        'Did they offer anything?',
        'Did you give anything?',
        'Did you reach out first?',
        'thank-you note?',
        'Log this meeting?',
      ])
        await term.answer(prompt);
      expect(await term.exitCode()).toBe(0);
      const seconds = (Date.now() - started) / 1000;
      // "Joe", then Enter for each of the 13 questions: the whole coffee is 16 keys.
      expect(term.keys).toBeLessThanOrEqual(16);
      console.log(`simple coffee: ${term.keys} keys, ${seconds.toFixed(1)} s driven by the test`);
      expect(term.screen()).toContain('Logged coffee with Joe Park on 2026-11-21 (meeting 1).');

      const flags = join(term.dir, 'flags.db');
      seed(flags);
      cli(flags, ['add', 'Joe Park']);
      expect(dump(term.journal)).toEqual(dump(flags));
    },
  );

  it(
    'records a session answering every question exactly as the same flags do',
    { timeout: 60_000 },
    async () => {
      seed(term.journal);
      term.start(['add']);
      await search('Who did you meet?', 'Joe', 'new contact: Joe');
      await term.answer('Anyone else?', 'y');
      await search('Who else?', 'Ralph Smith', 'new contact: Ralph Smith');
      await term.answer("Ralph Smith's company", 'Initech');
      await term.waitFor("Ralph Smith's circle");
      term.press('Down', 'Down', 'Enter');
      await term.answer('Anyone else?', '', 2);
      await term.waitFor('Kind of meeting');
      term.press('Down', 'Enter');
      await term.answer('When was it?', 'yesterday');
      await term.answer('Notes (Enter to skip)', 'talked about trail running');
      await term.answer('Something you learned about Joe Park', 'runs marathons');
      await term.answer('Something you learned about Joe Park', '', 2);
      // A new introducer one letter off an existing contact: yes picks the contact.
      await search('Who introduced you?', 'Chirs Wong', 'new contact: Chirs Wong');
      await term.answer('Did you mean Chris Wong (#2)?');
      await term.answer('A follow-up you plan', 'send the deck');
      await term.answer('Due when? (send the deck)', 'friday');
      await term.answer('A follow-up you plan', '', 2);
      await term.answer('Did they offer anything?', 'intro to his manager');
      await term.answer('Anything else they offered?');
      await term.answer('Did you give anything?', 'the UX article');
      await term.answer('Anything else you gave?');
      await term.answer('Did you reach out first?', 'y');
      await term.answer('if there is no reply, when?', '5d');
      await term.answer('thank-you note?', 'n');
      await term.waitFor('Meeting to log:');
      await term.answer('Log this meeting?');
      expect(await term.exitCode()).toBe(0);
      const screen = term.screen();
      expect(screen).toContain('  who        Joe Park, Ralph Smith (new: Initech, second circle)');
      expect(screen).toContain('  via        Chris Wong');
      expect(screen).toContain('  outreach   yes (nudge 2026-11-26)');

      const flags = join(term.dir, 'flags.db');
      seed(flags);
      cli(flags, [
        'add',
        'Joe Park',
        'Ralph Smith',
        '--company',
        'Initech',
        '--circle',
        'second',
        '--kind',
        'lunch',
        '--date',
        'yesterday',
        '--notes',
        'talked about trail running',
        '--learned',
        'runs marathons',
        '--via',
        'Chris Wong',
        '--follow-up',
        'send the deck',
        '--due',
        'friday',
        '--offered',
        'intro to his manager',
        '--gave',
        'the UX article',
        '--outreach',
        '--nudge',
        '5d',
        '--no-thank-you',
      ]);
      const recorded = dump(term.journal);
      expect(recorded).toEqual(dump(flags));
      // Not two empty journals: the session wrote what it was told.
      expect(recorded).toMatchObject({
        contacts: [
          { name: 'Joe Park', company: 'Globex', circle: null },
          { name: 'Chris Wong' },
          { name: 'Ralph Smith', company: 'Initech', circle: 'second' },
        ],
        meetings: [{ date: '2026-11-20', kind: 'lunch', contactIds: [1, 3], outreach: true }],
        gifts: [{ text: 'the UX article' }],
        notes: [{ text: 'runs marathons' }],
      });
    },
  );

  it('exits 130 and writes nothing on Ctrl-C', { timeout: 30_000 }, async () => {
    term.start(['add']);
    await meetRalph();
    await term.waitFor('Kind of meeting');
    term.press('C-c');

    expect(await term.exitCode()).toBe(130);
    expect(term.screen()).toContain('netjournal: interrupted — nothing was written');
    expect(existsSync(term.journal)).toBe(false);
  });
});
