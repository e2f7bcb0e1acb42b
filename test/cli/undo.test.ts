import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UNDO_DEPTH } from '../../src/storage/write.js';
import { BULK_STEP } from '../../src/storage/undo.js';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

let j: TempJournal;
beforeEach(() => {
  j = tempJournal();
});
afterEach(() => j.remove());

const undo = (args: string[] = []) => j.run(['undo', ...args]);

async function ok(args: string[]): Promise<string> {
  const result = await j.run(args);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

const TABLES = [
  'contacts',
  'contact_tags',
  'meetings',
  'meeting_contacts',
  'notes',
  'introductions',
  'follow_ups',
  'gifts',
  'settings',
];

/** Every row of every table, the derived last_met and the search index included. */
function rawState(): string {
  const db = new Database(j.path, { readonly: true });
  try {
    const state: Record<string, unknown> = {};
    for (const t of TABLES) state[t] = db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all();
    state.search = db
      .prepare('SELECT rowid, kind, ref, name, people, body FROM search_index ORDER BY rowid')
      .all();
    return JSON.stringify(state);
  } finally {
    db.close();
  }
}

/** What a user sees: the full export, and search results. */
async function visibleState(): Promise<string[]> {
  return [
    await ok(['export', '--format', 'jsonl']),
    await ok(['search', 'marathons', '--json']),
    await ok(['search', 'Ralph', '--json']),
    await ok(['search', 'article', '--json']),
  ];
}

async function seed(): Promise<void> {
  await ok([
    'add',
    'Ralph Smith',
    '--learned',
    'runs marathons',
    '--notes',
    'coffee at Mo',
    '--gave',
    'a book',
  ]);
  await ok(['contact', 'add', 'Joe Park', '--company', 'Acme', '--tag', 'friend']);
  await ok(['intro', 'Ralph Smith', 'Joe Park']);
  await ok(['add', 'Joe Park', '--date', '2026-11-01', '--follow-up', 'send the article']);
  await ok(['config', 'set', 'cadence.inner', '30d']);
}

/** Run a command, then undo it: everything must be as it was before, byte for byte. */
async function expectUndone(args: string[], said: string): Promise<void> {
  const before = await visibleState();
  const raw = rawState();
  await ok(args);
  expect(await visibleState()).not.toEqual(before);
  const result = await undo();
  expect(result.code, result.stderr).toBe(0);
  // Issue 17, point 5: what was undone, in the words of the command that wrote it.
  expect(result.stderr).toBe(said);
  expect(await visibleState()).toEqual(before);
  expect(rawState()).toBe(raw);
  const doctor = await j.run(['doctor']);
  expect(doctor.code, doctor.stdout).toBe(0);
}

describe('undo', () => {
  it('reverts add, with its contact, meeting, notes and follow-ups', async () => {
    await seed();
    await expectUndone(
      [
        'add',
        'Ralph Smith',
        'Lena Fox',
        '--learned',
        'likes marathons',
        '--via',
        'Joe Park',
        '--gave',
        'a book',
      ],
      'Undid: coffee with Ralph Smith and Lena Fox on 2026-11-21 (meeting 3) and its 1 note, 1 gift and 3 follow-ups, with 1 new contact and 2 new introductions.\n',
    );
  });

  it('reverts note', async () => {
    await seed();
    await expectUndone(['note', 'Joe', 'also runs marathons'], 'Undid: note 2 about Joe Park.\n');
  });

  it('reverts done (and the introduction it marked reported back)', async () => {
    await seed();
    const items = JSON.parse(await ok(['follow-ups', '--json'])) as { id: number }[];
    await expectUndone(
      ['done', ...items.map((i) => String(i.id))],
      'Undid: changes to 4 follow-ups and 1 introduction.\n',
    );
  });

  // Issue 16: everything the user wrote can be corrected, each correction undoable.
  it('reverts note edit and note rm', async () => {
    await seed();
    await expectUndone(
      ['note', 'edit', '1', 'runs ultramarathons', '--date', '2026-11-20'],
      'Undid: changes to note 1 about Ralph Smith.\n',
    );
    await expectUndone(['note', 'rm', '1'], 'Undid: removal of note 1 about Ralph Smith.\n');
  });

  it('reverts gift edit and gift rm', async () => {
    await seed();
    await expectUndone(
      ['gift', 'edit', '1', 'a signed book'],
      'Undid: changes to gift 1 to Ralph Smith.\n',
    );
    await expectUndone(['gift', 'rm', '1'], 'Undid: removal of gift 1 to Ralph Smith.\n');
  });

  it('reverts intro edit, with the report-back it moved to the new introducer', async () => {
    await seed();
    await ok(['contact', 'add', 'Lena Fox']);
    await expectUndone(
      ['intro', 'edit', '1', '--by', 'Lena Fox', '--note', 'at the race'],
      'Undid: changes to introduction 1 (Lena Fox introduced Joe Park to you) and 1 follow-up.\n',
    );
    await expectUndone(
      ['intro', 'edit', '1', '--to', 'Lena Fox'],
      'Undid: changes to introduction 1 (Ralph Smith introduced Joe Park to Lena Fox) and 1 removed follow-up.\n',
    );
  });

  it('reverts intro rm, intro reported and intro --new', async () => {
    await seed();
    await expectUndone(
      ['intro', 'rm', '1'],
      'Undid: removal of introduction 1 (Ralph Smith introduced Joe Park to you) and 1 follow-up.\n',
    );
    await expectUndone(
      ['intro', 'reported', '1'],
      'Undid: changes to introduction 1 (Ralph Smith introduced Joe Park to you) and 1 follow-up.\n',
    );
    await expectUndone(
      ['intro', 'Joe Park', 'Ralph Smith', '--new'],
      'Undid: introduction 2 (Joe Park introduced Ralph Smith to you) and 1 new contact.\n',
    );
  });

  it('reverts follow-up edit and reopen (and the introduction reopen un-reported)', async () => {
    await seed();
    await expectUndone(
      [
        'follow-up',
        'edit',
        '4',
        '--text',
        'send two articles',
        '--due',
        'friday',
        '--kind',
        'waiting',
      ],
      'Undid: changes to follow-up 4 for Joe Park.\n',
    );
    await ok(['done', '3', '4']);
    await expectUndone(
      ['reopen', '3', '4', '--due', 'monday'],
      'Undid: changes to 2 follow-ups and 1 introduction.\n',
    );
  });

  it('reverts contact rm, restoring everything the cascade removed', async () => {
    await seed();
    await expectUndone(
      ['contact', 'rm', 'Ralph Smith', '--yes'],
      'Undid: removal of contact Ralph Smith (#1) with 2 follow-ups, 1 changed note, 1 changed gift, 1 meeting and 1 introduction.\n',
    );
  });

  it('reverts contact merge', async () => {
    await seed();
    await ok(['contact', 'add', 'Joseph Park', '--email', 'joe@example.com', '--tag', 'runner']);
    await ok(['note', 'Joseph', 'moved to Leeds']);
    await expectUndone(
      ['contact', 'merge', 'Joe Park', 'Joseph Park'],
      'Undid: merge of contact Joseph Park (#3) into Joe Park.\n',
    );
  });

  it('reverts contact edit and config set', async () => {
    await seed();
    await expectUndone(
      ['contact', 'edit', 'Ralph', '--name', 'Ralph Smyth', '--company', 'Initech'],
      'Undid: changes to contact Ralph Smyth (#1) and 2 follow-ups.\n',
    );
    await expectUndone(
      ['config', 'set', 'cadence.inner', '90d'],
      'Undid: changes to setting cadence.inner.\n',
    );
  });

  it('reverts an import', async () => {
    await seed();
    await expectUndone(
      ['import', fixture('generic.csv')],
      'Undid: import of 2 contacts, 1 note and 1 changed contact.\n',
    );
  });

  it('reverts a big import (replayed with the search triggers paused, then reindexed)', async () => {
    await seed();
    const csv = join(j.dir, 'big.csv');
    const rows = ['Name,Company,Tags,Notes'];
    for (let i = 0; i < BULK_STEP + 50; i++)
      rows.push(`Runner ${i},Acme ${i % 7},marathons,"met at race ${i}"`);
    writeFileSync(csv, rows.join('\n') + '\n');
    await expectUndone(['import', csv], 'Undid: import of 550 contacts and 550 notes.\n');
  });

  it('goes back several levels, newest first, then says there is nothing left', async () => {
    const states = [await visibleState()];
    await ok(['add', 'Ralph Smith', '--learned', 'runs marathons']);
    states.push(await visibleState());
    await ok(['note', 'Ralph', 'has a dog']);
    states.push(await visibleState());
    await ok(['contact', 'rm', 'Ralph', '--yes']);
    for (let i = states.length - 1; i >= 0; i--) {
      expect((await undo()).code).toBe(0);
      expect(await visibleState()).toEqual(states[i]);
    }
    const none = await undo();
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^netjournal: nothing to undo — /);
  });

  it(`keeps the last ${UNDO_DEPTH} steps`, async () => {
    await ok(['contact', 'add', 'Ralph Smith']);
    for (let i = 0; i < UNDO_DEPTH + 2; i++) await ok(['note', 'Ralph', `note ${i}`]);
    for (let i = 0; i < UNDO_DEPTH; i++) expect((await undo()).code).toBe(0);
    expect((await undo()).code).toBe(2);
    const notes = JSON.parse(await ok(['contact', 'show', 'Ralph', '--json'])) as {
      notes: unknown[];
    };
    expect(notes.notes).toHaveLength(2);
  });

  it('--dry-run says what it would revert and writes nothing', async () => {
    await seed();
    const raw = rawState();
    const dry = await undo(['--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe('undo: setting cadence.inner\n');
    expect(rawState()).toBe(raw);
    const json = JSON.parse((await undo(['--dry-run', '--json'])).stdout) as Record<
      string,
      unknown
    >;
    expect(json).toMatchObject({
      dryRun: true,
      command: 'config set cadence.inner 30d',
      changes: [{ table: 'settings', op: 'insert', rows: 1 }],
      description: 'setting cadence.inner',
    });
    expect(rawState()).toBe(raw);
  });

  it('exits 2 with nothing to undo, and creates no journal', async () => {
    const result = await undo();
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(/nothing to undo/);
    expect((await undo(['--dry-run'])).code).toBe(2);
    await ok(['contacts']);
    expect((await undo()).code).toBe(2);
  });

  it('does not record a failed command', async () => {
    await seed();
    expect((await j.run(['note', 'Nobody At All', 'x'])).code).toBe(3);
    const dry = await undo(['--dry-run']);
    expect(dry.stdout).toBe('undo: setting cadence.inner\n');
  });
});
