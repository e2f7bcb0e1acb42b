import { describe, expect, it } from 'vitest';
import { nameSearchTerms } from '../../src/domain/jot-words.js';
import { parseJot, splitJot, type JotCandidate } from '../../src/domain/jot.js';
import type { MeetingKind } from '../../src/domain/journal-types.js';
import { AmbiguousError, NetjournalError, NotFoundError, UsageError } from '../../src/errors.js';

// Today is Saturday 2026-11-21: yesterday is 11-20, monday 11-16, "sun" 11-15.
const TODAY = '2026-11-21';

const contact = (
  id: number,
  name: string,
  company: string | null = null,
  archived = false,
  aliases: string[] = [],
) => ({
  id,
  name,
  aliases,
  company,
  archived,
});

export const CONTACTS: JotCandidate[] = [
  contact(1, 'Ralph Smith', 'Acme'),
  contact(2, 'Lena Berg'),
  contact(3, 'Sarah Kim', 'Acme'),
  contact(4, 'Sarah Lee', 'Globex'),
  contact(5, 'Anna van der Berg'),
  contact(6, 'Jean-Luc Picard'),
  contact(7, 'Zoë Müller'),
  contact(8, '李明'),
  contact(9, 'Sun Li'),
  contact(10, 'April Jones'),
  contact(11, 'Bill Okafor'),
  contact(12, 'Rose Tyler'),
  contact(13, 'May Chen'),
  contact(14, 'Priya Raman'),
  contact(15, 'José García'),
  contact(16, "Mary-Kate O'Brien"),
  contact(17, 'Tom Baker', null, true),
  contact(18, 'Tom Hanks'),
  contact(19, 'Дмитрий Иванов'),
  contact(20, 'Chris Park', 'Initech'),
  contact(21, 'Chris Park'),
  // Nicknames (contact edit --alias): a shared one, and one that is someone's first name.
  contact(22, 'Rafael Ortiz', 'Acme', false, ['Rafa']),
  contact(23, 'Elisabeth Schmidt', null, false, ['Lisi', 'Big Liz']),
  contact(24, 'Elizabeth Warren', null, false, ['Lisi']),
  contact(25, 'Michelle Obama', null, false, ['Mimi']),
  contact(26, 'Mimi Rogers'),
  contact(27, 'Dmitri Petrov', null, false, ['Дима']),
];

/** people: contact ids, or names of new people; then kind, date, notes, learned. */
type Parsed = [
  sentence: string,
  people: (number | string)[],
  kind: MeetingKind | null,
  date: string | null,
  notes?: string | null,
  learned?: string[],
];

const PARSED: Parsed[] = [
  // nicknames name their contact as the whole name does
  ['coffee with Rafa yesterday', [22], 'coffee', '2026-11-20'],
  ['lunch w/ rafa and lena: the move to Berlin', [22, 2], 'lunch', null, 'the move to Berlin'],
  ['drinks with Big Liz and Rafael Ortiz on monday', [23, 22], 'coffee', '2026-11-16'],
  [
    'called дима 3 days ago +learned he got the visa',
    [27],
    'call',
    '2026-11-18',
    null,
    ['he got the visa'],
  ],
  ['zoom w/ big liz, rafa & Ralph', [23, 22, 1], 'video', null],
  // the issue's own sentence, and plain variations of it
  [
    'lunch with Ralph and Lena yesterday: she is moving to Berlin',
    [1, 2],
    'lunch',
    '2026-11-20',
    'she is moving to Berlin',
  ],
  [
    'lunch with ralph and lena yesterday: she is moving to Berlin',
    [1, 2],
    'lunch',
    '2026-11-20',
    'she is moving to Berlin',
  ],
  ['LUNCH WITH RALPH SMITH', [1], 'lunch', null],
  ['coffee with Ralph', [1], 'coffee', null],
  ['Ralph', [1], null, null],
  ['ralph smith, lena berg', [1, 2], null, null],
  ['Ralph & Lena, drinks', [1, 2], 'coffee', null],
  ['had a quick coffee with Ralph Smith today', [1], 'coffee', '2026-11-21'],
  ['grabbed coffee w/ Ralph', [1], 'coffee', null],
  // dates at the start and at the end, every form of the grammar
  ['yesterday: lunch with Lena', [2], 'lunch', '2026-11-20'],
  ['yesterday: lunch with Lena: she got the job', [2], 'lunch', '2026-11-20', 'she got the job'],
  ['3 days ago: call with Ralph — he is hiring', [1], 'call', '2026-11-18', 'he is hiring'],
  ['on monday: coffee with Lena', [2], 'coffee', '2026-11-16'],
  ['2026-11-02: coffee with Lena', [2], 'coffee', '2026-11-02'],
  ['coffee with Lena on monday', [2], 'coffee', '2026-11-16'],
  ['coffee with Lena Monday', [2], 'coffee', '2026-11-16'],
  ['monday coffee with Lena', [2], 'coffee', '2026-11-16'],
  ['called Ralph 2 weeks ago', [1], 'call', '2026-11-07'],
  ['called Ralph a week ago', [1], 'call', '2026-11-14'],
  ['phoned Ralph last friday', [1], 'call', '2026-11-20'],
  ['phoned Ralph 3d', [1], 'call', '2026-11-18'],
  ['video with Lena 2026-11-20', [2], 'video', '2026-11-20'],
  ['met Lena last week', [2], 'meeting', '2026-11-14'],
  ['coffee with Ralph at 10:30 yesterday', [1], 'coffee', '2026-11-20'],
  // kinds: the table, typos, weak words, pairs that make one kind
  ['cofee with Ralph', [1], 'coffee', null],
  ['coffe with Ralph', [1], 'coffee', null],
  ['lnuch with Lena', [2], 'lunch', null],
  ['breakfast with Lena', [2], 'lunch', null],
  ['dinner with Ralph and Lena', [1, 2], 'lunch', null],
  ['beers with Ralph', [1], 'coffee', null],
  ['zoom call with Lena', [2], 'video', null],
  ['video call with Ralph', [1], 'video', null],
  ['met Ralph for coffee', [1], 'coffee', null],
  ['lunch meeting with Ralph', [1], 'lunch', null],
  ['Met Ralph', [1], 'meeting', null],
  ['saw Lena at the meetup', [2], 'event', null],
  ['conference: met Ralph', [], null, null],
  ['interviewed with Lena', [2], 'interview', null],
  ['emailed Ralph', [1], 'email', null],
  ['e-mailed Ralph', [1], 'email', null],
  ['texted Lena', [2], 'message', null],
  ['dm Lena on monday', [2], 'message', '2026-11-16'],
  // names: particles, hyphens, accents, non-Latin scripts, apostrophes, ids
  ['coffee with Anna van der Berg', [5], 'coffee', null],
  ['coffee with anna van der berg and Lena', [5, 2], 'coffee', null],
  ['lunch with Jean-Luc Picard', [6], 'lunch', null],
  ['lunch with jean-luc', [6], 'lunch', null],
  ['call with zoe muller', [7], 'call', null],
  ['call with Zoë', [7], 'call', null],
  ['coffee with 李明 yesterday', [8], 'coffee', '2026-11-20'],
  ['звонок: call with Дмитрий Иванов', [], null, null],
  ['call with дмитрий', [19], 'call', null],
  ['lunch with jose garcia', [15], 'lunch', null],
  ["coffee with Mary-Kate O'Brien", [16], 'coffee', null],
  ["coffee at Ralph's", [1], 'coffee', null],
  ['coffee with #20', [20], 'coffee', null],
  ['coffee with #20 and #21', [20, 21], 'coffee', null],
  ['coffee with Sarah Kim and Sarah Lee', [3, 4], 'coffee', null],
  ['coffee with Tom', [18], 'coffee', null],
  ['coffee with Tom Baker', [17], 'coffee', null],
  ['coffee with Ralph and Ralph Smith', [1], 'coffee', null],
  // words that are names and ordinary words
  ['coffee with Sun Li on sun', [9], 'coffee', '2026-11-15'],
  ['coffee with Sun', [9], 'coffee', null],
  ['coffee with Ralph on Sun', [1], 'coffee', '2026-11-15'],
  ['coffee with April Jones', [10], 'coffee', null],
  ['coffee with April', [10], 'coffee', null],
  ['coffee with Ralph, may meet again', [1], 'coffee', null],
  ['lunch with May', [13], 'lunch', null],
  ['lunch with Rose and Bill', [12, 11], 'lunch', null],
  ['lunch with Ralph, bill split', [1], 'lunch', null],
  ['coffee with Ralph. rose early', [1], 'coffee', null],
  // new people, things learned
  ['coffee with **Omar Haddad**', ['Omar Haddad'], 'coffee', null],
  ['coffee with **omar haddad** and **Omar Haddad**', ['omar haddad'], 'coffee', null],
  ['coffee with [[Maya Patel]] and Ralph', ['Maya Patel', 1], 'coffee', null],
  [
    'coffee with **Maya Patel** +learned she runs marathons',
    ['Maya Patel'],
    'coffee',
    null,
    null,
    ['she runs marathons'],
  ],
  [
    'call with Lena: moving to Berlin +learned has two kids +learned likes jazz',
    [2],
    'call',
    null,
    'moving to Berlin',
    ['has two kids', 'likes jazz'],
  ],
  [
    'lunch with Lena — notes: with colons: kept whole',
    [2],
    'lunch',
    null,
    'notes: with colons: kept whole',
  ],
];

/** Sentences that must be refused, the exit code, and why. */
const REFUSED: [sentence: string, code: number, message: RegExp][] = [
  [
    'coffee with Lisi',
    3,
    /^"Lisi" matches 2 contacts: Elisabeth Schmidt \('#23'\), Elizabeth Warren \('#24'\)$/,
  ],
  [
    'lunch with mimi yesterday',
    3,
    /^"mimi" matches 2 contacts: Michelle Obama \('#25'\), Mimi Rogers \('#26'\)$/,
  ],
  [
    'coffee with Sarah',
    3,
    /^"Sarah" matches 2 contacts: Sarah Kim \('#3', Acme\), Sarah Lee \('#4', Globex\)$/,
  ],
  [
    'coffee with Chris Park',
    3,
    /^"Chris Park" matches 2 contacts: Chris Park \('#20', Initech\), Chris Park \('#21'\)$/,
  ],
  ['coffee with Lena and Marco', 2, /^could not place "Marco": no contact has that name$/],
  ['coffee with lena and marco', 2, /^could not place "marco"/],
  ['Marco and Lena, lunch', 2, /^could not place "Marco"/],
  [
    'coffee with Ralph at Blue Bottle',
    2,
    /^could not place "Blue", "Bottle": no contact has those names$/,
  ],
  ['coffee with Jean', 2, /^could not place "Jean"/],
  [
    'coffee with **Ralph Smith**',
    2,
    /^\*\*Ralph Smith\*\* is marked new, but Ralph Smith \('#1', Acme\) is already a contact$/,
  ],
  ['coffee with #99', 3, /^no contact #99$/],
  ['coffee and a call with Ralph', 2, /^two kinds of meeting in one sentence: coffee and call$/],
  [
    'coffee with Ralph monday yesterday',
    2,
    /^two dates in one sentence: "monday" and "yesterday"$/,
  ],
  ['coffee with Ralph tomorrow', 2, /can't be in the future/],
  ['coffee with Ralph next friday', 2, /can't be in the future/],
  ['coffee yesterday', 2, /^who did you meet\? no contact named in "coffee yesterday"$/],
  ['coffee with may', 2, /^who did you meet\?/],
  ['coffee with Ralph +learned', 2, /^\+learned needs some words$/],
];

function peopleOf(sentence: string): (number | string)[] {
  return parseJot(sentence, CONTACTS, TODAY).people.map((p) =>
    p.new ? p.name : (p.contactId as number),
  );
}

describe('jot reads a sentence', () => {
  it('has at least 60 sentences to read', () => {
    expect(PARSED.length + REFUSED.length).toBeGreaterThanOrEqual(60);
  });

  it.each(PARSED)('%s', (sentence, people, kind, date, notes = null, learned = []) => {
    if (people.length === 0) {
      // A colon early puts everything after it into the notes: no one is left to meet.
      expect(() => parseJot(sentence, CONTACTS, TODAY)).toThrow(/^who did you meet\?/);
      return;
    }
    const parsed = parseJot(sentence, CONTACTS, TODAY);
    expect({ ...parsed, people: peopleOf(sentence) }).toEqual({
      people,
      kind,
      date,
      notes,
      learned,
    });
    for (const p of parsed.people.filter((q) => !q.new)) {
      expect(p.name).toBe(CONTACTS.find((c) => c.id === p.contactId)?.name);
    }
  });

  it.each(REFUSED)('refuses %s (exit %i)', (sentence, code, message) => {
    let thrown: unknown;
    try {
      parseJot(sentence, CONTACTS, TODAY);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(NetjournalError);
    const err = thrown as NetjournalError;
    expect(err.exitCode).toBe(code);
    expect(err.message).toMatch(message);
    if (code === 3)
      expect(err instanceof AmbiguousError || err instanceof NotFoundError).toBe(true);
    else expect(err).toBeInstanceOf(UsageError);
  });

  it('says how to write a word it could not place', () => {
    expect(() => parseJot('coffee with Lena and Marco', CONTACTS, TODAY)).toThrow(
      expect.objectContaining({
        hint: `write **Marco** for a new person, a contact's full name or '#ID', or put other words after ":" as notes`,
      }),
    );
  });
});

describe('splitJot', () => {
  it.each([
    ['yesterday: lunch', { head: 'lunch', leadingDate: 'yesterday', notes: null, learned: [] }],
    [
      'lunch at 12:30 — fun',
      { head: 'lunch at 12:30', leadingDate: null, notes: 'fun', learned: [] },
    ],
    [
      'Ralph: ran late: twice',
      { head: 'Ralph', leadingDate: null, notes: 'ran late: twice', learned: [] },
    ],
    [
      'Ralph +learned +1 kid',
      { head: 'Ralph', leadingDate: null, notes: null, learned: ['+1 kid'] },
    ],
  ])('%s', (text, parts) => {
    expect(splitJot(text, TODAY)).toEqual(parts);
  });
});

describe('nameSearchTerms', () => {
  it('keeps the words that may be part of a name, in lower case, once each, and their neighbours', () => {
    expect(
      nameSearchTerms('Lunch with Ralph and Zoë, zoe and **Maya Patel** 3 days ago on Sun'),
    ).toEqual({
      words: ['ralph', 'zoë', 'zoe', 'maya', 'patel', 'sun'],
      pairs: ['zoë zoe', 'maya patel'],
    });
  });
});
