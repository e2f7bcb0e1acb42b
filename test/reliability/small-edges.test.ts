import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { spawnCli } from '../helpers/spawn-cli.js';
import { journalState } from '../helpers/state.js';

// Issue 14, point 9: the smaller edges. Local dates in stats, due dates a
// calendar can hold, DTSTAMPs from odd imported timestamps, a config read
// that creates nothing, the user's own row dated by --now, and a build that
// does not carry the build machine's folder into every install.

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

const contactLine = (id: number, name: string) =>
  JSON.stringify({
    type: 'contact',
    id,
    name,
    company: null,
    role: null,
    email: null,
    phone: null,
    url: null,
    location: null,
    circle: null,
    cadenceDays: null,
    birthday: null,
    tags: [],
    howMet: null,
    archived: false,
    created: '2026-11-01',
  });

interface FollowUpFields {
  id: number;
  created: string;
  due?: string;
  status?: 'open' | 'done';
  closed?: string | null;
}

const followUpLine = (f: FollowUpFields) =>
  JSON.stringify({
    type: 'followUp',
    id: f.id,
    contactId: 1,
    kind: 'action',
    text: `item ${f.id}`,
    due: f.due ?? '2026-11-25',
    status: f.status ?? 'open',
    closed: f.closed ?? null,
    meetingId: null,
    introductionId: null,
    created: f.created,
  });

function jsonlFile(name: string, lines: string[]): string {
  const file = join(j.dir, name);
  writeFileSync(file, ['{"type":"netjournal","format":2}', ...lines].join('\n') + '\n');
  return file;
}

/** Write a value straight into the file, as an older netjournal could have stored it. */
function setColumn(table: string, column: string, value: string): void {
  const db = new Database(j.path);
  try {
    db.prepare(`UPDATE ${table} SET ${column} = ?`).run(value);
  } finally {
    db.close();
  }
}

describe('stats: days to done between local dates', () => {
  // Instants a user far from UTC really writes: in Kiritimati (UTC+14) the
  // first two are on the 21st, in Pago Pago (UTC-11) on the 20th; the third
  // is the 20th in Kiritimati and the 19th elsewhere; the fourth is the 21st
  // in Pago Pago and the 22nd elsewhere.
  beforeEach(async () => {
    const file = jsonlFile('local.jsonl', [
      contactLine(1, 'Ralph Smith'),
      followUpLine({
        id: 1,
        created: '2026-11-20T20:00:00.000Z',
        status: 'done',
        closed: '2026-11-21',
      }),
      followUpLine({
        id: 2,
        created: '2026-11-21T05:00:00.000Z',
        status: 'done',
        closed: '2026-11-21',
      }),
      followUpLine({ id: 3, created: '2026-11-19T12:00:00.000Z' }),
      followUpLine({ id: 4, created: '2026-11-22T05:00:00.000Z' }),
    ]);
    await ok(['import', file]);
  });

  it.each([
    ['Pacific/Kiritimati', { created: 3, done: 2, open: 1, completionRate: 0.67, median: 0 }],
    ['Pacific/Pago_Pago', { created: 3, done: 2, open: 1, completionRate: 0.67, median: 1 }],
    ['UTC', { created: 2, done: 2, open: 0, completionRate: 1, median: 0.5 }],
  ])('TZ=%s: follow-ups counted and timed by their local creation date', (tz, want) => {
    const result = spawnCli(['stats', '--since', '2026-11-20', '--json'], { ...j.env, TZ: tz });
    expect(result.code, result.stderr).toBe(0);
    const stats = JSON.parse(result.stdout) as { followUps: unknown };
    expect(stats.followUps).toEqual({
      created: want.created,
      done: want.done,
      dropped: 0,
      open: want.open,
      completionRate: want.completionRate,
      medianDaysToDone: want.median,
    });
  });
});

describe('due dates a calendar can hold', () => {
  beforeEach(async () => {
    await ok(['add', 'Ralph Smith', '--no-thank-you', '--follow-up', 'send the deck']);
  });

  const refusals: [string, string[], string][] = [
    [
      'add --due',
      ['add', 'Ralph Smith', '--follow-up', 'x', '--due', '9999-12-31'],
      '--due 9999-12-31 is more than 100 years ahead (after 2126-11-21) — give a date within 100 years, e.g. --due friday, --due 2w or --due 2026-12-21',
    ],
    [
      'follow-up --due, relative',
      ['follow-up', 'Ralph Smith', 'x', '--due', '101y'],
      '--due 2127-11-21 is more than 100 years ahead (after 2126-11-21) — give a date within 100 years, e.g. --due friday, --due 2w or --due 2026-12-21',
    ],
    [
      'follow-up --due, one day over',
      ['follow-up', 'Ralph Smith', 'x', '--due', '2126-11-22'],
      '--due 2126-11-22 is more than 100 years ahead (after 2126-11-21) — give a date within 100 years, e.g. --due friday, --due 2w or --due 2026-12-21',
    ],
    [
      'snooze --until',
      ['snooze', '1', '--until', '9999-12-31'],
      '--until 9999-12-31 is more than 100 years ahead (after 2126-11-21) — give a date within 100 years, e.g. --until friday, --until 2w or --until 2026-12-21',
    ],
  ];

  it.each(refusals)('%s: exit 2, nothing written', async (_, args, message) => {
    const before = await journalState(j);
    const bytes = readFileSync(j.path);
    const result = await j.run(args);
    expect(result).toEqual({ stdout: '', stderr: `netjournal: ${message}\n`, code: 2 });
    expect(await journalState(j)).toBe(before);
    expect(readFileSync(j.path).equals(bytes)).toBe(true);
  });

  it('accepts a due date exactly 100 years ahead', async () => {
    await ok(['follow-up', 'Ralph Smith', 'the centenary', '--due', '2126-11-21']);
    await ok(['snooze', '1', '--until', '100y']);
    const due = JSON.parse(await ok(['follow-ups', '--json'])) as { due: string }[];
    expect(due.map((f) => f.due)).toEqual(['2126-11-21', '2126-11-21']);
  });

  it('refuses a jsonl follow-up due more than 100 years ahead, naming the line', async () => {
    const before = await journalState(j);
    const file = jsonlFile('far.jsonl', [
      contactLine(1, 'Lena Berg'),
      followUpLine({ id: 1, created: '2026-11-20T09:00:00.000Z', due: '9999-12-31' }),
    ]);
    const result = await j.run(['import', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'netjournal: far.jsonl:3: followUp "due" 9999-12-31 is more than 100 years ahead (after 2126-11-21) — nothing was imported; fix the file, or use --skip-bad to import the rest\n',
    );
    expect(await journalState(j)).toBe(before);
  });

  it.each([
    ['add --date', ['add', 'Lena Berg', '--date', '1899-12-31'], '--date'],
    ['meeting edit --date', ['meeting', 'edit', '1', '--date', '1000-01-01'], '--date'],
    ['note --date', ['note', 'Ralph Smith', 'likes maps', '--date', '200y'], '--date'],
    ['intro --date', ['intro', 'Lena Berg', 'Ralph Smith', '--date', '1899-12-31'], '--date'],
  ])('%s before 1900: exit 2, nothing written', async (_, args, option) => {
    const before = await journalState(j);
    const result = await j.run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(
        `^netjournal: ${option} \\d{4}-\\d{2}-\\d{2} is before 1900 — give the date it happened, e.g. ${option} yesterday, ${option} 3d or ${option} 2026-11-14\\n$`,
      ),
    );
    expect(await journalState(j)).toBe(before);
  });

  it('accepts a meeting on 1900-01-01', async () => {
    await ok(['add', 'Lena Berg', '--date', '1900-01-01', '--no-thank-you']);
    const log = JSON.parse(await ok(['log', 'Lena Berg', '--json'])) as { date: string }[];
    expect(log.map((m) => m.date)).toEqual(['1900-01-01']);
  });

  it('exports an all-day event due on 9999-12-31 that an older netjournal stored', async () => {
    setColumn('follow_ups', 'due', '9999-12-31');
    const result = await j.run(['export', '--format', 'ics', '--as', 'event']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('DTSTART;VALUE=DATE:99991231\r\nDURATION:P1D\r\n');
  });
});

describe('DTSTAMP from an odd creation timestamp', () => {
  const odd = ['+275760-09-13', '+275760-09-13T00:00:00.000Z', '0000-01-01T00:00:00Z', 'garbage'];

  it.each(odd)('import refuses "created": %j with the line, writing nothing', async (created) => {
    await ok(['contact', 'add', 'Lena Berg']);
    const before = await journalState(j);
    const file = jsonlFile('odd.jsonl', [
      contactLine(1, 'Ralph Smith'),
      followUpLine({ id: 1, created }),
    ]);
    const result = await j.run(['import', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'netjournal: odd.jsonl:3: followUp has an invalid "created" (an ISO 8601 timestamp, as exported) — nothing was imported; fix the file, or use --skip-bad to import the rest\n',
    );
    expect(await journalState(j)).toBe(before);
  });

  it.each(odd)(
    'a stored "created" of %j exports DTSTAMP as midnight UTC of the due date',
    async (created) => {
      await ok(['contact', 'add', 'Ralph Smith']);
      await ok(['follow-up', 'Ralph Smith', 'send the deck', '--due', '2026-11-25']);
      setColumn('follow_ups', 'created', created);
      for (const as of ['todo', 'event']) {
        const result = await j.run(['export', '--format', 'ics', '--as', as]);
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout.match(/^DTSTAMP:.*$/gm)).toEqual(['DTSTAMP:20261125T000000Z']);
      }
    },
  );
});

describe('config on a missing journal', () => {
  it.each([
    [['config', 'unset', 'cadence.inner'], 0, '', 'cadence.inner was not set.\n'],
    [['config', 'list', '--json'], 0, '[]\n', ''],
    [
      ['config', 'get', 'cadence.inner'],
      3,
      '',
      'netjournal: cadence.inner is not set — set it with: netjournal config set cadence.inner 60d\n',
    ],
  ])('%j creates neither the journal nor its folder', async (args, code, stdout, stderr) => {
    const folder = join(j.dir, 'not-yet');
    const path = join(folder, 'journal.db');
    const result = await j.run(args, { env: { NETJOURNAL_DB: path } });
    expect(result).toEqual({ stdout, stderr, code });
    expect(existsSync(path)).toBe(false);
    expect(existsSync(folder)).toBe(false);
  });
});

describe("the user's own row on a journal started with --now", () => {
  it.each([
    ['--now', ['--now', '2020-01-02'], {}],
    ['NETJOURNAL_NOW', [], { NETJOURNAL_NOW: '2020-01-02' }],
  ])('is created on the %s date', async (_, now, env) => {
    await j.run([...now, 'contact', 'add', 'Ralph Smith'], { env });
    const db = new Database(j.path, { readonly: true });
    try {
      expect(db.prepare('SELECT created FROM contacts WHERE is_me = 1').get()).toEqual({
        created: '2020-01-02',
      });
    } finally {
      db.close();
    }
  });
});

describe('--now west of UTC', () => {
  it("dates the records by --now's local day, not the day before", () => {
    const env = { NETJOURNAL_DB: j.path, NETJOURNAL_NOW: '2020-01-02', TZ: 'Pacific/Pago_Pago' };
    expect(spawnCli(['add', 'Ralph Smith'], env).code).toBe(0);
    const db = new Database(j.path, { readonly: true });
    try {
      expect(db.prepare('SELECT name, created FROM contacts ORDER BY id').all()).toEqual([
        { name: 'me', created: '2020-01-02' },
        { name: 'Ralph Smith', created: '2020-01-02' },
      ]);
    } finally {
      db.close();
    }
    // The thank-you was created that day too: stats counts it in a one-day period.
    const stats = spawnCli(['stats', '--since', '2020-01-02', '--json'], env);
    expect(JSON.parse(stats.stdout)).toMatchObject({ followUps: { created: 1 } });
  });
});

describe('an installed copy of the build', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));

  it('never shows the build folder in a NETJOURNAL_DEBUG stack trace, nor stores it', () => {
    const place = mkdtempSync(join(tmpdir(), 'netjournal-installed-'));
    try {
      const pkg = join(place, 'node_modules', 'netjournal');
      for (const part of ['bin', 'dist', 'migrations', 'package.json'])
        cpSync(join(root, part), join(pkg, part), { recursive: true, preserveTimestamps: true });
      symlinkSync(join(root, 'node_modules'), join(pkg, 'node_modules'));
      const bundle = join(pkg, 'dist', 'bundle', 'netjournal.cjs');
      // The copy starts with its code cache, as an install does.
      expect(existsSync(`${bundle}.cache`)).toBe(true);

      const result = spawnSync(
        process.execPath,
        [join(pkg, 'bin', 'netjournal.cjs'), 'config', 'get', 'nope'],
        {
          env: {
            PATH: process.env.PATH,
            NETJOURNAL_DB: join(place, 'journal.db'),
            NETJOURNAL_DEBUG: '1',
            HOME: place,
          },
          encoding: 'utf8',
        },
      );
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^netjournal: unknown setting "nope"/);
      expect(result.stderr).toMatch(/\n {4}at settingSpec \(.*netjournal\.cjs:\d+:\d+\)\n/);
      expect(result.stderr).not.toContain(root);
      for (const file of [bundle, `${bundle}.cache`])
        expect(readFileSync(file).includes(root), file).toBe(false);
    } finally {
      rmSync(place, { recursive: true, force: true });
    }
  });
});
