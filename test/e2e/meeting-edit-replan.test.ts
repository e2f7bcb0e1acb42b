import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { journalState } from '../helpers/state.js';

// Issue 16 point 2: `meeting edit` re-plans the open follow-ups its meeting
// made, exactly as `add` would plan them for the edited meeting, says what
// changed, and one `undo` reverts it all.

let j: TempJournal;
beforeEach(() => {
  j = tempJournal('2026-11-21');
});
afterEach(() => j.remove());

async function ok(args: string[], now = '2026-11-21'): Promise<{ stdout: string; stderr: string }> {
  const r = await j.run(args, { now });
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r;
}

/** Every follow-up, one line each: "id kind status due contact: text". */
async function followUps(): Promise<string[]> {
  const all = JSON.parse((await ok(['follow-ups', '--all', '--json'])).stdout) as {
    id: number;
    kind: string;
    status: string;
    due: string;
    contact: string;
    text: string;
  }[];
  return all.map((f) => `${f.id} ${f.kind} ${f.status} ${f.due} ${f.contact}: ${f.text}`);
}

async function todayLines(): Promise<string[]> {
  const report = JSON.parse((await ok(['today', '--json'])).stdout) as {
    items: { section: string; id: string | number; contact: string; due: string; days: number }[];
  };
  return report.items.map((i) => `${i.section} ${i.id} ${i.contact} ${i.due} (${i.days})`);
}

describe('meeting edit --date', () => {
  it('moves the thank-you to the day after the new date, so today shows it late', async () => {
    await ok(
      ['add', 'Omar Haddad', '--kind', 'call', '--follow-up', 'send the deck'],
      '2026-11-20',
    );
    const before = await journalState(j);
    const r = await ok(['meeting', 'edit', '1', '--date', '2026-11-18']);
    expect(r.stderr).toBe(
      'Updated meeting 1: date 2026-11-20 → 2026-11-18; thank-you for Omar Haddad moved to 2026-11-19.\n',
    );
    // The user's own follow-up keeps the due date they chose.
    expect(await followUps()).toEqual([
      '1 thank_you open 2026-11-19 Omar Haddad: Thank Omar Haddad for the call',
      '2 action open 2026-11-27 Omar Haddad: send the deck',
    ]);
    expect(await todayLines()).toEqual([
      'thank_you 1 Omar Haddad 2026-11-19 (-2)',
      'upcoming 2 Omar Haddad 2026-11-27 (6)',
    ]);
    expect((await ok(['undo'])).stderr).toBe(
      'Undid: changes to call with Omar Haddad on 2026-11-18 (meeting 1) and 1 follow-up.\n',
    );
    expect(await journalState(j)).toBe(before);
  });

  it('moves a report-back too, and leaves done and dropped follow-ups as they were', async () => {
    await ok(['intro', 'Joe Park', 'Ralph Smith'], '2026-11-15');
    await ok(['add', 'Ralph Smith', '--kind', 'coffee', '--date', '2026-11-16'], '2026-11-16');
    await ok(['done', '1'], '2026-11-17');
    const r = await ok(['meeting', 'edit', '1', '--date', '2026-11-15']);
    expect(r.stderr).toBe(
      'Updated meeting 1: date 2026-11-16 → 2026-11-15; report-back to Joe Park moved to 2026-11-17.\n',
    );
    expect(await followUps()).toEqual([
      '2 report_back open 2026-11-17 Joe Park: Tell Joe Park how it went with Ralph Smith',
      '1 thank_you done 2026-11-17 Ralph Smith: Thank Ralph Smith for the coffee',
    ]);
  });
});

describe('meeting edit --with', () => {
  it('removes the open thank-you of who left and adds one for who joined; undo restores', async () => {
    await ok(['contact', 'add', 'Lena Berg']);
    await ok(
      ['add', 'Omar Haddad', 'Sam Lee', '--kind', 'call', '--date', '2026-11-20'],
      '2026-11-20',
    );
    await ok(['done', '2'], '2026-11-20');
    const before = await journalState(j);
    const r = await ok(['meeting', 'edit', '1', '--with', 'Lena Berg', '--with', 'Sam Lee']);
    expect(r.stderr).toBe(
      'Updated meeting 1: people Omar Haddad, Sam Lee → Lena Berg, Sam Lee; ' +
        'removed thank-you for Omar Haddad (no longer in the meeting); ' +
        'added thank-you for Lena Berg (follow-up 3, due 2026-11-21).\n',
    );
    expect(await followUps()).toEqual([
      '3 thank_you open 2026-11-21 Lena Berg: Thank Lena Berg for the call',
      '2 thank_you done 2026-11-21 Sam Lee: Thank Sam Lee for the call',
    ]);
    expect((await todayLines()).filter((l) => l.startsWith('thank_you'))).toEqual([
      'thank_you 3 Lena Berg 2026-11-21 (0)',
    ]);
    expect((await ok(['undo'])).stderr).toBe(
      'Undid: changes to call with Lena Berg and Sam Lee on 2026-11-20 (meeting 1) and 1 removed follow-up and 1 new follow-up.\n',
    );
    expect(await journalState(j)).toBe(before);
    expect((await ok(['doctor'])).stderr).toBe('Journal is healthy.\n');
  });

  it('closes the nudge of an earlier outreach to who joined, as add does; undo reopens it', async () => {
    await ok(
      ['add', 'Priya Raman', '--kind', 'email', '--outreach', '--date', '2026-11-18'],
      '2026-11-18',
    );
    await ok(['add', 'Sam Lee', '--kind', 'call', '--date', '2026-11-20'], '2026-11-20');
    const before = await journalState(j);
    const r = await ok([
      'meeting',
      'edit',
      '2',
      '--with',
      'Sam Lee',
      '--with',
      'Priya Raman',
      '--json',
    ]);
    expect(r.stderr).toBe(
      'Updated meeting 2: people Sam Lee → Priya Raman, Sam Lee; ' +
        'added thank-you for Priya Raman (follow-up 3, due 2026-11-21); ' +
        'they replied: follow-up 1 (Nudge Priya Raman if there is no reply) done.\n',
    );
    const json = JSON.parse(r.stdout) as { answered: { id: number; status: string }[] };
    expect(json.answered.map((f) => `${f.id} ${f.status}`)).toEqual(['1 done']);
    expect(await followUps()).toEqual([
      '3 thank_you open 2026-11-21 Priya Raman: Thank Priya Raman for the call',
      '2 thank_you open 2026-11-21 Sam Lee: Thank Sam Lee for the call',
      '1 waiting done 2026-11-25 Priya Raman: Nudge Priya Raman if there is no reply',
    ]);
    await ok(['undo']);
    expect(await journalState(j)).toBe(before);
  });

  it('removes a report-back when the person introduced leaves the meeting', async () => {
    await ok(['intro', 'Joe Park', 'Ralph Smith'], '2026-11-15');
    await ok(['contact', 'add', 'Lena Berg']);
    await ok(['add', 'Ralph Smith', '--no-thank-you'], '2026-11-20');
    const r = await ok(['meeting', 'edit', '1', '--with', 'Lena Berg']);
    expect(r.stderr).toBe(
      'Updated meeting 1: people Ralph Smith → Lena Berg; ' +
        'removed report-back to Joe Park (Ralph Smith is no longer in the meeting).\n',
    );
    // --no-thank-you holds for who joins: the meeting had none to begin with.
    expect(await followUps()).toEqual([]);
  });
});

describe('meeting edit and report-backs', () => {
  it('owes the introducer a report-back when an introduced person joins their first meeting', async () => {
    await ok(['intro', 'Joe Park', 'Ralph Smith'], '2026-11-15');
    await ok(['add', 'Lena Berg', '--kind', 'call', '--date', '2026-11-20'], '2026-11-20');
    const r = await ok(['meeting', 'edit', '1', '--with', 'Lena', '--with', 'Ralph']);
    expect(r.stderr).toBe(
      'Updated meeting 1: people Lena Berg → Lena Berg, Ralph Smith; ' +
        'added thank-you for Ralph Smith (follow-up 2, due 2026-11-21); ' +
        'added report-back to Joe Park (follow-up 3, due 2026-11-22).\n',
    );
    expect(await followUps()).toEqual([
      '1 thank_you open 2026-11-21 Lena Berg: Thank Lena Berg for the call',
      '2 thank_you open 2026-11-21 Ralph Smith: Thank Ralph Smith for the call',
      '3 report_back open 2026-11-22 Joe Park: Tell Joe Park how it went with Ralph Smith',
    ]);
  });

  it('owes none when they joined a meeting after an earlier one with them', async () => {
    await ok(['intro', 'Joe Park', 'Ralph Smith'], '2026-11-10');
    await ok(['add', 'Ralph Smith', '--no-thank-you', '--date', '2026-11-12'], '2026-11-12');
    await ok(['add', 'Lena Berg', '--kind', 'call', '--no-thank-you'], '2026-11-20');
    const r = await ok(['meeting', 'edit', '2', '--with', 'Lena', '--with', 'Ralph']);
    expect(r.stderr).toBe('Updated meeting 2: people Lena Berg → Lena Berg, Ralph Smith.\n');
    expect(await followUps()).toEqual([
      '1 report_back open 2026-11-14 Joe Park: Tell Joe Park how it went with Ralph Smith',
    ]);
  });

  it('keeps the report-back on a first meeting moved after a later one (it is owed once)', async () => {
    await ok(['intro', 'Joe Park', 'Ralph Smith'], '2026-11-10');
    await ok(['add', 'Ralph Smith', '--no-thank-you', '--date', '2026-11-12'], '2026-11-12');
    await ok(['add', 'Ralph Smith', '--kind', 'call', '--no-thank-you'], '2026-11-15');
    const r = await ok(['meeting', 'edit', '1', '--date', '2026-11-18']);
    expect(r.stderr).toBe(
      'Updated meeting 1: date 2026-11-12 → 2026-11-18; report-back to Joe Park moved to 2026-11-20.\n',
    );
  });
});

describe('meeting edit --kind', () => {
  it('removes open thank-yous for an email and plans them again for a call', async () => {
    await ok(['add', 'Omar Haddad', 'Lena Berg', '--kind', 'coffee'], '2026-11-20');
    await ok(['drop', '2'], '2026-11-20');
    const r = await ok(['meeting', 'edit', '1', '--kind', 'email']);
    expect(r.stderr).toBe(
      'Updated meeting 1: kind coffee → email; ' +
        'removed thank-you for Omar Haddad (no thank-you after an email).\n',
    );
    expect(await followUps()).toEqual([
      '2 thank_you dropped 2026-11-21 Lena Berg: Thank Lena Berg for the e-mail',
    ]);
    const back = await ok(['meeting', 'edit', '1', '--kind', 'call']);
    // Lena's dropped thank-you is history and counts: she gets no second one.
    expect(back.stderr).toBe(
      'Updated meeting 1: kind email → call; added thank-you for Omar Haddad (follow-up 3, due 2026-11-21).\n',
    );
    expect(await followUps()).toEqual([
      '2 thank_you dropped 2026-11-21 Lena Berg: Thank Lena Berg for the call',
      '3 thank_you open 2026-11-21 Omar Haddad: Thank Omar Haddad for the call',
    ]);
  });

  it('gives an email turned coffee its thank-yous (an email cannot tell --no-thank-you)', async () => {
    await ok(['add', 'Omar Haddad', '--kind', 'email'], '2026-11-20');
    const r = await ok(['meeting', 'edit', '1', '--kind', 'coffee', '--json']);
    expect(r.stderr).toBe(
      'Updated meeting 1: kind email → coffee; added thank-you for Omar Haddad (follow-up 1, due 2026-11-21).\n',
    );
    expect(JSON.parse(r.stdout)).toEqual({
      id: 1,
      date: '2026-11-20',
      kind: 'coffee',
      contacts: ['Omar Haddad'],
      contactIds: [1],
      notes: null,
      outreach: false,
      changes: [{ field: 'kind', before: 'email', after: 'coffee' }],
      replanned: {
        added: [
          {
            id: 1,
            kind: 'thank_you',
            contact: 'Omar Haddad',
            contactId: 1,
            text: 'Thank Omar Haddad for the coffee',
            due: '2026-11-21',
            status: 'open',
            closed: null,
            meetingId: 1,
            introductionId: null,
          },
        ],
        moved: [],
        removed: [],
      },
    });
  });
});

describe('meeting edit --outreach', () => {
  it('removes the nudge when it was not outreach after all, and says so in --json', async () => {
    await ok(['add', 'Priya Raman', '--kind', 'message', '--outreach'], '2026-11-19');
    const r = await ok(['meeting', 'edit', '1', '--no-outreach', '--json']);
    expect(r.stderr).toBe(
      'Updated meeting 1: outreach yes → no; removed nudge for Priya Raman (no longer outreach).\n',
    );
    const out = JSON.parse(r.stdout) as { changes: unknown; replanned: unknown };
    expect(out.changes).toEqual([{ field: 'outreach', before: 'yes', after: 'no' }]);
    expect(out.replanned).toEqual({
      added: [],
      moved: [],
      removed: [
        {
          id: 1,
          kind: 'waiting',
          contact: 'Priya Raman',
          contactId: 1,
          text: 'Nudge Priya Raman if there is no reply',
          due: '2026-11-26',
          status: 'open',
          closed: null,
          meetingId: 1,
          introductionId: null,
          reason: 'not_outreach',
        },
      ],
    });
    expect(await followUps()).toEqual([]);
  });

  it('gives who joins an outreach a nudge due with the others', async () => {
    await ok(['contact', 'add', 'Omar Haddad']);
    await ok(
      ['add', 'Priya Raman', '--kind', 'email', '--outreach', '--nudge', '3d'],
      '2026-11-19',
    );
    const r = await ok(['meeting', 'edit', '1', '--with', 'Priya', '--with', 'Omar']);
    expect(r.stderr).toBe(
      'Updated meeting 1: people Priya Raman → Omar Haddad, Priya Raman; ' +
        'added nudge for Omar Haddad (follow-up 2, due 2026-11-22).\n',
    );
  });

  it('keeps none for an outreach logged with --no-nudge', async () => {
    await ok(['contact', 'add', 'Omar Haddad']);
    await ok(['add', 'Priya Raman', '--kind', 'email', '--outreach', '--no-nudge'], '2026-11-19');
    const r = await ok(['meeting', 'edit', '1', '--with', 'Priya', '--with', 'Omar']);
    expect(r.stderr).toBe('Updated meeting 1: people Priya Raman → Omar Haddad, Priya Raman.\n');
    expect(await followUps()).toEqual([]);
  });
});

describe('meeting edit that re-plans nothing', () => {
  it('only the notes: the follow-ups stay exactly as they were', async () => {
    await ok(['add', 'Omar Haddad', '--kind', 'call'], '2026-11-20');
    const r = await ok(['meeting', 'edit', '1', '--notes', 'talked about Lisbon']);
    expect(r.stderr).toBe('Updated meeting 1: notes (none) → "talked about Lisbon".\n');
    expect(await followUps()).toEqual([
      '1 thank_you open 2026-11-21 Omar Haddad: Thank Omar Haddad for the call',
    ]);
  });

  it('a refused edit writes nothing', async () => {
    await ok(['add', 'Omar Haddad', '--kind', 'call'], '2026-11-20');
    const before = await journalState(j);
    const r = await j.run(['meeting', 'edit', '1', '--date', '2026-11-19', '--with', 'Nobody']);
    expect(r.code).toBe(3);
    expect(await journalState(j)).toBe(before);
  });
});
