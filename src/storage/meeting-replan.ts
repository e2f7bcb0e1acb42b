import { planFollowUps, type Participant } from '../domain/capture.js';
import { addDays } from '../domain/dates.js';
import type { ContactRef, FollowUp, Meeting } from '../domain/journal-types.js';
import {
  choicesOf,
  replanFollowUps,
  type MeetingFollowUp,
  type RemovalReason,
} from '../domain/replan.js';
import { ME_ID } from './contacts.js';
import {
  deleteFollowUp,
  followUpById,
  insertFollowUp,
  listFollowUps,
  openNudgesAnsweredBy,
  setFollowUpDue,
  setFollowUpStatus,
} from './follow-ups.js';
import { introductionToMe } from './introductions.js';
import type { Db } from './journal.js';
import { meetingById, setParticipants, updateMeeting, type MeetingInput } from './meetings.js';
import { statement } from './sqlite.js';

/** What re-planning an edited meeting's follow-ups wrote. */
export interface ReplannedFollowUps {
  added: FollowUp[];
  /** Still planned, due on the edited meeting's date plus a day or two: `from` is the old due. */
  moved: { followUp: FollowUp; from: string }[];
  /** As they were before removal; person: a report-back's person introduced. */
  removed: { followUp: FollowUp; reason: RemovalReason; person: ContactRef | null }[];
}

type MadeFollowUp = MeetingFollowUp & { personName: string | null };

/** Every follow-up a meeting made, whatever its status, oldest first. */
function followUpsMadeBy(db: Db, meetingId: number): MadeFollowUp[] {
  return statement(
    db,
    `SELECT f.id, f.kind, f.template, f.contact_id AS contactId,
            f.introduction_id AS introductionId, i.person_id AS personId,
            p.name AS personName, f.due, f.status
       FROM follow_ups f LEFT JOIN introductions i ON i.id = f.introduction_id
       LEFT JOIN contacts p ON p.id = i.person_id
      WHERE f.meeting_id = ? ORDER BY f.id`,
  ).all(meetingId) as MadeFollowUp[];
}

/**
 * The meeting's people as the planner needs them. A report-back is owed
 * once per introduction: a meeting that made one keeps it while the person
 * stays in it, wherever its date moves (else moving the first meeting after
 * a later one would lose it); an introduction whose report-back another
 * meeting (or the user) made gets no second one; otherwise the meeting
 * must be the first with the person, by date (then id on the same day).
 */
function participantsOf(db: Db, meeting: Meeting): Participant[] {
  const earlier = statement(
    db,
    `SELECT count(*) AS n FROM meeting_contacts mc JOIN meetings m ON m.id = mc.meeting_id
      WHERE mc.contact_id = @contactId AND m.id <> @id
        AND (m.date < @date OR (m.date = @date AND m.id < @id))`,
  );
  const reportedElsewhere = statement(
    db,
    `SELECT 1 FROM follow_ups WHERE introduction_id = ? AND kind = 'report_back'
        AND (meeting_id IS NULL OR meeting_id <> ?) LIMIT 1`,
  );
  const reportedHere = statement(
    db,
    `SELECT 1 FROM follow_ups WHERE introduction_id = ? AND kind = 'report_back'
        AND meeting_id = ? LIMIT 1`,
  );
  return meeting.contacts.map((p) => {
    const intro = introductionToMe(db, p.id, ME_ID);
    const owed =
      intro !== undefined &&
      intro.introducer.id !== ME_ID &&
      reportedElsewhere.get(intro.id, meeting.id) === undefined;
    const owns = owed && reportedHere.get(intro.id, meeting.id) !== undefined;
    return {
      ...p,
      priorMeetings: owns
        ? 0
        : (earlier.get({ contactId: p.id, id: meeting.id, date: meeting.date }) as { n: number }).n,
      introducer: owed
        ? { id: intro.introducer.id, name: intro.introducer.name, introductionId: intro.id }
        : null,
    };
  });
}

/**
 * Re-plan the follow-ups a meeting made after an edit (domain/replan.ts
 * says the rules): moves, removes and adds through the write path, so they
 * join the edit's change group and one `undo` reverts the whole edit. Call
 * inside the edit's write transaction, after the meeting itself changed.
 */
export function replanMeetingFollowUps(
  db: Db,
  before: Meeting,
  after: Meeting,
  today: string,
  created: string,
): ReplannedFollowUps {
  const existing = followUpsMadeBy(db, after.id);
  const choices = choicesOf(before, existing);
  // A new nudge waits as long as the meeting's others do; else `add`'s week from today.
  const nudgeDue = existing.find((f) => f.template === 'nudge')?.due ?? addDays(today, 7);
  const plan = (m: Meeting) =>
    planFollowUps(
      {
        kind: m.kind,
        date: m.date,
        outreach: m.outreach,
        thankYou: choices.thankYou,
        nudge: choices.nudge ? nudgeDue : null,
        followUps: [],
        offered: [],
      },
      participantsOf(db, m),
      today,
    );
  const replan = replanFollowUps(existing, plan(before), plan(after), {
    kind: after.kind,
    outreach: after.outreach,
    contactIds: after.contacts.map((c) => c.id),
  });
  const removed = replan.removed.map(({ item, reason }) => {
    const followUp = followUpById(db, item.id) as FollowUp;
    deleteFollowUp(db, item.id);
    const { personId, personName } = item as MadeFollowUp;
    const person =
      personId === null || personName === null ? null : { id: personId, name: personName };
    return { followUp, reason, person };
  });
  const moved = replan.moved.map(({ item, due }) => {
    setFollowUpDue(db, item.id, due);
    return { followUp: followUpById(db, item.id) as FollowUp, from: item.due };
  });
  const added = replan.added.map((p) => {
    const id = insertFollowUp(db, { ...p, meetingId: after.id }, created);
    return followUpById(db, id) as FollowUp;
  });
  return { added, moved, removed };
}

/** A meeting's correction: its fields, and its people when they change. */
export interface MeetingCorrection extends MeetingInput {
  contactIds?: readonly number[];
}

/** What `meeting edit` wrote: the meeting before and after, and the follow-ups re-planned. */
export interface MeetingEditResult extends ReplannedFollowUps {
  before: Meeting;
  after: Meeting;
  /** Nudges of earlier outreach to people the edit added: the meeting is their reply, as in `add`. */
  answered: FollowUp[];
}

/**
 * Correct a meeting and re-plan the follow-ups it made when what they
 * depend on changed (date, kind, outreach, people: not the notes). Removed
 * follow-ups are returned as they read before the edit (a kind's new
 * wording is not theirs). Call inside a write transaction.
 */
export function editMeeting(
  db: Db,
  before: Meeting,
  correction: MeetingCorrection,
  today: string,
  created: string,
): MeetingEditResult {
  const { contactIds, ...fields } = correction;
  const madeBefore = new Map(
    listFollowUps(db, { all: true, meetingId: before.id }).map((f) => [f.id, f]),
  );
  updateMeeting(db, before.id, fields);
  if (contactIds) setParticipants(db, before.id, contactIds);
  const after = meetingById(db, before.id) as Meeting;
  const ids = (m: Meeting) => m.contacts.map((c) => c.id).join();
  const matters =
    after.date !== before.date ||
    after.kind !== before.kind ||
    after.outreach !== before.outreach ||
    ids(after) !== ids(before);
  if (!matters) return { before, after, added: [], moved: [], removed: [], answered: [] };
  // Meeting someone you reached out to is their reply: a person added now closes their nudges.
  const had = new Set(before.contacts.map((c) => c.id));
  const answered = openNudgesAnsweredBy(
    db,
    after.contacts.map((c) => c.id).filter((id) => !had.has(id)),
    after.date,
  ).filter((f) => f.meetingId !== after.id);
  for (const f of answered) setFollowUpStatus(db, f.id, 'done', today);
  const replanned = replanMeetingFollowUps(db, before, after, today, created);
  const removed = replanned.removed.map((r) => ({
    ...r,
    followUp: madeBefore.get(r.followUp.id) ?? r.followUp,
  }));
  return {
    before,
    after,
    ...replanned,
    removed,
    answered: answered.map((f) => followUpById(db, f.id) as FollowUp),
  };
}
