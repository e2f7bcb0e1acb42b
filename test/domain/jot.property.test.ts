import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseJot, splitJot, type JotCandidate } from '../../src/domain/jot.js';
import { foldName } from '../../src/domain/names.js';
import { insertContact } from '../../src/storage/contacts.js';
import { openMemoryJournal, type Db } from '../../src/storage/journal.js';
import { jotCandidates } from '../../src/storage/jot-candidates.js';
import { contactFields } from '../helpers/contact-fields.js';

// For any contact list and any sentence built from it, jot names exactly the
// contacts written in the sentence's head, by full name or by nickname: none
// invented (not even one named only in the notes), none dropped; and
// storage's candidates, read from the name index, always hold them.

const TODAY = '2026-11-21';
const FIRST = [
  'Ralph',
  'Lena',
  'Zoë',
  'José',
  'Anna',
  'Jean-Luc',
  'Дмитрий',
  '李',
  'Sun',
  'April',
  'Bill',
];
const LAST = [
  'Smith',
  'Berg',
  'van der Berg',
  'García',
  'Müller',
  "O'Brien",
  'Иванов',
  '明',
  'Li',
  'Okafor',
];
// Nicknames no first or last name above is (a shared one is ambiguous: jot.test.ts).
const NICKS = ['Rafa', 'Dima', 'Lenchen', 'Jojo', 'Zé', 'Bibi', 'Mimi', 'Big Al', 'Sasha'];
const KINDS = ['coffee', 'lunch with', 'called', 'zoom with', 'met', 'Dinner with', 'cofee w/'];
const DATES = ['', 'yesterday', 'on monday', '3 days ago', '2026-11-02', 'last week'];
const JOINS = [' and ', ', ', ' & ', ' + '];

const contactList = fc
  .uniqueArray(fc.record({ first: fc.constantFrom(...FIRST), last: fc.constantFrom(...LAST) }), {
    minLength: 1,
    maxLength: 12,
    selector: (c) => foldName(`${c.first} ${c.last}`),
  })
  .chain((people) =>
    // Each contact's nickname, if any: no two share one.
    fc
      .shuffledSubarray([...NICKS, ...people.map(() => null)], {
        minLength: people.length,
        maxLength: people.length,
      })
      .map((nicks) => people.map((p, i) => ({ ...p, nick: nicks[i] ?? null }))),
  );

/** A sentence naming some of the contacts (by full name, in any case), maybe others in the notes. */
const scenario = contactList.chain((people) => {
  const contacts: JotCandidate[] = people.map((p, i) => ({
    id: i + 1,
    name: `${p.first} ${p.last}`,
    aliases: p.nick === null ? [] : [p.nick],
    company: null,
    archived: false,
  }));
  return fc.record({
    contacts: fc.constant(contacts),
    named: fc.shuffledSubarray(contacts, { minLength: 1 }),
    inNotes: fc.subarray(contacts),
    lower: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    byNick: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    kind: fc.constantFrom(...KINDS),
    date: fc.constantFrom(...DATES),
    dateFirst: fc.boolean(),
    join: fc.constantFrom(...JOINS),
  });
});

function sentenceOf(s: Scenario): string {
  const names = s.named.map((c, i) => {
    const written = s.byNick[i] && c.aliases[0] !== undefined ? c.aliases[0] : c.name;
    return s.lower[i] ? written.toLowerCase() : written;
  });
  const notes = s.inNotes.length
    ? `: also talked about ${s.inNotes.map((c) => c.name).join(' and ')}`
    : '';
  const head = `${s.kind} ${names.join(s.join)}`;
  if (s.date === '') return `${head}${notes}`;
  return s.dateFirst ? `${s.date}: ${head}${notes}` : `${head} ${s.date}${notes}`;
}

type Scenario = {
  contacts: JotCandidate[];
  named: JotCandidate[];
  inNotes: JotCandidate[];
  lower: boolean[];
  byNick: boolean[];
  kind: string;
  date: string;
  dateFirst: boolean;
  join: string;
};

describe('jot, for any contacts and a sentence built from them', () => {
  it('names exactly the contacts the sentence names, in order', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const parsed = parseJot(sentenceOf(s), s.contacts, TODAY);
        expect(parsed.people.map((p) => p.contactId)).toEqual(s.named.map((c) => c.id));
        expect(parsed.people.every((p) => !p.new)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  describe('storage finds every one of them through the name index', () => {
    let db: Db;
    beforeEach(() => {
      db = openMemoryJournal('2026-11-21T00:00:00.000Z');
    });
    afterEach(() => db.close());

    it('candidates hold the named contacts, and the parse is the same as against all', () => {
      fc.assert(
        fc.property(scenario, (s) => {
          db.exec('SAVEPOINT p');
          try {
            const ids = new Map<number, number>();
            for (const c of s.contacts)
              ids.set(
                c.id,
                insertContact(db, contactFields(c.name, { aliases: [...c.aliases] }), TODAY),
              );
            const sentence = sentenceOf(s);
            const candidates = jotCandidates(db, splitJot(sentence, TODAY).head);
            const parsed = parseJot(sentence, candidates, TODAY);
            expect(parsed.people.map((p) => p.contactId)).toEqual(
              s.named.map((c) => ids.get(c.id)),
            );
          } finally {
            db.exec('ROLLBACK TO p; RELEASE p');
          }
        }),
        { numRuns: 100 },
      );
    });
  });
});
