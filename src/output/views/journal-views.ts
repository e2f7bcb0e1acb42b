import type { FollowUp, Gift, Introduction, Meeting, Note } from '../../domain/journal-types.js';
import {
  FOLLOW_UP_FIELDS,
  INTRODUCTION_FIELDS,
  MEETING_FIELDS,
  NOTE_FIELDS,
  followUpRecord,
  introductionRecord,
  meetingRecord,
  noteRecord,
} from '../record-fields.js';
import type { RecordView } from '../record-view.js';
import { followUpState, relativeDay } from '../relative.js';

const dim = (t: string, _r: unknown, term: { chalk: { dim(s: string): string } }) =>
  term.chalk.dim(t);

/** Follow-up records. */
export const followUpView: RecordView<FollowUp> = {
  fields: FOLLOW_UP_FIELDS,
  toRecord: followUpRecord,
  columns: (today) => [
    { header: 'ID', text: (f) => String(f.id), style: dim, align: 'right' },
    {
      // One column for where it stands: "3 days late", "due today", "done 2026-12-18".
      header: 'STATUS',
      text: (f) => followUpState(f, today),
      style: (t, f, term) =>
        f.status !== 'open'
          ? term.chalk.dim(t)
          : f.due < today
            ? term.chalk.red(t)
            : f.due === today
              ? term.chalk.yellow(t)
              : t,
    },
    { header: 'KIND', text: (f) => f.kind.replace('_', '-') },
    {
      header: 'CONTACT',
      text: (f) => f.contact.name,
      style: (t, _f, term) => term.chalk.bold(t),
      shrink: 'last',
    },
    { header: 'TEXT', text: (f) => f.text, shrink: 'first', wrap: true },
  ],
  empty: 'No open follow-ups. Add one with: netjournal follow-up "Ralph Smith" "send the article"',
};

/** Meeting records. */
export const meetingView: RecordView<Meeting> = {
  fields: MEETING_FIELDS,
  toRecord: meetingRecord,
  columns: (today) => [
    { header: 'ID', text: (m) => String(m.id), style: dim, align: 'right' },
    { header: 'DATE', text: (m) => m.date },
    { header: 'WHEN', text: (m) => relativeDay(m.date, today), style: dim },
    { header: 'KIND', text: (m) => m.kind + (m.outreach ? ' (outreach)' : '') },
    {
      header: 'WITH',
      text: (m) => m.contacts.map((c) => c.name).join(', '),
      style: (t, _m, term) => term.chalk.bold(t),
      shrink: 'last',
    },
    { header: 'NOTES', text: (m) => m.notes ?? '', shrink: 'first', wrap: true },
  ],
  empty: 'No meetings logged. Log one with: netjournal add "Ralph Smith" --kind coffee',
};

/** Note records (things learned). */
export const noteView: RecordView<Note> = {
  fields: NOTE_FIELDS,
  toRecord: noteRecord,
  columns: () => [
    { header: 'ID', text: (n) => String(n.id), style: dim, align: 'right' },
    { header: 'DATE', text: (n) => n.date },
    { header: 'CONTACT', text: (n) => n.contact.name, shrink: 'last' },
    { header: 'TEXT', text: (n) => n.text, shrink: 'first', wrap: true },
  ],
  empty: 'Nothing learned yet.',
};

/** Gift records (things given). */
export const giftView: RecordView<Gift> = { ...noteView, empty: 'Nothing given yet.' };

/** Introduction records, people named by name ("me" for the user). */
export const introductionView: RecordView<Introduction> = {
  fields: INTRODUCTION_FIELDS,
  toRecord: introductionRecord,
  columns: () => [
    { header: 'ID', text: (i) => String(i.id), style: dim, align: 'right' },
    { header: 'DATE', text: (i) => i.date },
    { header: 'INTRODUCER', text: (i) => i.introducer.name, shrink: 'last' },
    {
      header: 'PERSON',
      text: (i) => i.person.name,
      style: (t, _i, term) => term.chalk.bold(t),
      shrink: 'last',
    },
    { header: 'TO', text: (i) => i.to.name, shrink: 'last' },
    { header: 'REPORTED', text: (i) => (i.reportedBack ? 'yes' : 'no') },
    { header: 'CONTEXT', text: (i) => i.context ?? '', shrink: 'first', wrap: true },
  ],
  empty: 'No introductions recorded. Record one with: netjournal intro "Joe Park" "Ralph Smith"',
};
