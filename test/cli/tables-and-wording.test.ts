import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';

// Issue 17, points 3 and 4: tables and pages give text the width it needs
// (wrapped at spaces, never cut), keep when next to who, show the ids the
// next command takes, and say each value one way everywhere.

let j: TempJournal;
beforeEach(() => {
  j = tempJournal();
});
afterEach(() => j.remove());

async function ok(args: string[], now?: string): Promise<void> {
  const result = await j.run(args, { now });
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
}

const LONG = 'ask whether the research operations team at Northwind Labs is hiring interns';

/** On a terminal of this width, without colour. */
async function screen(args: string[], columns: number): Promise<string> {
  const result = await j.run(args, { tty: true, columns, env: { NO_COLOR: '1' } });
  expect(result.code, result.stderr).toBe(0);
  for (const line of result.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(columns);
  return result.stdout;
}

async function journal(): Promise<void> {
  await ok(['contact', 'add', 'Priya Shah', '--every', '1m']);
  await ok(['add', 'Priya Shah', '--date', '2026-11-16', '--notes', `coffee; ${LONG}`]);
  await ok(['done', '1']);
  // Written on the 16th, due on the 19th: two days late today (the 21st).
  await ok(['follow-up', 'Priya Shah', LONG, '--due', '2026-11-19'], '2026-11-16');
}

describe('follow-ups --all on a terminal', () => {
  it('says a closed one is done once, and wraps the text whole at 80 columns', async () => {
    await journal();
    expect(await screen(['follow-ups', '--all'], 80)).toBe(
      [
        'ID  STATUS           KIND       CONTACT     TEXT',
        ' 1  done 2026-11-21  thank-you  Priya Shah  Thank Priya Shah for the coffee',
        ' 2  2 days late      action     Priya Shah  ask whether the research operations',
        '                                            team at Northwind Labs is hiring',
        '                                            interns',
        '',
      ].join('\n'),
    );
  });
});

describe('today on a terminal', () => {
  it('keeps when next to the id and the name at 120 columns', async () => {
    await journal();
    const page = await screen(['today'], 120);
    expect(page).toContain(`  2  2 days late  Priya Shah  ${LONG}\n`);
    const wide = await screen(['today'], 200);
    expect(wide).toContain(`  2  2 days late  Priya Shah  ${LONG}\n`);
  });

  it('wraps the text under itself at 80 columns rather than cutting it', async () => {
    await journal();
    expect(await screen(['today'], 80)).toContain(
      [
        '  2  2 days late  Priya Shah  ask whether the research operations team at',
        '                              Northwind Labs is hiring interns',
      ].join('\n'),
    );
  });
});

describe('contact show', () => {
  it('shows meeting ids and whole meeting notes, and the cadence as every N days', async () => {
    await journal();
    const page = await screen(['contact', 'show', 'Priya'], 80);
    expect(page).toContain('  cadence   every 30 days · reconnect due in 25 days\n');
    expect(page).toContain(
      [
        'Recent meetings',
        '  1  2026-11-16  coffee: coffee; ask whether the research operations team at',
        '                 Northwind Labs is hiring interns',
      ].join('\n'),
    );
    expect(page).toContain('  2  action  2 days late  ask whether the research operations');
  });
});

describe('meeting show and add', () => {
  it('wrap a long note and a long follow-up whole under their first character', async () => {
    await journal();
    expect(await screen(['meeting', 'show', '1'], 60)).toContain(
      [
        'Notes: coffee; ask whether the research operations team at',
        '       Northwind Labs is hiring interns',
      ].join('\n'),
    );
    const added = await j.run(['add', 'Priya', '--follow-up', LONG, '--no-thank-you'], {
      tty: true,
      columns: 60,
      env: { NO_COLOR: '1' },
    });
    expect(added.stderr).toContain(
      [
        '  3  action      due in 7 days  ask whether the research',
        '                                operations team at',
        '                                Northwind Labs is hiring',
        '                                interns',
      ].join('\n'),
    );
  });
});

describe('one wording per value', () => {
  it('says a cadence "every 30 days" in the contacts table as on contact show', async () => {
    await journal();
    const table = await screen(['contacts'], 80);
    expect(table.split('\n').slice(0, 2)).toEqual([
      'ID  NAME        COMPANY  ROLE  CIRCLE  EVERY    LAST MET    TAGS',
      '#1  Priya Shah                         30 days  5 days ago',
    ]);
    // Piped, the number of days, as before.
    expect((await j.run(['contacts', '--json'])).stdout).toContain('"cadenceDays":30');
  });

  it('says a done follow-up "done DATE" on meeting show, not when it was due', async () => {
    await journal();
    const page = await screen(['meeting', 'show', '1'], 80);
    expect(page).toContain(
      'Follow-ups\n  1  thank-you   done 2026-11-21  Thank Priya Shah for the coffee\n',
    );
  });

  it('says when an open follow-up is due the same way on every page', async () => {
    await journal();
    const late = '2 days late';
    expect(await screen(['today'], 80)).toContain(`  2  ${late}  Priya Shah  `);
    expect(await screen(['follow-ups'], 80)).toContain(` 2  ${late}  action`);
    expect(await screen(['contact', 'show', 'Priya'], 80)).toContain(`  2  action  ${late}  `);
    expect(await screen(['prep', 'Priya'], 80)).toContain(`  2  action  ${late}  `);
  });
});
