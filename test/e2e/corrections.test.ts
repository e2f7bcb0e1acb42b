import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type RunResult, type TempJournal } from '../helpers/run-cli.js';
import { spawnCli } from '../helpers/spawn-cli.js';

// Issue 16, "everything the user wrote can be corrected": notes, gifts,
// introductions and follow-ups are listed with their ids, corrected and
// removed by the built CLI, each undoable; a refused command writes nothing.

// 2026-11-21 is a Saturday. The journal each test starts from:
// Ralph Smith #1, Joe Park #2 (who introduced Ralph: introduction 1), Lena Berg #3.
// Meeting 1 (coffee with Ralph, 2026-11-19) noted "runs marathons" (note 1)
// and gave "a book on hiring" (gift 1); note 2 "has a dog" (2026-11-20).
// Follow-ups: 1 thank-you to Ralph (due 11-20), 2 report-back to Joe (due
// 11-21, introduction 1), 3 "send the deck" for Ralph (due 11-25).
let j: TempJournal;
beforeEach(async () => {
  j = tempJournal('2026-11-21');
  const seed = [
    [
      'add',
      'Ralph Smith',
      '--via',
      'Joe Park',
      '--date',
      '2026-11-19',
      '--learned',
      'runs marathons',
      '--gave',
      'a book on hiring',
      '--follow-up',
      'send the deck',
      '--due',
      '2026-11-25',
    ],
    ['note', 'Ralph Smith', 'has a dog', '--date', '2026-11-20'],
    ['contact', 'add', 'Lena Berg'],
  ];
  for (const args of seed) expect((await j.run(args)).code).toBe(0);
});
afterEach(() => j.remove());

const cli = (args: readonly string[]): RunResult => spawnCli(args, j.env);

function ok(args: readonly string[]): RunResult {
  const r = cli(args);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r;
}

/** The command exits with code and this one error line, prints nothing, and writes nothing. */
function refused(args: readonly string[], code: number, error: string): void {
  const before = readFileSync(j.path);
  expect(cli(args)).toEqual({ code, stdout: '', stderr: `netjournal: ${error}\n` });
  expect(readFileSync(j.path).equals(before)).toBe(true);
}

/** Everything the journal holds, as its full export. */
const everything = () => ok(['export', '--format', 'jsonl']).stdout;

/** Run a write, then undo it: the journal is exactly as before. */
function undoRestores(args: readonly string[]): RunResult {
  const before = everything();
  const result = ok(args);
  expect(everything()).not.toBe(before);
  // Issue 17, point 5: undo says what it undid, in words (test/cli/undo.test.ts has them).
  expect(ok(['undo']).stderr).toMatch(/^Undid: .+\.\n$/);
  expect(everything()).toBe(before);
  return result;
}

/** A write that changed nothing: exit 0, the record on stdout, no undo step, same journal. */
function unchanged(args: readonly string[], message: string): void {
  const before = everything();
  const lastStep = ok(['undo', '--dry-run']).stdout;
  const r = ok(args);
  expect(r.stderr).toBe(`${message}\n`);
  expect(everything()).toBe(before);
  expect(ok(['undo', '--dry-run']).stdout).toBe(lastStep);
}

describe('notes', () => {
  const NOTE_1 = '1\tRalph Smith\t1\t2026-11-19\truns marathons\t1';
  const NOTE_2 = '2\tRalph Smith\t1\t2026-11-20\thas a dog\t';

  it('lists every note newest first, with its id, in every format', () => {
    expect(ok(['notes'])).toEqual({
      code: 0,
      stdout: `id\tcontact\tcontactId\tdate\ttext\tmeetingId\n${NOTE_2}\n${NOTE_1}\n`,
      stderr: '',
    });
    expect(ok(['notes', '--format', 'csv']).stdout).toBe(
      'id,contact,contactId,date,text,meetingId\n' +
        '2,Ralph Smith,1,2026-11-20,has a dog,\n' +
        '1,Ralph Smith,1,2026-11-19,runs marathons,1\n',
    );
    expect(ok(['notes', '--json']).stdout).toBe(
      '[{"id":2,"contact":"Ralph Smith","contactId":1,"date":"2026-11-20","text":"has a dog","meetingId":null},' +
        '{"id":1,"contact":"Ralph Smith","contactId":1,"date":"2026-11-19","text":"runs marathons","meetingId":1}]\n',
    );
    expect(ok(['notes', '--format', 'jsonl']).stdout).toBe(
      '{"id":2,"contact":"Ralph Smith","contactId":1,"date":"2026-11-20","text":"has a dog","meetingId":null}\n' +
        '{"id":1,"contact":"Ralph Smith","contactId":1,"date":"2026-11-19","text":"runs marathons","meetingId":1}\n',
    );
    expect(ok(['notes', '--format', 'table']).stdout).toBe(
      'ID  DATE        CONTACT      TEXT\n' +
        ' 2  2026-11-20  Ralph Smith  has a dog\n' +
        ' 1  2026-11-19  Ralph Smith  runs marathons\n',
    );
  });

  it('lists one contact\'s notes, "[]" for none, and exits 3 for an unknown name', () => {
    expect(ok(['notes', 'ralph', '--format', 'tsv', '--no-header']).stdout).toBe(
      `${NOTE_2}\n${NOTE_1}\n`,
    );
    expect(ok(['notes', 'Lena Berg', '--json']).stdout).toBe('[]\n');
    expect(ok(['notes', 'Lena Berg', '--format', 'table']).stdout).toBe(
      'Nothing noted about Lena Berg yet. Add one with: netjournal note NAME TEXT\n',
    );
    refused(
      ['notes', 'Nobody Known'],
      3,
      'no contact named "Nobody Known" — add them with: netjournal contact add "Nobody Known"',
    );
  });

  it('prints an empty list on a missing journal and creates nothing', () => {
    const env = { ...j.env, NETJOURNAL_DB: `${j.dir}/none.db` };
    expect(spawnCli(['notes', '--json'], env)).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
    expect(spawnCli(['gifts', '--json'], env)).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
    expect(existsSync(`${j.dir}/none.db`)).toBe(false);
  });
});

describe('note edit', () => {
  it('corrects the text and the date, says what changed, and undo reverts it', () => {
    const r = undoRestores(['note', 'edit', '2', 'has two dogs', '--date', '2026-11-18', '--json']);
    expect(r.stderr).toBe(
      'Updated note 2 (Ralph Smith): date 2026-11-20 → 2026-11-18, text "has a dog" → "has two dogs".\n',
    );
    expect(r.stdout).toBe(
      '{"id":2,"contact":"Ralph Smith","contactId":1,"date":"2026-11-18","text":"has two dogs","meetingId":null}\n',
    );
  });

  it('corrects only the date when no text is given', () => {
    expect(ok(['note', 'edit', '#1', '--date', 'yesterday'])).toEqual({
      code: 0,
      stdout:
        'id\tcontact\tcontactId\tdate\ttext\tmeetingId\n1\tRalph Smith\t1\t2026-11-20\truns marathons\t1\n',
      stderr: 'Updated note 1 (Ralph Smith): date 2026-11-19 → 2026-11-20.\n',
    });
  });

  it('writes nothing when nothing changes', () => {
    unchanged(['note', 'edit', '2', 'has a dog'], 'Note 2 already reads so: nothing changed.');
  });

  it.each([
    [['note', 'edit', '9', 'x'], 3, "no note 9 — see the ids with 'netjournal notes'"],
    [
      ['note', 'edit', '2'],
      2,
      'nothing to change — give the new text or --date: netjournal note edit 2 "TEXT"',
    ],
    [['note', 'edit', '2', '  '], 2, 'the note cannot be empty — give the note some words'],
    [
      ['note', 'edit', '2', 'x', '--date', 'tomorrow'],
      2,
      "a note date can't be in the future (--date 2026-11-22) — give the date it happened, e.g. --date today, --date yesterday, --date 3d",
    ],
    [
      ['note', 'edit', 'two', 'x'],
      2,
      'invalid note id "two" — give the number shown in the list, e.g. 12',
    ],
  ])('%j is refused and writes nothing', (args, code, error) => {
    refused(args, code, error);
  });
});

describe('note rm', () => {
  it('removes a note without asking, says undo brings it back, and undo does', () => {
    const r = undoRestores(['note', 'rm', '1']);
    expect(r.stderr).toBe(
      'Removed note 1 (Ralph Smith: runs marathons). Undo with: netjournal undo\n',
    );
    expect(r.stdout).toBe(
      'id\tcontact\tcontactId\tdate\ttext\tmeetingId\n1\tRalph Smith\t1\t2026-11-19\truns marathons\t1\n',
    );
  });

  it('exits 3 for a note that is not there, writing nothing', () => {
    ok(['note', 'rm', '1']);
    refused(['note', 'rm', '1'], 3, "no note 1 — see the ids with 'netjournal notes'");
  });
});

describe('note NAME TEXT beside note edit|rm', () => {
  it('still notes about a contact named like a subcommand, by #ID or by its name', () => {
    expect(ok(['contact', 'add', 'Edit']).stderr).toBe('Added Edit (#4).\n');
    expect(ok(['note', '#4', 'plays chess']).stderr).toBe('Noted about Edit (note 3).\n');
    expect(ok(['note', 'Edit', 'likes tea']).stderr).toBe('Noted about Edit (note 4).\n');
    expect(ok(['note', 'add', 'edit', 'runs a bakery']).stderr).toBe(
      'Noted about Edit (note 5).\n',
    );
    expect(ok(['notes', 'Edit', '--format', 'tsv', '--no-header']).stdout).toBe(
      '5\tEdit\t4\t2026-11-21\truns a bakery\t\n' +
        '4\tEdit\t4\t2026-11-21\tlikes tea\t\n' +
        '3\tEdit\t4\t2026-11-21\tplays chess\t\n',
    );
    // "note edit TEXT" is the edit command: the text is no note id.
    refused(
      ['note', 'edit', 'likes tea'],
      2,
      'invalid note id "likes tea" — give the number shown in the list, e.g. 12',
    );
    // The command undo would revert (its label), as it was parsed.
    expect(JSON.parse(ok(['undo', '--dry-run', '--json']).stdout)).toMatchObject({
      command: 'note add edit runs a bakery',
      description: 'note 5 about Edit',
    });
  });

  it('keeps --date working for note NAME TEXT, before or after the words', () => {
    expect(ok(['note', '--date', '2026-11-01', 'Lena Berg', 'climbs']).stdout).toContain(
      '\t2026-11-01\tclimbs\t',
    );
    expect(ok(['note', 'Lena Berg', 'bakes', '--date', '2026-11-02']).stdout).toContain(
      '\t2026-11-02\tbakes\t',
    );
    // The command undo would revert (its label), as it was parsed.
    expect(JSON.parse(ok(['undo', '--dry-run', '--json']).stdout)).toMatchObject({
      command: 'note Lena Berg bakes',
      description: 'note 4 about Lena Berg',
    });
  });
});

describe('gifts and gift edit|rm', () => {
  it('lists gifts with their ids in every format, "[]" for someone given nothing', () => {
    expect(ok(['gifts']).stdout).toBe(
      'id\tcontact\tcontactId\tdate\ttext\tmeetingId\n1\tRalph Smith\t1\t2026-11-19\ta book on hiring\t1\n',
    );
    expect(ok(['gifts', '--json']).stdout).toBe(
      '[{"id":1,"contact":"Ralph Smith","contactId":1,"date":"2026-11-19","text":"a book on hiring","meetingId":1}]\n',
    );
    expect(ok(['gifts', 'Joe', '--json']).stdout).toBe('[]\n');
    expect(ok(['gifts', '--format', 'csv', '--no-header']).stdout).toBe(
      '1,Ralph Smith,1,2026-11-19,a book on hiring,1\n',
    );
  });

  it('gift rm removes one, and undo brings it back', () => {
    const r = undoRestores(['gift', 'rm', '1']);
    expect(r.stderr).toBe(
      'Removed gift 1 (Ralph Smith: a book on hiring). Undo with: netjournal undo\n',
    );
    ok(['gift', 'rm', '1']);
    expect(ok(['gifts', '--json']).stdout).toBe('[]\n');
    expect(ok(['gifts', '--format', 'table']).stdout).toBe(
      'No gifts recorded yet. Record one as you log a meeting: netjournal add "Ralph Smith" --gave "the article"\n',
    );
    refused(['gift', 'rm', '1'], 3, "no gift 1 — see the ids with 'netjournal gifts'");
  });

  it('gift edit corrects the text, and undo reverts it', () => {
    expect(undoRestores(['gift', 'edit', '1', 'a signed book on hiring']).stderr).toBe(
      'Updated gift 1 (Ralph Smith): text "a book on hiring" → "a signed book on hiring".\n',
    );
    refused(
      ['gift', 'edit', '1', '--date', '2026-12-01'],
      2,
      "a gift date can't be in the future (--date 2026-12-01) — give the date it happened, e.g. --date today, --date yesterday, --date 3d",
    );
  });
});

describe('intros rows have ids', () => {
  it('on the page and in every record format', () => {
    ok(['intro', 'me', 'Lena Berg', '--to', 'Ralph Smith', '--date', '2026-11-20']);
    expect(ok(['intros', '--format', 'table']).stdout).toBe(
      '2 introductions, newest first\n' +
        '2  2026-11-20  You introduced Lena Berg to Ralph Smith\n' +
        '1  2026-11-19  Joe Park introduced Ralph Smith to you · not reported back\n',
    );
    expect(ok(['intros', '--format', 'tsv', '--no-header']).stdout).toBe(
      '2\t2026-11-20\tme\tLena Berg\tRalph Smith\tfalse\n1\t2026-11-19\tJoe Park\tRalph Smith\tme\tfalse\n',
    );
  });
});

describe('intro edit', () => {
  it('changes the introducer, moves the open report-back to them, and undo reverts both', () => {
    const r = undoRestores(['intro', 'edit', '1', '--by', 'Lena']);
    expect(r.stderr).toBe(
      'Updated introduction 1: introducer Joe Park → Lena Berg.\n' +
        'Its open report-back, follow-up 2, is now for Lena Berg: "Tell Lena Berg how it went with Ralph Smith".\n',
    );
    expect(r.stdout).toBe(
      'id\tdate\tintroducer\tperson\tto\treportedBack\tcontext\n1\t2026-11-19\tLena Berg\tRalph Smith\tme\tfalse\t\n',
    );
  });

  it('corrects the date and the context, printing the record with --json', () => {
    const r = ok([
      'intro',
      'edit',
      '1',
      '--date',
      '2026-11-12',
      '--note',
      'met at the meetup',
      '--json',
    ]);
    expect(r.stderr).toBe(
      'Updated introduction 1: date 2026-11-19 → 2026-11-12, note (none) → "met at the meetup".\n',
    );
    expect(JSON.parse(r.stdout)).toEqual({
      id: 1,
      date: '2026-11-12',
      introducer: 'Joe Park',
      person: 'Ralph Smith',
      to: 'me',
      reportedBack: false,
      context: 'met at the meetup',
    });
    expect(ok(['intro', 'edit', '1', '--note', '']).stderr).toBe(
      'Updated introduction 1: note "met at the meetup" → (none).\n',
    );
  });

  it('removes the open report-back when the introduction is no longer to you', () => {
    const r = undoRestores(['intro', 'edit', '1', '--to', 'Lena Berg']);
    expect(r.stderr).toBe(
      'Updated introduction 1: to me → Lena Berg.\n' +
        'Removed its open report-back (follow-up 2): a report-back is owed only for an introduction to you.\n',
    );
  });

  it('writes nothing when nothing changes', () => {
    unchanged(
      ['intro', 'edit', '1', '--by', 'Joe Park'],
      'Introduction 1 already reads so: nothing changed.',
    );
  });

  it('refuses what intro refuses, and unknown ids or names, writing nothing', () => {
    ok(['intro', 'Lena Berg', 'Ralph Smith', '--date', '2026-11-20']);
    refused(
      ['intro', 'edit', '1', '--by', 'Ralph Smith'],
      2,
      'an introduction needs three different people: Ralph Smith would be introducer and person — change --by, --person or --to',
    );
    refused(
      ['intro', 'edit', '1', '--person', 'me'],
      2,
      'an introduction needs three different people: me would be person and --to — change --by, --person or --to',
    );
    refused(
      ['intro', 'edit', '2', '--by', 'Joe'],
      2,
      'that introduction is already recorded (introduction 1, 2026-11-19) — keep one of them: netjournal intro rm 2',
    );
    refused(
      ['intro', 'edit', '1', '--by', 'Nobody Known'],
      3,
      'no contact named "Nobody Known" — add them with: netjournal contact add "Nobody Known"',
    );
    refused(
      ['intro', 'edit', '9', '--date', 'today'],
      3,
      "no introduction 9 — see the ids with 'netjournal intros'",
    );
    refused(
      ['intro', 'edit', '1'],
      2,
      'nothing to change — give --date, --note, --by, --person or --to',
    );
    refused(
      ['intro', 'edit', '1', '--date', 'next week'],
      2,
      "an introduction date can't be in the future (--date 2026-11-28) — give the date it happened, e.g. --date today, --date yesterday, --date 3d",
    );
  });
});

describe('intro rm', () => {
  it('removes the introduction and its open report-back; undo brings both back', () => {
    const r = undoRestores(['intro', 'rm', '1']);
    expect(r.stderr).toBe(
      'Removed introduction 1 (Joe Park introduced Ralph Smith to you) and its open follow-up 2. Undo with: netjournal undo\n',
    );
    ok(['intro', 'rm', '1']);
    expect(ok(['intros', '--json']).stdout).toBe('{"introductions":[]}\n');
    expect(ok(['follow-ups', '--all', '--format', 'tsv', '--no-header']).stdout).not.toMatch(
      /report_back/,
    );
    refused(['intro', 'rm', '1'], 3, "no introduction 1 — see the ids with 'netjournal intros'");
  });

  it('keeps a report-back already done, unlinked from the removed introduction', () => {
    ok(['done', '2']);
    expect(ok(['intro', 'rm', '1']).stderr).toBe(
      'Removed introduction 1 (Joe Park introduced Ralph Smith to you). Undo with: netjournal undo\n',
    );
    const kept = JSON.parse(ok(['follow-ups', '--all', '--json']).stdout) as Record<
      string,
      unknown
    >[];
    expect(kept.find((f) => f.id === 2)).toMatchObject({ status: 'done', introductionId: null });
  });
});

describe('intro reported', () => {
  it('marks it reported back and closes the open report-back; undo reverts both', () => {
    const r = undoRestores(['intro', 'reported', '1']);
    expect(r.stderr).toBe(
      'Introduction 1 (Joe Park introduced Ralph Smith to you) marked reported back; follow-up 2 done.\n',
    );
    expect(r.stdout).toBe(
      'id\tdate\tintroducer\tperson\tto\treportedBack\tcontext\n1\t2026-11-19\tJoe Park\tRalph Smith\tme\ttrue\t\n',
    );
    ok(['intro', 'reported', '1']);
    refused(
      ['intro', 'reported', '1'],
      2,
      'introduction 1 is already marked reported back — nothing to change',
    );
  });

  it('works when no report-back follow-up exists', () => {
    ok(['intro', 'Lena Berg', 'Sam Lee']);
    expect(ok(['intro', 'reported', '2']).stderr).toBe(
      'Introduction 2 (Lena Berg introduced Sam Lee to you) marked reported back.\n',
    );
    expect(ok(['intros', '--by', 'Lena', '--format', 'tsv', '--no-header']).stdout).toBe(
      '2\t2026-11-21\tLena Berg\tSam Lee\tme\ttrue\n',
    );
  });

  it('refuses an introduction you made or one not to you, writing nothing', () => {
    ok(['intro', 'me', 'Lena Berg', '--to', 'Ralph Smith']);
    refused(
      ['intro', 'reported', '2'],
      2,
      'introduction 2 is not one to report back on (You introduced Lena Berg to Ralph Smith) — reporting back is telling whoever introduced someone to you how it went',
    );
    refused(
      ['intro', 'reported', '7'],
      3,
      "no introduction 7 — see the ids with 'netjournal intros'",
    );
  });
});

describe('intro --new', () => {
  it('makes PERSON a new contact even when the name exists', () => {
    expect(ok(['intro', 'Lena Berg', 'Ralph Smith', '--new']).stderr).toBe(
      'New contact: Ralph Smith (#4).\nLena Berg introduced Ralph Smith to you (introduction 2).\n',
    );
    // Without --new the name is the Ralph Smith you know (now two of them: ambiguous).
    const again = cli(['intro', 'Lena Berg', 'Ralph Smith']);
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/^netjournal: "Ralph Smith" matches 2 contacts/);
  });

  it('refuses --new when PERSON is you, writing nothing', () => {
    refused(
      ['intro', 'Lena Berg', 'me', '--to', 'Joe Park', '--new'],
      2,
      '--new makes PERSON a new contact, and "me" is you — drop --new, or name the new person as PERSON',
    );
  });
});

describe('follow-up edit', () => {
  it('corrects text, due date and kind of your own follow-up; undo reverts it', () => {
    const r = undoRestores([
      'follow-up',
      'edit',
      '3',
      '--text',
      'send the deck and the case study',
      '--due',
      'friday',
      '--kind',
      'waiting',
    ]);
    expect(r.stderr).toBe(
      'Updated follow-up 3 (Ralph Smith): kind action → waiting, due 2026-11-25 → 2026-11-27, text "send the deck" → "send the deck and the case study".\n',
    );
    expect(r.stdout).toBe(
      'id\tkind\tcontact\tcontactId\ttext\tdue\tstatus\tclosed\tmeetingId\tintroductionId\n' +
        '3\twaiting\tRalph Smith\t1\tsend the deck and the case study\t2026-11-27\topen\t\t1\t\n',
    );
  });

  it("changes a thank-you note's text and due date, but not its kind", () => {
    expect(
      ok(['follow-up', 'edit', '1', '--text', 'Thank Ralph for the book tip', '--due', 'monday'])
        .stderr,
    ).toBe(
      'Updated follow-up 1 (Ralph Smith): due 2026-11-20 → 2026-11-23, text "Thank Ralph Smith for the coffee" → "Thank Ralph for the book tip".\n',
    );
    refused(
      ['follow-up', 'edit', '1', '--kind', 'action'],
      2,
      'follow-up 1 is a thank-you note netjournal made: its kind stays thank_you — change its --text or --due, or drop it (netjournal drop 1) and add your own with netjournal follow-up',
    );
    refused(
      ['follow-up', 'edit', '3', '--kind', 'report-back'],
      2,
      '--kind report-back: netjournal makes report-backs itself, from the meetings you log — use --kind action (you do it) or --kind waiting (they offered)',
    );
  });

  it('writes nothing when nothing changes', () => {
    unchanged(
      ['follow-up', 'edit', '3', '--kind', 'action'],
      'Follow-up 3 already reads so: nothing changed.',
    );
  });

  it.each([
    [
      ['follow-up', 'edit', '3', '--due', 'yesterday'],
      2,
      '--due 2026-11-20 is in the past: a due date is today or later — give one ahead, e.g. --due today, --due friday, --due 2w',
    ],
    [
      ['follow-up', 'edit', '3', '--due', '101y'],
      2,
      '--due 2127-11-21 is more than 100 years ahead (after 2126-11-21) — give a date within 100 years, e.g. --due friday, --due 2w or --due 2026-12-21',
    ],
    [
      ['follow-up', 'edit', '3', '--kind', 'someday'],
      2,
      'unknown follow-up kind "someday" — use action or waiting',
    ],
    [
      ['follow-up', 'edit', '3', '--text', ''],
      2,
      '--text cannot be empty — give --text some words',
    ],
    [['follow-up', 'edit', '3'], 2, 'nothing to change — give --text, --due or --kind'],
    [
      ['follow-up', 'edit', '9', '--due', 'today'],
      3,
      "no follow-up 9 — see the ids with 'netjournal follow-ups --all'",
    ],
  ])('%j is refused and writes nothing', (args, code, error) => {
    refused(args, code, error);
  });

  it('still adds one with follow-up NAME TEXT --due --kind', () => {
    expect(
      ok(['follow-up', 'Lena', 'ask about Berlin', '--due', 'tomorrow', '--kind', 'waiting'])
        .stderr,
    ).toBe('Follow-up 4 for Lena Berg, due 2026-11-22.\n');
    // The command undo would revert (its label), as it was parsed.
    expect(JSON.parse(ok(['undo', '--dry-run', '--json']).stdout)).toMatchObject({
      command: 'follow-up Lena ask about Berlin',
      description: 'follow-up 4 for Lena Berg',
    });
  });
});

describe('reopen', () => {
  it('makes a done follow-up open again with its due date; undo reverts it', () => {
    ok(['done', '3']);
    const r = undoRestores(['reopen', '3']);
    expect(r.stderr).toBe(
      'Follow-up 3 (Ralph Smith: send the deck) reopened, due 2026-11-25 (in 4 days).\n',
    );
    expect(r.stdout).toBe(
      'id\tkind\tcontact\tcontactId\ttext\tdue\tstatus\tclosed\tmeetingId\tintroductionId\n' +
        '3\taction\tRalph Smith\t1\tsend the deck\t2026-11-25\topen\t\t1\t\n',
    );
  });

  it('keeps a past due date (overdue in today) unless --due gives a new one', () => {
    ok(['drop', '1']);
    expect(ok(['reopen', '1']).stderr).toBe(
      'Follow-up 1 (Ralph Smith: Thank Ralph Smith for the coffee) reopened, due 2026-11-20 (yesterday).\n',
    );
    ok(['drop', '1']);
    expect(ok(['reopen', '1', '--due', 'monday', '--json']).stdout).toMatch(
      /^\[\{"id":1,"kind":"thank_you",.*"due":"2026-11-23","status":"open","closed":null,/,
    );
  });

  it('reopening a done report-back marks its introduction not reported back', () => {
    ok(['done', '2']);
    expect(ok(['intros', '--json']).stdout).toContain('"reportedBack":true');
    expect(undoRestores(['reopen', '2']).stderr).toBe(
      'Follow-up 2 (Joe Park: Tell Joe Park how it went with Ralph Smith) reopened, due 2026-11-21 (today).\n' +
        'Introduction 1 is marked not reported back again.\n',
    );
  });

  it('refuses an open follow-up, an unknown id or a past --due, writing nothing', () => {
    ok(['done', '1']);
    refused(['reopen', '3'], 2, 'follow-up 3 is already open (due 2026-11-25) — nothing to reopen');
    refused(
      ['reopen', '1', '3'],
      2,
      'follow-up 3 is already open (due 2026-11-25) — reopen only the done or dropped ones',
    );
    refused(['reopen', '9'], 3, "no follow-up 9 — see the ids with 'netjournal follow-ups --all'");
    refused(
      ['reopen', '1', '--due', 'yesterday'],
      2,
      '--due 2026-11-20 is in the past: a due date is today or later — give one ahead, e.g. --due today, --due friday, --due 2w',
    );
  });
});
