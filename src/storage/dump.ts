import type { ContactLine, JournalDump } from '../interop/jsonl-lines.js';
import { CONTACT } from '../model/declarations.js';
import { recordKeys } from '../model/field.js';
import { recordFromRow } from './record-rows.js';
import { TAG_SEP } from './contacts.js';
import type { Db } from './journal.js';

/** Read the whole journal in export order (ids ascending), the user excluded. */
export function dumpJournal(db: Db): JournalDump {
  const settings = (
    db.prepare('SELECT key, value FROM settings ORDER BY key').all() as {
      key: string;
      value: string;
    }[]
  ).map((s) => ({ type: 'setting' as const, key: s.key, value: s.value }));
  const contacts = (
    db
      .prepare(
        `SELECT c.*, (SELECT group_concat(t.tag, char(31) ORDER BY t.tag COLLATE NOCASE)
                        FROM contact_tags t WHERE t.contact_id = c.id) AS tags
           FROM contacts c WHERE c.is_me = 0 ORDER BY c.id`,
      )
      .all() as Record<string, string | number | null>[]
  ).map((c) => {
    const record = recordFromRow(CONTACT, c);
    const line: Record<string, unknown> = { type: 'contact', id: c.id, uid: c.uid };
    for (const key of recordKeys(CONTACT, true))
      line[key] = key === 'tags' ? (c.tags ? String(c.tags).split(TAG_SEP) : []) : record[key];
    return line as ContactLine;
  });
  const meetings = (
    db
      .prepare(
        `SELECT m.*, (SELECT group_concat(contact_id, ',' ORDER BY contact_id)
                        FROM meeting_contacts WHERE meeting_id = m.id) AS people
           FROM meetings m ORDER BY m.id`,
      )
      .all() as Record<string, string | number | null>[]
  ).map((m) => ({
    type: 'meeting' as const,
    id: m.id as number,
    uid: m.uid as string,
    date: m.date as string,
    kind: m.kind as string,
    contactIds: m.people ? String(m.people).split(',').map(Number) : [],
    notes: m.notes as string | null,
    outreach: m.outreach === 1,
    created: m.created as string,
  }));
  const introductions = (
    db.prepare('SELECT * FROM introductions ORDER BY id').all() as Record<
      string,
      string | number | null
    >[]
  ).map((i) => ({
    type: 'introduction' as const,
    id: i.id as number,
    uid: i.uid as string,
    date: i.date as string,
    introducerId: i.introducer_id as number,
    personId: i.person_id as number,
    toId: i.to_id as number,
    context: i.context as string | null,
    reportedBack: i.reported_back === 1,
    created: i.created as string,
  }));
  const dated = (table: 'notes' | 'gifts') =>
    (
      db.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Record<
        string,
        string | number | null
      >[]
    ).map((n) => ({
      id: n.id as number,
      uid: n.uid as string,
      contactId: n.contact_id as number,
      date: n.date as string,
      text: n.text as string,
      meetingId: n.meeting_id as number | null,
      created: n.created as string,
    }));
  const followUps = (
    db.prepare('SELECT * FROM follow_ups ORDER BY id').all() as Record<
      string,
      string | number | null
    >[]
  ).map((f) => ({
    type: 'followUp' as const,
    id: f.id as number,
    uid: f.uid as string,
    contactId: f.contact_id as number,
    kind: f.kind as 'action' | 'thank_you' | 'report_back' | 'waiting',
    text: f.text as string,
    due: f.due as string,
    status: f.status as 'open' | 'done' | 'dropped',
    closed: f.closed as string | null,
    meetingId: f.meeting_id as number | null,
    introductionId: f.introduction_id as number | null,
    created: f.created as string,
  }));
  return {
    settings,
    contacts,
    meetings,
    introductions,
    notes: dated('notes').map((n) => ({ type: 'note' as const, ...n })),
    gifts: dated('gifts').map((g) => ({ type: 'gift' as const, ...g })),
    followUps,
  };
}
