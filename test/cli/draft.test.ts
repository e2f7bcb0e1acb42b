import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Draft } from '../../src/domain/drafts.js';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { journalState } from '../helpers/state.js';

// `draft` on a journal built through the CLI: what each item drafts, that a
// piped draft changes nothing, --json, --done (undone by undo), and refusals.

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

/**
 * Lena (#1) introduced Ralph (#3); coffee with Ralph yesterday, two things
 * learned, a promise and an offer. Follow-ups: 1 thank-you to Ralph,
 * 2 report-back to Lena, 3 the promise, 4 the offer (an intro to Kim Ode, #2).
 */
async function richJournal(): Promise<void> {
  await ok(['contact', 'add', 'Lena Berg', '--email', 'lena@example.org']);
  await ok(['contact', 'add', 'Kim Ode', '--company', 'Globex']);
  await ok(['contact', 'add', 'Ralph Smith', '--email', 'ralph@example.com']);
  await ok(['intro', 'Lena Berg', 'Ralph Smith', '--date', '2026-11-01']);
  await ok([
    'add',
    'Ralph Smith',
    '--date',
    'yesterday',
    '--learned',
    'his sailing trip to Norway',
    '--follow-up',
    'Send my portfolio',
    '--offered',
    'an intro to Kim Ode',
  ]);
  await ok(['config', 'set', 'me.name', 'Sam Lee']);
}

describe('draft, piped', () => {
  it('prints the thank-you (subject, blank line, body) and changes nothing', async () => {
    await richJournal();
    const before = readFileSync(j.path);
    const state = await journalState(j);
    const result = await j.run(['draft', '1']);
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: `Thank you for the coffee

Hi Ralph,

Thank you for the coffee on 20 November — I really enjoyed it. I especially enjoyed hearing about his sailing trip to Norway.

As promised, I'll send my portfolio. And thank you for your kind offer (an intro to Kim Ode) — no rush at all.

Best,
Sam
`,
    });
    expect(readFileSync(j.path).equals(before)).toBe(true);
    expect(await journalState(j)).toBe(state);
  });

  it('drafts the report-back to the introducer, with the next step and nothing learned', async () => {
    await richJournal();
    expect(await ok(['draft', '2'])).toBe(`Thanks for introducing me to Ralph

Hi Lena,

Thank you again for introducing me to Ralph Smith. We met for coffee on 20 November, and it went really well. As a next step, I'll send my portfolio.

I'll keep you posted — thanks for thinking of me.

Best,
Sam
`);
  });

  it('drafts the offer as a no-pressure note with a blurb addressed to the contact named in it', async () => {
    await richJournal();
    const out = await ok(['draft', '4']);
    expect(out).toContain('A blurb for Kim, if it helps\n\nHi Ralph,\n');
    expect(out).toContain(
      "---\nHi Kim,\n\nRalph Smith suggested we get in touch. I'm Sam Lee. I'd love to hear about your work at Globex.",
    );
  });

  it('drafts a reconnect (r3) and a birthday (b3) from the last meeting and the last thing learned', async () => {
    await richJournal();
    const reconnect = await ok(['draft', 'r3']);
    expect(reconnect).toContain(
      'I was thinking back to when we met for coffee on 20 November. Last time you told me about his sailing trip to Norway',
    );
    expect(await ok(['draft', 'B3'])).toMatch(/^Happy birthday!\n\nHi Ralph,\n/);
  });

  it('drafts a double opt-in introduction for an introduction the user made', async () => {
    await richJournal();
    await ok(['intro', 'me', 'Ralph Smith', '--to', 'Kim Ode', '--note', 'both sail']);
    const record = JSON.parse(await ok(['draft', 'intro', '2', '--json'])) as Record<
      string,
      unknown
    >;
    expect(record).toEqual({
      to: 'Ralph Smith, Kim Ode',
      email: 'ralph@example.com',
      subject: 'Introduction: Ralph Smith and Kim Ode',
      body: `Hi Ralph and Kim,

As promised, I'm introducing you to each other — thank you both for saying yes. I thought of you both because of this: both sail.

Ralph, meet Kim Ode (at Globex). Kim, meet Ralph Smith.

I'll let you take it from here.

Best,
Sam`,
      followUpId: null,
    });
  });
});

describe('draft --json and --done', () => {
  it('--json is {to, email, subject, body, followUpId}', async () => {
    await richJournal();
    const record = JSON.parse(await ok(['draft', '2', '--json'])) as Record<string, unknown>;
    expect(Object.keys(record)).toEqual(['to', 'email', 'subject', 'body', 'followUpId']);
    expect(record).toMatchObject({
      to: 'Lena Berg',
      email: 'lena@example.org',
      subject: 'Thanks for introducing me to Ralph',
      followUpId: 2,
    });
  });

  it('--done marks the follow-up done through done (the introduction reported back); undo reopens it', async () => {
    await richJournal();
    const result = await j.run(['draft', '2', '--done']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Thanks for introducing me to Ralph\n\nHi Lena,/);
    expect(result.stderr).toBe(
      'Follow-up 2 (Lena Berg: Tell Lena Berg how it went with Ralph Smith) done.\n',
    );
    const status = async () =>
      (JSON.parse(await ok(['follow-ups', '--all', '--json'])) as { id: number; status: string }[])
        .filter((f) => f.id === 2)
        .map((f) => f.status);
    const reported = async () =>
      (JSON.parse(await ok(['intros', '--json'])) as { introductions: { reportedBack: boolean }[] })
        .introductions[0]?.reportedBack;
    expect(await status()).toEqual(['done']);
    expect(await reported()).toBe(true);
    await ok(['undo']);
    expect(await status()).toEqual(['open']);
    expect(await reported()).toBe(false);
  });
});

describe('draft --mailto', () => {
  it('round-trips hostile names through a URL parser to the draft --json prints', async () => {
    const name = 'Ann & Bob? #1 100% 😀';
    await ok(['contact', 'add', name, '--email', 'ann+bob@example.com']);
    await ok(['add', '#1', '--learned', 'a=1&b=2 #tag\nsecond line', '--date', 'yesterday']);
    const url = (await ok(['draft', '1', '--mailto'])).trimEnd();
    const record = JSON.parse(await ok(['draft', '1', '--json'])) as Draft;
    expect(url).not.toMatch(/[\s#]/);
    const parsed = new URL(url);
    expect(decodeURIComponent(parsed.pathname)).toBe('ann+bob@example.com');
    expect([...parsed.searchParams.keys()]).toEqual(['subject', 'body']);
    expect(parsed.searchParams.get('subject')).toBe(record.subject);
    expect(parsed.searchParams.get('body')?.replace(/\r\n/g, '\n')).toBe(record.body);
    expect(record.body).toContain('Hi Ann,');
    expect(record.body).toContain('a=1&b=2 #tag\nsecond line');
  });
});

describe("draft with the user's templates", () => {
  const templates = () => join(j.dir, 'config', 'netjournal', 'templates');
  const withConfig = (args: string[]) =>
    j.run(args, { env: { XDG_CONFIG_HOME: join(j.dir, 'config') } });

  it('fills $XDG_CONFIG_HOME/netjournal/templates/<kind>.txt, leaving out lines with unknown values', async () => {
    await richJournal();
    mkdirSync(templates(), { recursive: true });
    writeFileSync(
      join(templates(), 'thank-you.txt'),
      'Thanks for the {{meeting.kind}}!\n\nHey {{first}} —\n{{learned}} sounds great.\nSay hi to {{introducer.first}}.\nI owe you {{promised}}.\n\n{{me.first}}\n',
    );
    expect(await withConfig(['draft', '1'])).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'Thanks for the coffee!\n\nHey Ralph —\nhis sailing trip to Norway sounds great.\nSay hi to Lena.\nI owe you send my portfolio.\n\nSam\n',
    });
    // Another kind without a file of its own is still the built-in note.
    expect((await withConfig(['draft', '2'])).stdout).toMatch(
      /^Thanks for introducing me to Ralph\n/,
    );
  });

  it('refuses an unknown placeholder with exit 2 naming it and file:line, writing nothing', async () => {
    await richJournal();
    mkdirSync(templates(), { recursive: true });
    const file = join(templates(), 'report-back.txt');
    writeFileSync(file, 'Subject\n\nHi {{first}},\nabout {{person.first}}\n');
    const before = readFileSync(j.path);
    const result = await withConfig(['draft', '2', '--done']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `netjournal: unknown placeholder {{person.first}} in ${file}:4 — use {{first}}, {{name}}, {{meeting.kind}}, {{meeting.date}}, {{learned}}, {{promised}}, {{offered}}, {{introducer.first}}, {{me.first}}\n`,
    });
    expect(readFileSync(j.path).equals(before)).toBe(true);
  });

  it.each([
    ['a folder', (file: string) => mkdirSync(file)],
    ['a FIFO (not waited on)', (file: string) => execFileSync('mkfifo', [file])],
    ['not UTF-8', (file: string) => writeFileSync(file, Buffer.from([0x48, 0xff, 0xfe, 0x0a]))],
  ])('refuses a template that is %s with exit 2', async (_, make) => {
    await richJournal();
    mkdirSync(templates(), { recursive: true });
    const file = join(templates(), 'thank-you.txt');
    make(file);
    const result = await withConfig(['draft', '1']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^netjournal: the template ${file} is .+ — .+\n$`));
  });
});

describe('draft and control characters', () => {
  it('escapes them on a terminal and keeps them in a pipe', async () => {
    await ok(['add', 'Eve\u001b]0;owned\u0007 Smith', '--kind', 'call']);
    const onTerminal = await j.run(['draft', '1', '--no-input'], { tty: true });
    expect(onTerminal.code).toBe(0);
    expect(onTerminal.stdout).not.toContain('\u001b');
    expect(onTerminal.stdout).toContain('Hi Eve\\x1b]0;owned\\x07,');
    expect(await ok(['draft', '1'])).toContain('Hi Eve\u001b]0;owned\u0007,');
  });
});

describe('me.name, the name drafts are signed with', () => {
  it('is kept on one line, and an empty one is refused', async () => {
    await ok(['config', 'set', 'me.name', '  Sam \n Lee ']);
    expect(await ok(['config', 'get', 'me.name'])).toBe('Sam Lee\n');
    const result = await j.run(['config', 'set', 'me.name', ' ']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'netjournal: me.name cannot be empty — give your name, e.g. "Sam Lee"\n',
    );
    expect(await ok(['config', 'get', 'me.name'])).toBe('Sam Lee\n');
  });
});

describe('draft refuses', () => {
  it.each([
    [
      ['draft', '99'],
      3,
      "netjournal: no follow-up 99 — see today's items with 'netjournal today'\n",
    ],
    [
      ['draft', 'r99'],
      3,
      "netjournal: no contact #99 — see today's items with 'netjournal today'\n",
    ],
    [
      ['draft', 'intro', '9'],
      3,
      "netjournal: no introduction 9 — see the ids with 'netjournal intros --json'\n",
    ],
    [
      ['draft', '3'],
      2,
      'netjournal: follow-up 3 is something you plan to do: there is no note to draft for it — draft a thank-you, report-back or waiting item, or a birthday or reconnect item (b12, r12)\n',
    ],
    [
      ['draft', 'intro', '1'],
      2,
      'netjournal: introduction 1 was not made by you — draft intro is for introductions you made: netjournal intro me Alice --to Bob\n',
    ],
    [['draft', 'x1'], 2, null],
    [['draft', '1', '--json', '--mailto'], 2, null],
    [['draft', '99', '--done'], 3, null],
  ])('%j: exit %i, nothing written', async (args, code, stderr) => {
    await richJournal();
    const before = readFileSync(j.path);
    const state = await journalState(j);
    const result = await j.run(args);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    if (stderr) expect(result.stderr).toBe(stderr);
    else expect(result.stderr).toMatch(/^netjournal: .+ — .+\n$/);
    expect(readFileSync(j.path).equals(before)).toBe(true);
    expect(await journalState(j)).toBe(state);
  });

  it('refuses --done on a follow-up already done, printing nothing', async () => {
    await richJournal();
    await ok(['done', '1']);
    const before = readFileSync(j.path);
    const result = await j.run(['draft', '1', '--done']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'netjournal: follow-up 1 is already done — nothing to change\n',
    });
    expect(readFileSync(j.path).equals(before)).toBe(true);
  });

  it('creates no journal for an item in a journal that does not exist', async () => {
    const result = await j.run(['draft', '1']);
    expect(result.code).toBe(3);
    expect(existsSync(j.path)).toBe(false);
  });
});
