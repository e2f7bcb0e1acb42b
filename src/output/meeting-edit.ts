import type { FollowUp, Meeting } from '../domain/journal-types.js';
import type { RemovalReason } from '../domain/replan.js';
import { describeChanges, fieldChanges, type FieldChange } from './changes.js';
import type { JsonRecord } from './record-view.js';
import { forTerminal } from './sanitize.js';
import { followUpView, meetingView } from './views/journal-views.js';

/** What `meeting edit` changed: the meeting's fields, and the follow-ups it re-planned. */
export interface MeetingEdit {
  before: Meeting;
  after: Meeting;
  added: readonly FollowUp[];
  moved: readonly { followUp: FollowUp; from: string }[];
  removed: readonly {
    followUp: FollowUp;
    reason: RemovalReason;
    person: { name: string } | null;
  }[];
  /** Nudges closed because the edit added the person they wait on. */
  answered: readonly FollowUp[];
}

function fields(m: Meeting): Record<string, string | null> {
  return {
    date: m.date,
    kind: m.kind,
    people: m.contacts.map((c) => c.name).join(', '),
    notes: m.notes,
    outreach: m.outreach ? 'yes' : 'no',
  };
}

/** The meeting's fields that the edit changed (notes quoted). */
export function meetingFieldChanges(edit: MeetingEdit): FieldChange[] {
  return fieldChanges(fields(edit.before), fields(edit.after), ['notes']);
}

// "thank-you for Omar Haddad", "report-back to Joe Park", "nudge for Priya Raman"
function label(f: FollowUp): string {
  const name = forTerminal(f.contact.name);
  if (f.kind === 'thank_you') return `thank-you for ${name}`;
  if (f.kind === 'report_back') return `report-back to ${name}`;
  return `nudge for ${name}`;
}

function why(r: MeetingEdit['removed'][number], kind: string): string {
  const person = r.person ? forTerminal(r.person.name) : 'the person introduced';
  switch (r.reason) {
    case 'left':
      return r.followUp.kind === 'report_back'
        ? `${person} is no longer in the meeting`
        : 'no longer in the meeting';
    case 'kind':
      return `no thank-you after ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
    case 'not_first':
      return `not the first meeting with ${person}`;
    case 'not_outreach':
      return 'no longer outreach';
  }
}

/**
 * `Updated meeting 4: date 2026-11-20 → 2026-11-18; thank-you for Omar
 * Haddad moved to 2026-11-19; removed thank-you for Omar Haddad (no longer
 * in the meeting); added thank-you for Lena Berg (follow-up 9, due
 * 2026-11-19).`, sanitised for a terminal.
 */
export function meetingEditSummary(edit: MeetingEdit): string {
  const changes = meetingFieldChanges(edit);
  const parts = [
    ...(changes.length ? [describeChanges(changes)] : []),
    ...edit.moved.map((m) => `${label(m.followUp)} moved to ${m.followUp.due}`),
    ...edit.removed.map((r) => `removed ${label(r.followUp)} (${why(r, edit.after.kind)})`),
    ...edit.added.map((f) => `added ${label(f)} (follow-up ${f.id}, due ${f.due})`),
    ...edit.answered.map((f) => `they replied: follow-up ${f.id} (${forTerminal(f.text)}) done`),
  ];
  const id = edit.after.id;
  return parts.length
    ? `Updated meeting ${id}: ${parts.join('; ')}.`
    : `Meeting ${id} already reads so: nothing changed.`;
}

/**
 * `meeting edit --json`: the meeting's record, what changed in it
 * (`changes`: field, before, after) and the follow-ups re-planned
 * (`replanned`: added, moved with the due it had as `from`, removed with
 * a `reason`: left, kind, not_first or not_outreach), and, as `add` has
 * it, `answered`: the nudges closed because the edit added their person.
 */
export function meetingEditJson(edit: MeetingEdit): JsonRecord {
  return {
    ...meetingView.toRecord(edit.after),
    changes: meetingFieldChanges(edit).map(({ field, before, after }) => ({
      field,
      before,
      after,
    })),
    replanned: {
      added: edit.added.map(followUpView.toRecord),
      moved: edit.moved.map((m) => ({ ...followUpView.toRecord(m.followUp), from: m.from })),
      removed: edit.removed.map((r) => ({
        ...followUpView.toRecord(r.followUp),
        reason: r.reason,
      })),
    },
    ...(edit.answered.length ? { answered: edit.answered.map(followUpView.toRecord) } : {}),
  };
}
