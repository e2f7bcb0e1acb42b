/** The kinds of interaction a meeting can be. */
export const MEETING_KINDS = [
  'coffee',
  'lunch',
  'call',
  'video',
  'meeting',
  'event',
  'interview',
  'email',
  'message',
  'other',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** Kinds after which no thank-you note is owed. */
export const NO_THANK_YOU_KINDS: readonly MeetingKind[] = ['email', 'message', 'other'];

export const FOLLOW_UP_KINDS = ['action', 'thank_you', 'report_back', 'waiting'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];
export type FollowUpStatus = 'open' | 'done' | 'dropped';

/** A contact as other records name it. */
export interface ContactRef {
  id: number;
  name: string;
}

export interface Meeting {
  id: number;
  date: string;
  kind: MeetingKind;
  notes: string | null;
  outreach: boolean;
  contacts: ContactRef[];
}

export interface FollowUp {
  id: number;
  kind: FollowUpKind;
  contact: ContactRef;
  text: string;
  due: string;
  status: FollowUpStatus;
  /** The day it was marked done or dropped. */
  closed: string | null;
  meetingId: number | null;
  introductionId: number | null;
}

export interface Introduction {
  id: number;
  date: string;
  introducer: ContactRef;
  person: ContactRef;
  to: ContactRef;
  context: string | null;
  reportedBack: boolean;
}

export interface Note {
  id: number;
  contact: ContactRef;
  date: string;
  text: string;
  meetingId: number | null;
}

export interface Gift {
  id: number;
  contact: ContactRef;
  date: string;
  text: string;
  meetingId: number | null;
}

/** An introducer and how many of the filtered introductions they made. */
export interface IntroducerCount {
  id: number;
  name: string;
  count: number;
}

/** How the user came to know someone, with the introduction behind each link. */
export interface IntroChain {
  /** First link first, ending with the contact asked about. */
  people: ContactRef[];
  /** One per link: links[k] introduced people[k + 1] to the user. */
  links: Introduction[];
  /** Who introduced the first person, when following them would loop. */
  loopsBackTo: ContactRef | null;
}

/** What a picture says about a person beside their name. */
export interface PictureFacts {
  company: string | null;
  circle: 'inner' | 'second' | 'third' | null;
  lastMet: string | null;
  /** Meetings in the 365 days up to today (the count `reach` ranks warmth by). */
  meetings: number;
}
