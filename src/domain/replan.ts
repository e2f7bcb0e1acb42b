import type { FollowUpTemplate, PlannedFollowUp } from './capture.js';
import {
  NO_THANK_YOU_KINDS,
  type FollowUpKind,
  type FollowUpStatus,
  type MeetingKind,
} from './journal-types.js';

/** A follow-up a meeting made, as re-planning it needs to know it. */
export interface MeetingFollowUp {
  id: number;
  kind: FollowUpKind;
  template: FollowUpTemplate | null;
  contactId: number;
  introductionId: number | null;
  /** For a report-back: the person its introduction introduced. */
  personId: number | null;
  due: string;
  status: FollowUpStatus;
}

/** Why an open follow-up an edited meeting made is no longer planned. */
export type RemovalReason =
  /** its contact (or, for a report-back, the person introduced) is no longer in the meeting */
  | 'left'
  /** a thank-you after an email, message or other */
  | 'kind'
  /** a report-back: the meeting is no longer the first with the person introduced */
  | 'not_first'
  /** a nudge: the meeting is no longer outreach */
  | 'not_outreach';

/** What re-planning a meeting's follow-ups does: keep (moving some), remove, add. */
export interface Replan {
  /** Open follow-ups still planned whose due date follows the meeting's new date. */
  moved: { item: MeetingFollowUp; due: string }[];
  removed: { item: MeetingFollowUp; reason: RemovalReason }[];
  added: PlannedFollowUp[];
}

/**
 * Which planned follow-up an item is: a thank-you per contact, a report-back
 * per introduction, a nudge per contact; null for the user's own items
 * (--follow-up, --offered, a rewritten nudge), which re-planning leaves alone.
 * A thank-you or report-back whose text the user rewrote is still the one
 * owed for this meeting (only its words are the user's), so its kind says it.
 */
export function planKey(f: {
  kind: FollowUpKind;
  template: FollowUpTemplate | null;
  contactId: number;
  introductionId: number | null;
}): string | null {
  if (f.kind === 'thank_you') return `thank_you ${f.contactId}`;
  if (f.kind === 'report_back') return `report_back ${f.introductionId ?? '-'} ${f.contactId}`;
  if (f.template === 'nudge') return `nudge ${f.contactId}`;
  return null;
}

/**
 * What `add` was told, read back from what it made: a meeting of a kind
 * that gets thank-yous but has none at all (done and dropped ones count)
 * was logged with --no-thank-you, or its thank-yous were all removed; an
 * outreach with no nudge was logged with --no-nudge. Either way the edit
 * keeps that choice. A meeting whose kind gets no thank-yous cannot tell,
 * and gets `add`'s default.
 */
export function choicesOf(
  meeting: { kind: MeetingKind; outreach: boolean },
  existing: readonly MeetingFollowUp[],
): { thankYou: boolean; nudge: boolean } {
  return {
    thankYou:
      NO_THANK_YOU_KINDS.includes(meeting.kind) || existing.some((f) => f.kind === 'thank_you'),
    nudge: !meeting.outreach || existing.some((f) => f.template === 'nudge'),
  };
}

/** The meeting as it is after the edit, for telling why something is no longer planned. */
export interface EditedMeeting {
  kind: MeetingKind;
  outreach: boolean;
  contactIds: readonly number[];
}

/**
 * Reconcile the follow-ups an edited meeting made with the plan `add` would
 * make for it now (planFollowUps for the meeting before and after the edit):
 * - an open item still planned stays; a thank-you or report-back moves to
 *   its planned due date (the meeting's date plus one or two days); a nudge
 *   keeps its due (it counted from the day it was logged, not the meeting);
 * - an open item no longer planned is removed (netjournal made it, the
 *   meeting no longer calls for it, and `undo` brings it back);
 * - a planned item with none made is added, but only when the meeting as it
 *   was did not call for it too: one that was planned and is gone was
 *   removed by the user, and stays gone;
 * - done and dropped items are history: untouched, and they count as made.
 */
export function replanFollowUps(
  existing: readonly MeetingFollowUp[],
  before: readonly PlannedFollowUp[],
  after: readonly PlannedFollowUp[],
  edited: EditedMeeting,
): Replan {
  const planned = new Map<string, PlannedFollowUp>();
  for (const p of after) {
    const key = planKey(p);
    if (key !== null) planned.set(key, p);
  }
  const wasPlanned = new Set(before.map(planKey));
  const made = new Set<string>();
  const replan: Replan = { moved: [], removed: [], added: [] };
  for (const item of existing) {
    const key = planKey(item);
    if (key === null) continue;
    made.add(key);
    if (item.status !== 'open') continue;
    const plan = planned.get(key);
    if (plan === undefined) replan.removed.push({ item, reason: whyRemoved(item, edited) });
    else if (item.template !== 'nudge' && item.kind !== 'waiting' && plan.due !== item.due) {
      replan.moved.push({ item, due: plan.due });
    }
  }
  for (const [key, plan] of planned) {
    if (!made.has(key) && !wasPlanned.has(key)) replan.added.push(plan);
  }
  return replan;
}

function whyRemoved(item: MeetingFollowUp, edited: EditedMeeting): RemovalReason {
  if (item.template === 'nudge') {
    return edited.outreach ? 'left' : 'not_outreach';
  }
  if (item.kind === 'thank_you') {
    return edited.contactIds.includes(item.contactId) ? 'kind' : 'left';
  }
  // A report-back: its person left, or met the user before this meeting.
  return item.personId !== null && !edited.contactIds.includes(item.personId)
    ? 'left'
    : 'not_first';
}
