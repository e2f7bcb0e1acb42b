import type { FieldSpec, RecordSpec, RecordType } from './field.js';

/**
 * The journal's record types, each declared once. Storage derives its
 * INSERT/UPDATE/DELETE statements and change-log fields from these;
 * test/model/table-info.test.ts holds them against each table's columns.
 * Adding a field: declare it here, add one migration, and test it.
 */

/** A contact's circle: how close they are (inner: family and friends). */
export const CIRCLES = ['inner', 'second', 'third'] as const;

export const CONTACT = {
  type: 'contact',
  table: 'contacts',
  identity: 'uid',
  internal: 'is_me = 1',
  lists: [
    // Nicknames a name lookup finds the contact by (`note rafa …`), shown after the name.
    { key: 'aliases', record: 'alias', column: 'alias', after: 'name', optional: true },
    { key: 'tags', record: 'tag', column: 'tag', after: 'birthday' },
  ],
  fields: [
    { key: 'name', column: 'name', type: 'text', required: true, vcard: 'FN', searchable: true },
    { key: 'isMe', column: 'is_me', type: 'boolean', required: true, default: 0, hidden: true },
    {
      key: 'company',
      column: 'company',
      type: 'text',
      input: 'text',
      flag: '--company <name>',
      help: 'where they work',
      csv: ['company'],
      vcard: 'ORG',
      searchable: true,
      mergeFill: true,
    },
    {
      key: 'role',
      column: 'role',
      type: 'text',
      input: 'text',
      flag: '--role <title>',
      help: 'what they do there',
      csv: ['role', 'title'],
      vcard: 'TITLE',
      searchable: true,
      mergeFill: true,
    },
    {
      key: 'email',
      column: 'email',
      type: 'text',
      input: 'email',
      flag: '--email <address>',
      help: 'e-mail address',
      csv: ['email'],
      vcard: 'EMAIL',
      searchable: true,
      mergeFill: true,
    },
    {
      key: 'phone',
      column: 'phone',
      type: 'text',
      input: 'text',
      flag: '--phone <number>',
      help: 'phone number',
      csv: ['phone'],
      vcard: 'TEL',
      mergeFill: true,
    },
    {
      key: 'url',
      column: 'url',
      type: 'text',
      input: 'text',
      flag: '--url <url>',
      help: 'a profile or home page',
      csv: ['url'],
      vcard: 'URL',
      mergeFill: true,
    },
    {
      key: 'location',
      column: 'location',
      type: 'text',
      // The locality of an ADR, so that other programs show it.
      vcard: 'ADR',
      input: 'text',
      flag: '--location <place>',
      help: 'where they live or work',
      csv: ['location'],
      searchable: true,
      mergeFill: true,
    },
    {
      key: 'circle',
      column: 'circle',
      type: 'text',
      vcard: 'X-NETJOURNAL-CIRCLE',
      values: CIRCLES,
      input: 'circle',
      flag: '--circle <circle>',
      help: 'inner (family, friends), second (colleagues, neighbours) or third',
      csv: ['circle'],
      mergeFill: true,
    },
    {
      key: 'cadenceDays',
      column: 'cadence_days',
      type: 'integer',
      vcard: 'X-NETJOURNAL-CADENCE',
      input: 'interval',
      flag: '--every <interval>',
      help: 'keep in touch this often: 30d, 6w, 3m, 1y or none',
      csv: ['every', 'cadence', 'cadencedays'],
      mergeFill: true,
    },
    {
      key: 'birthday',
      column: 'birthday',
      type: 'text',
      input: 'birthday',
      flag: '--birthday <date>',
      help: 'MM-DD or YYYY-MM-DD',
      csv: ['birthday'],
      vcard: 'BDAY',
      mergeFill: true,
    },
    {
      key: 'howMet',
      column: 'how_met',
      type: 'text',
      input: 'text',
      flag: '--how <text>',
      help: 'how you met',
      label: 'how met',
      csv: ['how', 'howmet', 'how met'],
      // Not NOTE: the importer reads NOTE as a thing learned.
      vcard: 'X-NETJOURNAL-HOW-MET',
      searchable: true,
      mergeFill: true,
    },
    { key: 'archived', column: 'archived', type: 'boolean', required: true, default: 0 },
    {
      key: 'created',
      column: 'created',
      type: 'date',
      required: true,
      vcard: 'X-NETJOURNAL-CREATED',
    },
    { key: 'lastMet', column: 'last_met', type: 'date', derived: true },
    { key: 'nextTouch', column: 'next_touch', type: 'date', derived: true, hidden: true },
    // `done`/`drop`/`snooze` on today's birthday (b12) and reconnect (r12) items (0007).
    { key: 'birthdayDone', column: 'birthday_done', type: 'integer', hidden: true, inLine: true },
    { key: 'reconnectAfter', column: 'reconnect_after', type: 'date', hidden: true, inLine: true },
    // Shared with the team or not (contact edit --share/--no-share), over team.share (0012).
    { key: 'teamShare', column: 'team_share', type: 'integer', hidden: true, inLine: true },
  ],
} as const satisfies RecordSpec;

/** A reference to a contact that goes with the contact. */
const person = (key: string, column: string) =>
  ({
    key,
    column,
    type: 'ref',
    ref: 'contact',
    onDelete: 'cascade',
    required: true,
  }) as const;

export const TAG: RecordSpec = {
  type: 'tag',
  table: 'contact_tags',
  identity: ['contact_id', 'tag'],
  fields: [
    person('contactId', 'contact_id'),
    { key: 'tag', column: 'tag', type: 'text', required: true, vcard: 'CATEGORIES' },
  ],
};

/** Another name a contact goes by: a set per contact, compared without case, like tags. */
export const ALIAS: RecordSpec = {
  type: 'alias',
  table: 'contact_aliases',
  identity: ['contact_id', 'alias'],
  fields: [
    person('contactId', 'contact_id'),
    { key: 'alias', column: 'alias', type: 'text', required: true, vcard: 'NICKNAME' },
  ],
};

export const MEETING: RecordSpec = {
  type: 'meeting',
  table: 'meetings',
  identity: 'uid',
  lists: [{ key: 'contactIds', record: 'participant', column: 'contact_id', after: 'kind' }],
  fields: [
    { key: 'date', column: 'date', type: 'date', required: true },
    { key: 'kind', column: 'kind', type: 'text', required: true },
    { key: 'notes', column: 'notes', type: 'text', searchable: true },
    { key: 'outreach', column: 'outreach', type: 'boolean', required: true, default: 0 },
    { key: 'created', column: 'created', type: 'text', required: true },
  ],
};

export const PARTICIPANT: RecordSpec = {
  type: 'participant',
  table: 'meeting_contacts',
  identity: ['meeting_id', 'contact_id'],
  fields: [
    {
      key: 'meetingId',
      column: 'meeting_id',
      type: 'ref',
      ref: 'meeting',
      onDelete: 'cascade',
      required: true,
    },
    person('contactId', 'contact_id'),
  ],
};

const datedText = (type: 'note' | 'gift', table: string): RecordSpec => ({
  type,
  table,
  identity: 'uid',
  fields: [
    person('contactId', 'contact_id'),
    { key: 'date', column: 'date', type: 'date', required: true },
    { key: 'text', column: 'text', type: 'text', required: true, searchable: type === 'note' },
    { key: 'meetingId', column: 'meeting_id', type: 'ref', ref: 'meeting', onDelete: 'null' },
    { key: 'created', column: 'created', type: 'text', required: true },
  ],
});

export const NOTE: RecordSpec = datedText('note', 'notes');
export const GIFT: RecordSpec = datedText('gift', 'gifts');

export const INTRODUCTION: RecordSpec = {
  type: 'introduction',
  table: 'introductions',
  identity: 'uid',
  fields: [
    { key: 'date', column: 'date', type: 'date', required: true },
    person('introducerId', 'introducer_id'),
    person('personId', 'person_id'),
    person('toId', 'to_id'),
    { key: 'context', column: 'context', type: 'text' },
    {
      key: 'reportedBack',
      column: 'reported_back',
      type: 'boolean',
      required: true,
      default: 0,
    },
    { key: 'created', column: 'created', type: 'text', required: true },
  ],
};

export const FOLLOW_UP: RecordSpec = {
  type: 'followUp',
  table: 'follow_ups',
  identity: 'uid',
  fields: [
    person('contactId', 'contact_id'),
    { key: 'kind', column: 'kind', type: 'text', required: true },
    { key: 'text', column: 'text', type: 'text', required: true, searchable: true },
    { key: 'due', column: 'due', type: 'date', required: true },
    { key: 'status', column: 'status', type: 'text', required: true, default: 'open' },
    { key: 'closed', column: 'closed', type: 'date' },
    { key: 'meetingId', column: 'meeting_id', type: 'ref', ref: 'meeting', onDelete: 'null' },
    {
      key: 'introductionId',
      column: 'introduction_id',
      type: 'ref',
      ref: 'introduction',
      onDelete: 'null',
    },
    { key: 'created', column: 'created', type: 'text', required: true },
    // The text netjournal wrote it from (0008): thank_you, report_back, nudge; null: the user's.
    {
      key: 'template',
      column: 'template',
      type: 'text',
      values: ['thank_you', 'report_back', 'nudge'],
      hidden: true,
      inLine: true,
    },
  ],
};

export const SETTING: RecordSpec = {
  type: 'setting',
  table: 'settings',
  identity: ['key'],
  // Imports pause the search triggers with this row; it is not user data.
  internal: `key = 'search.paused'`,
  fields: [
    { key: 'key', column: 'key', type: 'text', required: true },
    { key: 'value', column: 'value', type: 'text', required: true },
  ],
};

/** Every record type's declaration, in the order a journal is replayed (parents first). */
export const RECORDS: Readonly<Record<RecordType, RecordSpec>> = {
  setting: SETTING,
  contact: CONTACT,
  tag: TAG,
  alias: ALIAS,
  meeting: MEETING,
  participant: PARTICIPANT,
  introduction: INTRODUCTION,
  note: NOTE,
  gift: GIFT,
  followUp: FOLLOW_UP,
};

/** The declaration of the record type stored in table, if any. */
export function specOfTable(table: string): RecordSpec | undefined {
  return Object.values(RECORDS).find((s) => s.table === table);
}

/** A contact's fields a person sets with an option (`contact add/edit`) or a CSV column. */
export const CONTACT_INPUT_FIELDS: readonly FieldSpec[] = CONTACT.fields.filter(
  (f: FieldSpec) => f.input !== undefined,
);
