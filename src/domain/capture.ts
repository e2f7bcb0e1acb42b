import { UsageError } from '../errors.js';
import { addDays } from './dates.js';
import {
  MEETING_KINDS,
  NO_THANK_YOU_KINDS,
  type ContactRef,
  type FollowUp,
  type FollowUpKind,
  type Gift,
  type Introduction,
  type Meeting,
  type MeetingKind,
  type Note,
} from './journal-types.js';

/** Everything `add` needs, from flags or from the interactive prompts. */
export interface AddRequest {
  /** Names as typed; resolved (or created) by the command. */
  names: string[];
  kind: MeetingKind;
  date: string;
  notes: string | null;
  learned: string[];
  /** Who introduced the new people to the user. */
  via: string | null;
  followUps: { text: string; due: string }[];
  offered: string[];
  gave: string[];
  outreach: boolean;
  thankYou: boolean;
  /** Create new contacts even where a name exists. */
  forceNew: boolean;
}

/** What resolving a typed name did. */
export interface NameOutcome {
  query: string;
  contact: ContactRef;
  how: 'created' | 'id' | 'email' | 'name' | 'prefix';
}

/** Everything one `add` wrote. */
export interface RecordedMeeting {
  meeting: Meeting;
  names: NameOutcome[];
  via: NameOutcome | null;
  introductions: Introduction[];
  followUps: FollowUp[];
  notes: Note[];
  gifts: Gift[];
}

/** A meeting kind, or a usage error listing them. */
export function parseKind(raw: string): MeetingKind {
  const kind = raw.trim().toLowerCase();
  if ((MEETING_KINDS as readonly string[]).includes(kind)) return kind as MeetingKind;
  throw new UsageError(`unknown kind "${raw}"`, `use one of ${MEETING_KINDS.join(', ')}`);
}

/** Trimmed non-empty text, or a usage error naming the option. */
export function requireText(raw: string, what: string): string {
  const text = raw.trim();
  if (text === '') throw new UsageError(`${what} cannot be empty`, `give ${what} some words`);
  return text;
}

/** A participant of the meeting being logged, as the planner needs to know them. */
export interface Participant {
  id: number;
  name: string;
  /** Meetings with them before this one. */
  priorMeetings: number;
  /** Who introduced them to the user (not the user), if recorded. */
  introducer: { id: number; name: string; introductionId: number } | null;
}

/** A follow-up the meeting creates. */
export interface PlannedFollowUp {
  contactId: number;
  kind: FollowUpKind;
  text: string;
  due: string;
  introductionId: number | null;
}

const KIND_PHRASE: Record<MeetingKind, string> = {
  coffee: 'the coffee',
  lunch: 'lunch',
  call: 'the call',
  video: 'the video call',
  meeting: 'the meeting',
  event: 'meeting at the event',
  interview: 'the interview',
  email: 'the e-mail',
  message: 'the message',
  other: 'meeting',
};

/** The text of the report-back netjournal makes: tell the introducer how it went. */
export function reportBackText(introducer: string, person: string): string {
  return `Tell ${introducer} how it went with ${person}`;
}

/**
 * The follow-ups a logged meeting creates (PRODUCT.md, `add`):
 * - a thank_you per person, due the day after, unless the kind is email,
 *   message or other, or the user said --no-thank-you;
 * - a report_back to the introducer, due two days after, the first time the
 *   user meets someone another contact introduced;
 * - the user's own --follow-up items and --offered waiting items, on the
 *   first person named.
 */
export function planFollowUps(
  request: Pick<AddRequest, 'kind' | 'date' | 'thankYou' | 'followUps' | 'offered'>,
  people: readonly Participant[],
  today: string,
): PlannedFollowUp[] {
  const planned: PlannedFollowUp[] = [];
  if (request.thankYou && !NO_THANK_YOU_KINDS.includes(request.kind)) {
    for (const p of people) {
      planned.push({
        contactId: p.id,
        kind: 'thank_you',
        text: `Thank ${p.name} for ${KIND_PHRASE[request.kind]}`,
        due: addDays(request.date, 1),
        introductionId: null,
      });
    }
  }
  for (const p of people) {
    if (p.priorMeetings > 0 || !p.introducer) continue;
    planned.push({
      contactId: p.introducer.id,
      kind: 'report_back',
      text: reportBackText(p.introducer.name, p.name),
      due: addDays(request.date, 2),
      introductionId: p.introducer.introductionId,
    });
  }
  const first = people[0];
  if (first) {
    for (const f of request.followUps) {
      planned.push({
        contactId: first.id,
        kind: 'action',
        text: f.text,
        due: f.due,
        introductionId: null,
      });
    }
    for (const text of request.offered) {
      planned.push({
        contactId: first.id,
        kind: 'waiting',
        text,
        due: addDays(today, 7),
        introductionId: null,
      });
    }
  }
  return planned;
}
