import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { journalState } from '../helpers/state.js';

// Issue 19, first step: `netjournal jot TEXT...` through the in-process runner
// (today is 2026-11-21). A jot writes what the same `add` writes; a refused
// one writes nothing; --dry-run prints the parse and writes nothing.

let j: TempJournal;
beforeEach(() => {
  j = tempJournal();
});
afterEach(() => j.remove());

async function ok(journal: TempJournal, args: string[]): Promise<string> {
  const result = await journal.run(args);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

async function someContacts(journal: TempJournal): Promise<void> {
  await ok(journal, ['contact', 'add', 'Ralph Smith', '--company', 'Acme']);
  await ok(journal, ['contact', 'add', 'Lena Berg']);
  await ok(journal, ['contact', 'add', 'Sarah Kim', '--company', 'Acme']);
  await ok(journal, ['contact', 'add', 'Sarah Lee', '--company', 'Globex']);
  await ok(journal, ['contact', 'add', 'Zoë Müller']);
}

/** The export as JSON without the stable ids (random per journal). */
async function exported(journal: TempJournal): Promise<unknown> {
  const text = await ok(journal, ['export', '--format', 'json']);
  return JSON.parse(text, (key, value: unknown) =>
    key === 'uid' || /Uid$/.test(key) ? undefined : value,
  );
}

describe('jot --dry-run', () => {
  it('prints the parse as JSON and writes nothing', async () => {
    await someContacts(j);
    const before = await journalState(j);
    const result = await j.run([
      'jot',
      '--dry-run',
      'lunch with ralph and zoe muller yesterday: she is moving to Berlin +learned runs marathons',
    ]);
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout:
        '{"people":[{"name":"Ralph Smith","contactId":1,"new":false},{"name":"Zoë Müller","contactId":5,"new":false}],' +
        '"kind":"lunch","date":"2026-11-20","notes":"she is moving to Berlin","learned":["runs marathons"]}\n',
    });
    expect(await journalState(j)).toBe(before);
  });

  it('fills what the sentence leaves out from the options, as add would', async () => {
    await someContacts(j);
    const result = await j.run([
      'jot',
      '--dry-run',
      'Lena',
      '**Maya Patel**',
      '--learned',
      'likes jazz',
    ]);
    expect(result.stdout).toBe(
      '{"people":[{"name":"Lena Berg","contactId":2,"new":false},{"name":"Maya Patel","contactId":null,"new":true}],' +
        '"kind":"coffee","date":"2026-11-21","notes":null,"learned":["likes jazz"]}\n',
    );
  });

  it('creates no journal where there is none', async () => {
    const result = await j.run(['jot', '--dry-run', 'coffee with **Maya Patel**']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      people: [{ name: 'Maya Patel', new: true }],
    });
    expect(existsSync(j.path)).toBe(false);
  });
});

describe('a refused jot writes nothing', () => {
  it.each([
    [
      'coffee with Lena and Marco',
      2,
      `netjournal: could not place "Marco": no contact has that name — write **Marco** for a new person, a contact's full name or '#ID', or put other words after ":" as notes\n`,
    ],
    [
      'coffee with Sarah yesterday',
      3,
      `netjournal: "Sarah" matches 2 contacts: Sarah Kim ('#3', Acme), Sarah Lee ('#4', Globex) — write the full name, or the id, e.g. '#3'\n`,
    ],
    [
      'coffee with **Ralph Smith**',
      2,
      `netjournal: **Ralph Smith** is marked new, but Ralph Smith ('#1', Acme) is already a contact — write Ralph Smith without ** to mean them; for another person of that name use netjournal add "Ralph Smith" --new\n`,
    ],
    [
      'coffee and a call with Ralph',
      2,
      'netjournal: two kinds of meeting in one sentence: coffee and call — keep one kind word, or give --kind\n',
    ],
    [
      'coffee yesterday: with Ralph',
      2,
      `netjournal: who did you meet? no contact named in "coffee yesterday" — name a contact, or write **Name** for a new person, e.g. netjournal jot "coffee with **Ralph Smith**"\n`,
    ],
  ])('%s: exit %i', async (sentence, code, stderr) => {
    await someContacts(j);
    const before = await journalState(j);
    const bytes = readFileSync(j.path);
    for (const extra of [[], ['--yes'], ['--dry-run']]) {
      const result = await j.run(['jot', sentence, ...extra]);
      expect(result).toEqual({ code, stdout: '', stderr });
    }
    expect(readFileSync(j.path).equals(bytes)).toBe(true);
    expect(await journalState(j)).toBe(before);
  });

  it('refuses a sentence and an option that disagree, writing nothing', async () => {
    await someContacts(j);
    const before = await journalState(j);
    const result = await j.run(['jot', 'lunch with Ralph', '--kind', 'call']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'netjournal: the sentence says lunch and --kind says call — keep one of them\n',
    });
    expect(await journalState(j)).toBe(before);
  });

  it('writes nothing, and creates no journal, when the journal does not exist', async () => {
    const result = await j.run(['jot', 'coffee with Ralph']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^netjournal: could not place "Ralph"/);
    expect(existsSync(j.path)).toBe(false);
  });
});

describe('a jot writes what the same add writes', () => {
  let twin: TempJournal;
  beforeEach(() => {
    twin = tempJournal();
  });
  afterEach(() => twin.remove());

  it.each([
    [
      [
        'jot',
        'lunch with Ralph and **Maya Patel** yesterday: she is moving +learned runs marathons',
      ],
      [
        'add',
        'Ralph Smith',
        'Maya Patel',
        '--kind',
        'lunch',
        '--date',
        'yesterday',
        '--notes',
        'she is moving',
        '--learned',
        'runs marathons',
      ],
    ],
    [
      [
        'jot',
        '3 days ago: zoom call with zoe',
        '--follow-up',
        'send the deck',
        '--due',
        'friday',
        '--via',
        'Lena',
      ],
      [
        'add',
        'Zoë Müller',
        '--kind',
        'video',
        '--date',
        '3 days ago',
        '--follow-up',
        'send the deck',
        '--due',
        'friday',
        '--via',
        'Lena Berg',
      ],
    ],
    [
      ['jot', 'emailed [[Omar Haddad]]', '--outreach', '--company', 'Initech', '--yes'],
      ['add', 'Omar Haddad', '--kind', 'email', '--outreach', '--company', 'Initech'],
    ],
    [
      [
        'jot',
        'coffee with Sarah Kim and #4 on monday',
        '--no-thank-you',
        '--gave',
        'the UX article',
      ],
      ['add', '#3', 'Sarah Lee', '--date', 'monday', '--no-thank-you', '--gave', 'the UX article'],
    ],
  ])('%j', async (jot, add) => {
    await someContacts(j);
    await someContacts(twin);
    const jotted = await j.run(jot);
    const added = await twin.run(add);
    expect(jotted.code, jotted.stderr).toBe(0);
    expect(added.code, added.stderr).toBe(0);
    expect(jotted.stdout).toBe(added.stdout);
    expect(await exported(j)).toEqual(await exported(twin));
  });
});

describe('jot when piped', () => {
  it('writes without asking, and prints what add prints', async () => {
    await someContacts(j);
    const result = await j.run(['jot', 'called Lena yesterday']);
    expect(result).toEqual({
      code: 0,
      stdout:
        'id\tdate\tkind\tcontacts\tcontactIds\tnotes\toutreach\n1\t2026-11-20\tcall\tLena Berg\t2\t\tfalse\n',
      stderr:
        'Logged call with Lena Berg on 2026-11-20 (meeting 1).\nFollow-ups:\n  1  thank-you   due today  Thank Lena Berg for the call\n',
    });
  });
});

describe('jot finds its contacts through the name index', () => {
  it('by a first name in a script the index does not fold (Дмитрий keeps its й)', async () => {
    await ok(j, ['contact', 'add', 'Дмитрий Иванов']);
    await ok(j, ['contact', 'add', 'José García']);
    const result = await j.run(['jot', '--dry-run', 'call with дмитрий and jose garcia']);
    expect(JSON.parse(result.stdout)).toMatchObject({
      people: [{ name: 'Дмитрий Иванов' }, { name: 'José García' }],
    });
  });

  it('reads at most ten of a shared first name, and says so', async () => {
    for (let n = 1; n <= 12; n++) await ok(j, ['contact', 'add', `Farah Varga ${n}`]);
    const exact = await j.run(['jot', '--dry-run', 'coffee with farah varga 12']);
    expect(JSON.parse(exact.stdout)).toMatchObject({ people: [{ contactId: 12 }] });
    const shared = await j.run(['jot', 'coffee with Farah']);
    expect(shared.code).toBe(3);
    expect(shared.stderr).toMatch(
      /^netjournal: "Farah" matches 10 or more contacts: Farah Varga 1 \('#1'\), .*Farah Varga 10 \('#10'\) — write the full name, or the id, e\.g\. '#1'\n$/,
    );
  });
});

describe('jot costs what add costs', () => {
  it('reads its contacts on the connection it writes with: one journal opened, as add', async () => {
    await someContacts(j);
    const opened = (args: string[]) => async () => {
      const close = vi.spyOn(Database.prototype, 'close');
      try {
        await ok(j, args);
        return close.mock.calls.length;
      } finally {
        close.mockRestore();
      }
    };
    expect(await opened(['add', 'Ralph Smith', '--no-thank-you'])()).toBe(1);
    expect(await opened(['jot', 'coffee with ralph and Zoe', '--yes', '--no-thank-you'])()).toBe(1);
    // A dry run writes nothing: it reads on a read-only connection.
    expect(await opened(['jot', '--dry-run', 'coffee with ralph'])()).toBe(1);
  });
});
