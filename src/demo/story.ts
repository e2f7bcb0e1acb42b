import type { AddRequest } from '../domain/capture.js';
import { addDays } from '../domain/dates.js';
import { recordMeeting } from '../storage/capture.js';
import { contactsNamed, insertContact, ME_ID } from '../storage/contacts.js';
import {
  setFollowUpDue,
  insertFollowUp,
  listFollowUps,
  setFollowUpStatus,
} from '../storage/follow-ups.js';
import { insertIntroduction } from '../storage/introductions.js';
import type { Db } from '../storage/journal.js';
import { nameOnlyContact, type ContactFields } from '../domain/contact.js';

const meeting = (names: string[], date: string, extra: Partial<AddRequest> = {}): AddRequest => ({
  names,
  kind: 'coffee',
  date,
  notes: null,
  learned: [],
  via: null,
  followUps: [],
  offered: [],
  gave: [],
  outreach: false,
  nudge: null,
  thankYou: true,
  forceNew: false,
  ...extra,
});

/**
 * A student's first month of networking, dated relative to today so the demo
 * always looks current: family and a former coach (inner circle), an alumna
 * met for an informational interview, a two-level introduction chain (Coach
 * Rivera → Priya Shah → Marcus Chen), a thank-you note still owed, an
 * introducer not yet told how it went, an offer waiting, a coach to
 * reconnect with, and Mom's birthday. Call inside a write transaction.
 */
export function writeDemoStory(
  db: Db,
  today: string,
  stamp: (day: string) => string,
): { thankYouId: number } {
  const day = (offset: number) => addDays(today, offset);
  const contact = (fields: Partial<ContactFields> & { name: string }, created: string) =>
    insertContact(db, { ...nameOnlyContact(fields.name), ...fields }, created);
  const record = (request: AddRequest) =>
    recordMeeting(db, request, request.date, stamp(request.date));
  const closeThankYou = (name: string, on: string) => {
    const [person] = contactsNamed(db, name);
    for (const f of listFollowUps(db, { contactId: person?.id })) {
      if (f.kind === 'thank_you') setFollowUpStatus(db, f.id, 'done', on);
    }
  };

  contact(
    {
      name: 'Mom',
      circle: 'inner',
      birthday: `${Number(today.slice(0, 4)) - 52}${today.slice(4)}`,
      tags: ['family'],
    },
    day(-40),
  );
  contact(
    {
      name: 'Coach Rivera',
      circle: 'inner',
      cadenceDays: 30,
      role: 'Track coach',
      company: 'Lincoln High',
      howMet: 'my old running coach',
    },
    day(-60),
  );
  record(
    meeting(['Coach Rivera'], day(-45), {
      kind: 'call',
      thankYou: false,
      learned: ['knows half the engineers in town'],
    }),
  );

  // The coach introduces Priya, who introduces Marcus: a two-level chain.
  const priya = contact(
    {
      name: 'Priya Shah',
      company: 'Northwind Labs',
      role: 'Data Scientist',
      circle: 'second',
      tags: ['data'],
    },
    day(-21),
  );
  insertIntroduction(
    db,
    {
      introducerId: idOf(db, 'Coach Rivera'),
      personId: priya,
      toId: ME_ID,
      date: day(-21),
      context: 'Priya ran with the team years ago',
    },
    stamp(day(-21)),
  );
  record(
    meeting(['Priya Shah'], day(-12), {
      notes: 'how she moved from physics into data science',
      learned: ['training for the city marathon'],
      offered: ['an intro to the hiring manager at Northwind'],
    }),
  );
  closeThankYou('Priya Shah', day(-11));
  // Coach Rivera was told how it went with Priya.
  for (const f of listFollowUps(db, { contactId: idOf(db, 'Coach Rivera') }))
    setFollowUpStatus(db, f.id, 'done', day(-10));
  // The offer was made 12 days ago: it came due a few days back.
  const offer = listFollowUps(db, { contactId: priya }).find((f) => f.kind === 'waiting');
  if (offer) setFollowUpDue(db, offer.id, day(-5));

  record(
    meeting(['Dr. Amara Okafor'], day(-9), {
      kind: 'interview',
      notes: 'informational interview: what a PhD in HCI is really like',
      learned: ['alumna, class of 2009', 'has two kids and a very old cat'],
      gave: ['the article on grad school funding'],
      outreach: true,
    }),
  );
  closeThankYou('Dr. Amara Okafor', day(-8));

  const marcus = contact(
    {
      name: 'Marcus Chen',
      company: 'Globex',
      role: 'UX Researcher',
      circle: 'third',
      tags: ['ux'],
    },
    day(-6),
  );
  insertIntroduction(
    db,
    {
      introducerId: priya,
      personId: marcus,
      toId: ME_ID,
      date: day(-6),
      context: 'Marcus is hiring a research intern',
    },
    stamp(day(-6)),
  );
  // First coffee with Marcus: a thank-you owed and Priya still to be told how it went.
  record(
    meeting(['Marcus Chen'], day(-2), {
      learned: ['plays jazz piano on Fridays'],
      followUps: [{ text: 'send Marcus my portfolio', due: day(2) }],
    }),
  );
  const thankYou = listFollowUps(db, { contactId: marcus }).find((f) => f.kind === 'thank_you');
  insertFollowUp(
    db,
    {
      contactId: idOf(db, 'Dr. Amara Okafor'),
      kind: 'action',
      text: 'ask about the spring research seminar',
      due: day(-1),
    },
    stamp(day(-3)),
  );
  return { thankYouId: thankYou?.id ?? 1 };
}

function idOf(db: Db, name: string): number {
  const [c] = contactsNamed(db, name);
  if (!c) throw new Error(`demo: no ${name}`);
  return c.id;
}
