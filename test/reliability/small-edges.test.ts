import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { spawnCli } from '../helpers/spawn-cli.js';

// Issue 14, point 9: the smaller edges, a describe for each.

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
