import { UsageError } from '../errors.js';
import type { Circle } from './contact.js';
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

/**
 * `add`'s options as typed: the flags, or the interactive prompts' answers in the
 * same shape, so that both become a request through the same validation.
 */
export interface AddOptions {
  kind?: string;
  date?: string;
  notes?: string;
  learned?: string[];
  via?: string;
  followUp?: string[];
  due?: string;
  /** From the prompts: each follow-up's own due date (the flags have one --due for all). */
  dues?: string[];
  offered?: string[];
  gave?: string[];
  outreach?: boolean;
  /** --nudge WHEN, or false for --no-nudge. */
  nudge?: string | boolean;
  thankYou: boolean;
  new?: boolean;
  /** --company and --circle: set on each contact the meeting creates. */
  company?: string;
  circle?: string;
  /** From the prompts: company and circle per name, in the names' order (the flags give one for all). */
  people?: { company?: string; circle?: string }[];
}

/** What `add` sets on a contact it creates besides the name. */
export interface NewContactDetails {
  company: string | null;
  circle: Circle | null;
}

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
  /** With outreach: when to nudge if there is no reply (a waiting follow-up), or null for none. */
  nudge: string | null;
  thankYou: boolean;
  /** Create new contacts even where a name exists. */
  forceNew: boolean;
  /** Per name, in the same order: what to set if that name creates a contact. */
  newContacts?: NewContactDetails[];
}

/** What resolving a typed name did. */
export interface NameOutcome {
  query: string;
  contact: ContactRef;
  how: 'created' | 'id' | 'email' | 'name' | 'prefix';
  /** For a created contact: existing contacts whose name is one typo away. */
  near?: ContactRef[];
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
  /** Nudges of earlier outreach that this meeting answered (closed as done). */
  answered: FollowUp[];
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
  /** The template netjournal wrote the text from; null for the user's own text. */
  template: FollowUpTemplate | null;
}

/** The texts netjournal writes for follow-ups (0008_follow_up_templates.sql). */
export type FollowUpTemplate = 'thank_you' | 'report_back' | 'nudge';

/** What a template's text names: the follow-up's contact, and for some the person met or the meeting. */
export interface TemplateFacts {
  contact: string;
  /** report_back: the person the introducer introduced. */
  person?: string;
  /** thank_you: what kind of meeting it was. */
  meetingKind?: MeetingKind;
}

/** A generated follow-up text, from the current names: "Thank Ralph Smith for the coffee". */
export function templateText(template: FollowUpTemplate, facts: TemplateFacts): string {
  switch (template) {
    case 'thank_you':
      return `Thank ${facts.contact} for ${KIND_PHRASE[facts.meetingKind ?? 'other']}`;
    case 'report_back':
      return `Tell ${facts.contact} how it went with ${facts.person ?? 'them'}`;
    case 'nudge':
      return `Nudge ${facts.contact} if there is no reply`;
  }
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

/**
 * The follow-ups a logged meeting creates (PRODUCT.md, `add`):
 * - a thank_you per person, due the day after, unless the kind is email,
 *   message or other, or the user said --no-thank-you;
 * - a report_back to the introducer, due two days after, the first time the
 *   user meets someone another contact introduced;
 * - the user's own --follow-up items and --offered waiting items, on the
 *   first person named;
 * - with --outreach, a waiting "nudge if there is no reply" per person, due
 *   on request.nudge (unless --no-nudge), closed by the next meeting with them.
 */
export function planFollowUps(
  request: Pick<
    AddRequest,
    'kind' | 'date' | 'thankYou' | 'followUps' | 'offered' | 'outreach' | 'nudge'
  >,
  people: readonly Participant[],
  today: string,
): PlannedFollowUp[] {
  const planned: PlannedFollowUp[] = [];
  if (request.thankYou && !NO_THANK_YOU_KINDS.includes(request.kind)) {
    for (const p of people) {
      planned.push({
        contactId: p.id,
        kind: 'thank_you',
        text: templateText('thank_you', { contact: p.name, meetingKind: request.kind }),
        due: addDays(request.date, 1),
        introductionId: null,
        template: 'thank_you',
      });
    }
  }
  for (const p of people) {
    if (p.priorMeetings > 0 || !p.introducer) continue;
    planned.push({
      contactId: p.introducer.id,
      kind: 'report_back',
      text: templateText('report_back', { contact: p.introducer.name, person: p.name }),
      due: addDays(request.date, 2),
      introductionId: p.introducer.introductionId,
      template: 'report_back',
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
        template: null,
      });
    }
    for (const text of request.offered) {
      planned.push({
        contactId: first.id,
        kind: 'waiting',
        text,
        due: addDays(today, 7),
        introductionId: null,
        template: null,
      });
    }
  }
  // Reaching out: if nobody answers, make it easy to try once more.
  if (request.outreach && request.nudge !== null) {
    for (const p of people) {
      planned.push({
        contactId: p.id,
        kind: 'waiting',
        text: templateText('nudge', { contact: p.name }),
        due: request.nudge,
        introductionId: null,
        template: 'nudge',
      });
    }
  }
  return planned;
}
