import type { CONTACT } from '../model/declarations.js';
import type { DerivedKeys, FieldsOf } from '../model/field.js';

/**
 * The full-fidelity records of `export --format jsonl` (and `--what all`):
 * one JSON object per line, `type` first, then the fields below in this
 * order. `import --from jsonl` reads exactly this, so exporting, importing
 * into an empty journal and exporting again gives the same bytes. Lines come
 * in this order: settings, contacts, meetings, introductions, notes, gifts,
 * follow-ups, each by id.
 */
export interface SettingLine {
  type: 'setting';
  key: string;
  /** As stored (cadences in days, e.g. "60"). */
  value: string;
}

/** A contact: its declared fields (model/declarations.ts) but the derived ones, and its tags. */
export type ContactLine = {
  type: 'contact';
  id: number;
  /** The stable id (UUIDv7); optional in files from before it existed. */
  uid?: string;
} & Omit<FieldsOf<typeof CONTACT>, DerivedKeys<typeof CONTACT>> & {
    /** Nicknames (0010); optional in files from before them. */
    aliases?: string[];
    tags: string[];
    /** Hidden state, in the line only when set (FieldSpec.inLine): the year a birthday was marked done. */
    birthdayDone?: number | null;
    /** The day a snoozed reconnect comes back. */
    reconnectAfter?: string | null;
  };

export interface MeetingLine {
  type: 'meeting';
  id: number;
  /** The stable id (UUIDv7); optional in files from before it existed. */
  uid?: string;
  date: string;
  kind: string;
  contactIds: number[];
  notes: string | null;
  outreach: boolean;
  created: string;
}

export interface IntroductionLine {
  type: 'introduction';
  id: number;
  /** The stable id (UUIDv7); optional in files from before it existed. */
  uid?: string;
  date: string;
  /** 0 is the user. */
  introducerId: number;
  personId: number;
  toId: number;
  context: string | null;
  reportedBack: boolean;
  created: string;
}

export interface NoteLine {
  type: 'note';
  id: number;
  /** The stable id (UUIDv7); optional in files from before it existed. */
  uid?: string;
  contactId: number;
  date: string;
  text: string;
  meetingId: number | null;
  created: string;
}

/** A gift: the same fields as a note. */
export type GiftLine = Omit<NoteLine, 'type'> & { type: 'gift' };

export interface FollowUpLine {
  type: 'followUp';
  id: number;
  /** The stable id (UUIDv7); optional in files from before it existed. */
  uid?: string;
  contactId: number;
  kind: 'action' | 'thank_you' | 'report_back' | 'waiting';
  text: string;
  due: string;
  status: 'open' | 'done' | 'dropped';
  closed: string | null;
  meetingId: number | null;
  introductionId: number | null;
  created: string;
  /** Which text netjournal wrote it from (thank_you, report_back, nudge), when it did. */
  template?: string | null;
}

export type JournalLine =
  SettingLine | ContactLine | MeetingLine | IntroductionLine | NoteLine | GiftLine | FollowUpLine;

/** Everything in a journal, in export order. */
export interface JournalDump {
  settings: SettingLine[];
  contacts: ContactLine[];
  meetings: MeetingLine[];
  introductions: IntroductionLine[];
  notes: NoteLine[];
  gifts: GiftLine[];
  followUps: FollowUpLine[];
}
