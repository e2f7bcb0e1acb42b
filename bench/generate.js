// Deterministic journals for the benchmark, written through netjournal's own
// storage layer (dist/) into a folder the caller owns (never the repository).
import { join } from 'node:path';
import { addDays } from '../dist/domain/dates.js';
import { insertContact } from '../dist/storage/contacts.js';
import { insertFollowUp, setFollowUpStatus } from '../dist/storage/follow-ups.js';
import { insertIntroduction } from '../dist/storage/introductions.js';
import { openJournal, writeTransaction } from '../dist/storage/journal.js';
import { insertMeeting } from '../dist/storage/meetings.js';
import { insertNote } from '../dist/storage/notes.js';
import { withBulkWrite } from '../dist/storage/bulk-write.js';

export const SIZES = {
  S: { contacts: 1_000, meetings: 10_000, followUps: 3_000, introductions: 700 },
  M: { contacts: 10_000, meetings: 100_000, followUps: 30_000, introductions: 7_000 },
  L: { contacts: 30_000, meetings: 300_000, followUps: 90_000, introductions: 20_000 },
};

const FIRST = [
  'Ana',
  'Ben',
  'Chloé',
  'Dmitri',
  'Elena',
  'Farah',
  'George',
  'Hana',
  'Ivan',
  'José',
  'Kwame',
  'Lena',
  'Marcus',
  'Nadia',
  'Omar',
  'Priya',
  'Quinn',
  'Ralph',
  'Sofia',
  'Tomás',
  'Uma',
  'Victor',
  'Wen',
  'Xavier',
  'Yara',
  'Zoë',
];
const LAST = [
  'Álvarez',
  'Berg',
  'Chen',
  'Dubois',
  'Evans',
  'Fischer',
  'García',
  'Haddad',
  'Ito',
  'Jensen',
  'Kowalski',
  'Lee',
  'Müller',
  'Nguyen',
  'Okafor',
  'Park',
  'Quist',
  'Raman',
  'Smith',
  'Tanaka',
  'Ueda',
  'Varga',
  'Wong',
  'Xu',
  'Yilmaz',
  'Zhou',
];
const COMPANIES = [
  'Acme, Inc.',
  'Northwind Labs',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Stark Industries',
  'Wayne Enterprises',
  'Soylent',
  'Cyberdyne',
  'Tyrell',
  'Wonka Industries',
];
const ROLES = [
  'Engineer',
  'Designer',
  'Product Manager',
  'Recruiter',
  'Data Scientist',
  'Founder',
  'Head of Design',
  'VP Engineering',
];
const NOTES = [
  'runs marathons',
  'has two kids',
  'loves jazz piano',
  'moving to Lisbon',
  'climbs on Sundays',
  'studied perception research',
  'hiring in spring',
  'plays chess online',
];
const KINDS = ['coffee', 'lunch', 'call', 'video', 'meeting', 'event', 'email', 'message'];

/** A seeded pseudo-random generator (mulberry32): the same journal every run. */
function random(seed) {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

// The morning report has the same shape at every size, as for a real user
// whose journal grows with history rather than with daily work: a fixed
// number of follow-ups come due around today and a fixed number of
// keep-in-touch cadences are overdue; every other open follow-up is due
// later, and everyone else with a cadence was met within it. So a size
// comparison measures what the journal's size costs, not a longer report.
const DUE_SOON = 40; // open follow-ups due from 20 days ago to a week ahead
const OVERDUE_CADENCES = 15; // contacts whose cadence has run out
const CADENCE_EVERY = 33; // one contact in 33 keeps a cadence
const BIRTHDAYS = 300; // contacts with a birthday recorded

/** Write a journal of the given size at dir/journal-SIZE.db; returns facts the benchmark needs. */
export function generateJournal(dir, size, today, seed = 7) {
  const spec = SIZES[size];
  const r = random(seed);
  const path = join(dir, `journal-${size}.db`);
  const db = openJournal(path, { write: true, timestamp: `${today}T00:00:00.000Z` });
  const stamp = (day) => `${day}T09:00:00.000Z`;
  const hasCadence = (id) => id % CADENCE_EVERY === 0;
  let deepest = null;
  const meet = (date, people) => {
    const id = insertMeeting(
      db,
      {
        date,
        kind: KINDS[r(KINDS.length)],
        notes: r(3) === 0 ? NOTES[r(NOTES.length)] : null,
        outreach: r(10) === 0,
      },
      [...new Set(people)],
      stamp(date),
    );
    if (r(4) === 0)
      insertNote(
        db,
        { contactId: people[0], date, text: NOTES[r(NOTES.length)], meetingId: id },
        stamp(date),
      );
  };
  // Not an undoable command; the search index is built once at the end.
  writeTransaction(
    db,
    'bench generate',
    () =>
      withBulkWrite(db, { dropLookupIndexes: true }, () => {
        const cadences = new Map(); // contact id → cadence days, for those who keep one
        const keep = (id, days) => (days === null ? null : (cadences.set(id, days), days));
        for (let i = 1; i <= spec.contacts; i++) {
          insertContact(
            db,
            {
              name: `${FIRST[r(FIRST.length)]} ${LAST[r(LAST.length)]} ${i - 1}`,
              // Some people go by a nickname (0010); unique, as most nicknames in one journal are.
              aliases: i % 20 === 0 ? [`Nick${i}`] : [],
              company: COMPANIES[r(COMPANIES.length)],
              role: ROLES[r(ROLES.length)],
              email: r(3) === 0 ? `person${i}@example.com` : null,
              phone: null,
              url: r(2) === 0 ? `https://www.linkedin.com/in/person-${i}` : null,
              location: null,
              circle: ['inner', 'second', 'third'][r(3)],
              cadenceDays: keep(i, hasCadence(i) ? 30 + r(120) : null),
              birthday:
                i % Math.ceil(spec.contacts / BIRTHDAYS) === 0
                  ? `19${70 + r(30)}-${String(1 + r(12)).padStart(2, '0')}-${String(1 + r(28)).padStart(2, '0')}`
                  : null,
              tags: r(2) ? [['design', 'alumni', 'climbing', 'hiring'][r(4)]] : [],
              howMet: null,
            },
            addDays(today, -1400 - r(400)),
          );
        }
        // History: meetings over the last 1,000 days with people who keep no cadence.
        const anyone = () => {
          const id = 1 + r(spec.contacts);
          return hasCadence(id) ? id + 1 : id;
        };
        const cadenced = [...cadences.keys()];
        for (let i = 0; i < spec.meetings - cadenced.length; i++) {
          const people = [anyone()];
          if (r(5) === 0) people.push(anyone());
          meet(addDays(today, -r(1000)), people);
        }
        // People with a cadence were last met within it, except a few.
        cadenced.forEach((id, k) => {
          const cadence = cadences.get(id);
          const daysAgo = k < OVERDUE_CADENCES ? cadence + 1 + r(60) : r(cadence);
          meet(addDays(today, -daysAgo), [id]);
        });
        // Chains of introductions twelve deep: each introduced the next to me.
        const chainLength = 12;
        let made = 0;
        for (let start = 1; made < spec.introductions; start += chainLength + 1) {
          for (let k = 0; k < chainLength && made < spec.introductions; k++) {
            const person = ((start + k) % spec.contacts) + 1;
            insertIntroduction(
              db,
              {
                introducerId: ((start + k - 1) % spec.contacts) + 1,
                personId: person,
                toId: 0,
                date: addDays(today, -r(900)),
                context: null,
              },
              stamp(today),
            );
            made++;
            if (start === 1 && k === chainLength - 1) deepest = person;
          }
        }
        // Follow-ups: one in nine still open, DUE_SOON of them due around today.
        const open = Math.round(spec.followUps / 9);
        for (let i = 0; i < spec.followUps; i++) {
          const due =
            i < DUE_SOON
              ? addDays(today, -20 + r(28))
              : i < open
                ? addDays(today, 8 + r(720))
                : addDays(today, -r(900));
          const id = insertFollowUp(
            db,
            {
              contactId: 1 + r(spec.contacts),
              kind: ['action', 'thank_you', 'report_back', 'waiting'][r(4)],
              text: `follow up ${NOTES[r(NOTES.length)]}`,
              due,
            },
            stamp(due),
          );
          if (i >= open) setFollowUpStatus(db, id, r(5) === 0 ? 'dropped' : 'done', due);
        }
        return { result: undefined, changedContacts: [] };
      }),
    { undoable: false },
  );
  const deepestName = db.prepare('SELECT name FROM contacts WHERE id = ?').pluck().get(deepest);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { path, deepest: deepestName, openFollowUps: Math.round(spec.followUps / 9) };
}
