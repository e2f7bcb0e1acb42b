import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AddRequest } from '../../src/domain/capture.js';
import type { MeetingKind } from '../../src/domain/journal-types.js';
import { NetjournalError } from '../../src/errors.js';
import { readJournalLines } from '../../src/interop/jsonl-read.js';
import { parseContacts } from '../../src/interop/parse/index.js';
import { RECORDS } from '../../src/model/declarations.js';
import { findOrCreateContact, recordMeeting } from '../../src/storage/capture.js';
import { deleteContact, mergeContacts, updateContact } from '../../src/storage/contact-changes.js';
import { insertContact, ME_ID } from '../../src/storage/contacts.js';
import { dumpJournal } from '../../src/storage/dump.js';
import {
  deleteOpenFollowUpsOfMeeting,
  insertFollowUp,
  setFollowUpDue,
  setFollowUpStatus,
} from '../../src/storage/follow-ups.js';
import { importContacts } from '../../src/storage/import-contacts.js';
import { importJournal, isEmptyJournal } from '../../src/storage/import-journal.js';
import { insertIntroduction, setReportedBack } from '../../src/storage/introductions.js';
import { openMemoryJournal, writeTransaction, type Db } from '../../src/storage/journal.js';
import { deleteMeeting, setParticipants, updateMeeting } from '../../src/storage/meetings.js';
import { insertNote } from '../../src/storage/notes.js';
import { withBulkWrite } from '../../src/storage/bulk-write.js';
import { iterateChanges, replayChanges } from '../../src/storage/replay.js';
import { setSetting, unsetSetting } from '../../src/storage/settings.js';
import { lastUndoStep, revertUndoStep } from '../../src/storage/undo.js';
import { uuidv7 } from '../../src/storage/stable-id.js';
import { applyIncoming } from '../../src/storage/sync-apply.js';
import { snapshotChanges } from '../../src/storage/sync-snapshot.js';
import { deviceId, unpushedChanges } from '../../src/storage/sync-state.js';
import type { ForeignChange } from '../../src/storage/change-log.js';
import { contactFields } from '../helpers/contact-fields.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  adoptSnapshot,
  canAdoptSnapshot,
  snapshotFileChanges,
  writeSnapshotFile,
} from '../../src/storage/snapshot-file.js';
import { logDisagreements } from '../../src/storage/log-check.js';

// The change log is the record of truth (issue 13): after any sequence of
// write commands, each run as the command runs it (one writeTransaction
// through the storage functions it calls),
//  (a) undoing the newest commands one by one restores, each time, exactly
//      the journal as it was before that command: every row of every table,
//      derived columns and the search index included;
//  (b) replaying the whole log, undo groups included, into an empty journal
//      gives the same export.

const NOW = '2026-11-21T00:00:00.000Z';
const DAY = '2026-11-21';
const DAYS = ['2026-10-01', '2026-11-01', '2026-11-20', DAY];
const DUE = ['2026-11-22', '2026-12-01', '2027-01-15'];
const NAMES = ['Ralph Smith', 'Lena Berg', 'Zoë Ng', 'José Álvarez', 'Ana', 'Bo Chen'];
const WORDS = ['marathon', 'cello', 'Acme', 'hiring', 'Zürich', 'x'];
const KINDS: MeetingKind[] = ['coffee', 'lunch', 'call', 'email', 'event'];

/** Everything a journal holds: its export, and every row of every table (derived data included). */
function snapshot(db: Db): unknown {
  const all = (sql: string) => db.prepare(sql).all();
  const tables = Object.fromEntries(
    Object.values(RECORDS).map((spec) => [
      spec.table,
      all(
        `SELECT * FROM ${spec.table} ORDER BY ${spec.identity === 'uid' ? 'id' : spec.identity.join(', ')}`,
      ),
    ]),
  );
  return {
    dump: dumpJournal(db),
    tables,
    search: all('SELECT rowid, kind, ref, name, people, body FROM search_index ORDER BY rowid'),
    names: all('SELECT rowid, name, aliases FROM contact_names ORDER BY rowid'),
  };
}

/** What replay must reproduce: the export, and the rows (the user's own, dated by the migration, aside). */
function replayable(db: Db): unknown {
  const { dump, tables, search, names } = snapshot(db) as {
    dump: unknown;
    tables: Record<string, Record<string, unknown>[]>;
    search: unknown;
    names: unknown;
  };
  tables.contacts = (tables.contacts ?? []).filter((c) => c.is_me !== 1);
  return { dump, tables, search, names };
}

function replayInto(db: Db): Db {
  const fresh = openMemoryJournal(NOW);
  writeTransaction(fresh, 'replay', () => replayChanges(fresh, iterateChanges(db)), {
    undoable: false,
  });
  return fresh;
}

function expectReplayMatches(db: Db): void {
  const fresh = replayInto(db);
  try {
    expect(replayable(fresh)).toEqual(replayable(db));
  } finally {
    fresh.close();
  }
}

/** Undo the newest undoable command, as `netjournal undo` does; false when there is none. */
function undo(db: Db): boolean {
  const step = lastUndoStep(db);
  if (!step) return false;
  writeTransaction(db, 'undo', () => revertUndoStep(db, step.id), { undoable: false });
  return true;
}

const groupCount = (db: Db) =>
  db.prepare('SELECT count(*) FROM change_groups').pluck().get() as number;

// ---------------------------------------------------------------- commands

const OPS = [
  ...['contactAdd', 'contactAdd', 'contactEdit', 'contactEdit', 'contactRm', 'merge'],
  ...['add', 'add', 'add', 'note', 'followUp', 'done', 'drop', 'snooze', 'reopen'],
  ...['meetingEdit', 'meetingRm', 'intro', 'configSet', 'configUnset'],
  ...['importJsonl', 'importCsv', 'undo'],
] as const;

interface Op {
  op: (typeof OPS)[number];
  a: number;
  b: number;
  c: number;
  flag: boolean;
  text: string;
  names: number[];
}

const op = fc.record({
  op: fc.constantFrom(...OPS),
  a: fc.nat(),
  b: fc.nat(),
  c: fc.nat(),
  flag: fc.boolean(),
  text: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
  names: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
});

const pick = <T>(list: readonly T[], n: number): T | undefined =>
  list.length === 0 ? undefined : list[n % list.length];
const ids = (db: Db, sql: string) => db.prepare(sql).pluck().all() as number[];

const fields = contactFields;

/** Thrown inside a command's transaction to roll it back, as a refused command does. */
class Refused extends Error {}

/** A small jsonl export: contacts (sometimes one this journal has, by uid), a meeting, a note, a follow-up. */
function jsonlFile(db: Db, o: Op): string {
  const uids = db.prepare('SELECT uid FROM contacts WHERE is_me = 0 ORDER BY id').pluck().all();
  const known = o.flag ? (pick(uids, o.a) as string | undefined) : undefined;
  const lines: unknown[] = [{ type: 'netjournal', format: 2 }];
  if (o.b % 3 === 0) lines.push({ type: 'setting', key: 'cadence.third', value: '90' });
  const people = o.names.slice(0, 2).map((_, i) => i + 1);
  o.names.slice(0, 2).forEach((n, i) =>
    lines.push({
      type: 'contact',
      id: i + 1,
      uid: i === 0 && known ? known : uuidv7(),
      name: NAMES[n % NAMES.length],
      company: i === 0 ? o.text : null,
      role: null,
      email: n % 2 ? `p${n % 4}@example.test` : null,
      phone: null,
      url: null,
      location: 'Lisbon',
      circle: 'second',
      cadenceDays: o.c % 2 ? 30 : null,
      birthday: null,
      tags: o.c % 3 ? ['imported'] : [],
      howMet: null,
      archived: false,
      created: DAYS[o.c % DAYS.length],
    }),
  );
  lines.push({
    type: 'meeting',
    id: 1,
    uid: uuidv7(),
    date: DAYS[o.a % DAYS.length],
    kind: 'coffee',
    contactIds: people,
    notes: o.text,
    outreach: o.flag,
    created: NOW,
  });
  lines.push({
    type: 'note',
    id: 1,
    uid: uuidv7(),
    contactId: 1,
    date: DAYS[o.b % DAYS.length],
    text: o.text,
    meetingId: 1,
    created: NOW,
  });
  lines.push({
    type: 'followUp',
    id: 1,
    uid: uuidv7(),
    contactId: people[people.length - 1],
    kind: 'action',
    text: `call about ${o.text}`,
    due: DUE[o.c % DUE.length],
    status: o.c % 4 === 0 ? 'done' : 'open',
    closed: o.c % 4 === 0 ? DAY : null,
    meetingId: 1,
    introductionId: null,
    created: NOW,
  });
  return lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
}

function csvFile(o: Op): string {
  const rows = o.names.map((n, i) => {
    const name = NAMES[n % NAMES.length] as string;
    const email = (n + i) % 2 ? `p${n % 4}@example.test` : '';
    return `${name},${o.text},${email},csv;${WORDS[n % WORDS.length]},learned ${o.text},third`;
  });
  return ['name,company,email,tags,notes,circle', ...rows].join('\n') + '\n';
}

/** Run one write command through the storage functions its command module calls. */
function command(db: Db, o: Op): void {
  const contacts = ids(db, 'SELECT id FROM contacts WHERE is_me = 0 ORDER BY id');
  const c = pick(contacts, o.a);
  const other = pick(contacts, o.b);
  const meeting = pick(ids(db, 'SELECT id FROM meetings ORDER BY id'), o.a);
  const followUp = pick(ids(db, 'SELECT id FROM follow_ups ORDER BY id'), o.a);
  const name = NAMES[o.a % NAMES.length] as string;
  const label = `${o.op} ${o.a}`;
  const write = (fn: () => void) => {
    try {
      writeTransaction(db, label, fn);
    } catch (err) {
      // A command that refuses (an ambiguous name, say) writes nothing.
      if (!(err instanceof Refused || err instanceof NetjournalError)) throw err;
    }
  };
  switch (o.op) {
    case 'contactAdd':
      return write(() => {
        const id = insertContact(
          db,
          fields(name, {
            company: o.flag ? o.text : null,
            circle: (['inner', 'second', 'third', null] as const)[o.b % 4] ?? null,
            cadenceDays: o.c % 3 === 0 ? 14 : null,
            birthday: o.c % 5 === 0 ? '03-14' : null,
            tags: o.text.split(' ').slice(0, 2),
          }),
          DAYS[o.c % DAYS.length] as string,
        );
        if (o.b % 3 === 0) {
          const via = findOrCreateContact(db, NAMES[o.b % NAMES.length] as string, false, DAY);
          if (via.contact.id === id) throw new Refused();
          insertIntroduction(
            db,
            { introducerId: via.contact.id, personId: id, toId: ME_ID, date: DAY, context: null },
            NOW,
          );
        }
      });
    case 'contactEdit':
      if (c === undefined) return;
      return write(() =>
        updateContact(db, c, {
          fields:
            o.b % 3 === 0
              ? { name: `${name} ${o.text}` }
              : o.b % 3 === 1
                ? { company: o.flag ? o.text : null, cadenceDays: o.c % 2 ? 7 : null }
                : { circle: o.flag ? 'inner' : 'third', howMet: o.text },
          archived: o.c % 5 === 0 ? o.flag : undefined,
          setTags: o.c % 4 === 0 ? [o.text.split(' ')[0] as string] : undefined,
          addTags: o.c % 4 === 1 ? ['added'] : [],
          removeTags: o.c % 4 === 2 ? ['Added', 'marathon'] : [],
        }),
      );
    case 'contactRm':
      if (c === undefined) return;
      return write(() => void deleteContact(db, c));
    case 'merge':
      if (c === undefined || other === undefined || c === other) return;
      return write(() => void mergeContacts(db, c, other));
    case 'add': {
      const request: AddRequest = {
        names: o.names.map((n) => NAMES[n % NAMES.length] as string),
        kind: KINDS[o.b % KINDS.length] as MeetingKind,
        date: DAYS[o.c % DAYS.length] as string,
        notes: o.flag ? o.text : null,
        learned: o.b % 2 ? [o.text] : [],
        via: o.c % 3 === 0 ? (NAMES[(o.a + 1) % NAMES.length] as string) : null,
        followUps:
          o.b % 3 === 0 ? [{ text: `send ${o.text}`, due: DUE[o.c % DUE.length] as string }] : [],
        offered: o.c % 4 === 0 ? [`intro to ${name}`] : [],
        gave: o.c % 5 === 0 ? [o.text] : [],
        outreach: o.flag,
        nudge: o.flag && o.b % 2 === 0 ? (DUE[o.c % DUE.length] as string) : null,
        thankYou: o.a % 3 !== 0,
        forceNew: o.c % 7 === 0,
      };
      return write(() => {
        const names = request.names.map((n) => n.toLowerCase());
        if (request.via && names.includes(request.via.toLowerCase())) throw new Refused();
        recordMeeting(db, request, DAY, NOW);
      });
    }
    case 'note':
      if (c === undefined) return;
      return write(() => void insertNote(db, { contactId: c, date: DAY, text: o.text }, NOW));
    case 'followUp':
      if (c === undefined) return;
      return write(
        () =>
          void insertFollowUp(
            db,
            {
              contactId: c,
              kind: o.flag ? 'waiting' : 'action',
              text: o.text,
              due: DUE[o.b % DUE.length] as string,
            },
            NOW,
          ),
      );
    case 'done':
    case 'drop':
    case 'snooze':
    case 'reopen': {
      if (followUp === undefined) return;
      const row = db
        .prepare('SELECT status, kind, introduction_id FROM follow_ups WHERE id = ?')
        .get(followUp) as { status: string; kind: string; introduction_id: number | null };
      return write(() => {
        if (o.op === 'snooze') {
          if (row.status !== 'open') throw new Refused();
          setFollowUpDue(db, followUp, DUE[o.b % DUE.length] as string);
        } else if (o.op === 'reopen') {
          setFollowUpStatus(db, followUp, 'open', null);
        } else {
          if (row.status !== 'open') throw new Refused();
          setFollowUpStatus(db, followUp, o.op === 'done' ? 'done' : 'dropped', DAY);
          if (o.op === 'done' && row.kind === 'report_back' && row.introduction_id !== null)
            setReportedBack(db, row.introduction_id, true);
        }
      });
    }
    case 'meetingEdit':
      if (meeting === undefined) return;
      return write(() => {
        updateMeeting(db, meeting, {
          date: DAYS[o.b % DAYS.length] as string,
          kind: KINDS[o.c % KINDS.length] as MeetingKind,
          notes: o.flag ? o.text : null,
          outreach: o.c % 2 === 0,
        });
        if (o.b % 2 === 0)
          setParticipants(
            db,
            meeting,
            o.names.map((n) => pick(contacts, n)).filter((x): x is number => x !== undefined),
          );
      });
    case 'meetingRm':
      if (meeting === undefined) return;
      return write(() => {
        deleteOpenFollowUpsOfMeeting(db, meeting);
        deleteMeeting(db, meeting);
      });
    case 'intro':
      return write(() => {
        const party = (n: number) =>
          n % 4 === 0
            ? ME_ID
            : findOrCreateContact(db, NAMES[n % NAMES.length] as string, false, DAY).contact.id;
        const people = [party(o.a), party(o.b), o.flag ? ME_ID : party(o.c)];
        if (new Set(people).size < 3) throw new Refused();
        insertIntroduction(
          db,
          {
            introducerId: people[0] as number,
            personId: people[1] as number,
            toId: people[2] as number,
            date: DAYS[o.c % DAYS.length] as string,
            context: o.flag ? null : o.text,
          },
          NOW,
        );
      });
    case 'configSet':
      return write(() =>
        setSetting(
          db,
          `cadence.${(['inner', 'second', 'third'] as const)[o.a % 3]}`,
          String(7 * (1 + (o.b % 8))),
        ),
      );
    case 'configUnset':
      return write(
        () => void unsetSetting(db, `cadence.${(['inner', 'second', 'third'] as const)[o.a % 3]}`),
      );
    case 'importJsonl': {
      const { records, problems } = readJournalLines(jsonlFile(db, o));
      expect(problems).toEqual([]);
      return write(() => {
        // As the import command runs it: the bulk path, lookup indexes kept unless empty.
        const outcome = withBulkWrite(db, { dropLookupIndexes: isEmptyJournal(db) }, () => {
          const r = importJournal(db, records);
          return { result: r, changedContacts: r.changedContacts };
        });
        if (outcome.problems.length > 0) throw new Refused();
      });
    }
    case 'importCsv': {
      const { contacts: parsed, problems } = parseContacts(csvFile(o), 'csv');
      expect(problems).toEqual([]);
      return write(() =>
        withBulkWrite(db, { dropLookupIndexes: true }, () => {
          const r = importContacts(db, parsed, {
            circle: o.flag ? 'second' : null,
            tag: o.flag ? 'csv' : null,
            today: DAY,
            timestamp: NOW,
          });
          return { result: r, changedContacts: r.changedContacts };
        }),
      );
    }
    case 'undo':
      return; // handled by the property
  }
}

/** A new device applies changes another device logged, on the bulk path (min 0) or record by record. */
function appliedOnNewDevice(changes: readonly ForeignChange[], bulkMin: number): unknown {
  const fresh = openMemoryJournal(NOW);
  try {
    const own = deviceId(fresh);
    const device = changes[0]?.device ?? 'none';
    writeTransaction(
      fresh,
      'sync',
      () => applyIncoming(fresh, own, [{ device, changes, seen: {} }], DAY, { bulkMin }),
      { undoable: false },
    );
    const log = fresh
      .prepare(
        'SELECT hlc, device, record, uid, op, local_id, fields, prior FROM changes ORDER BY seq',
      )
      .all();
    return { ...(snapshot(fresh) as object), log, disagreements: logDisagreements(fresh) };
  } finally {
    fresh.close();
  }
}

describe('the change log', () => {
  it('applied on a new device, gives the same journal on the bulk path as record by record', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 18 }), (ops) => {
        const db = openMemoryJournal(NOW);
        try {
          for (const o of ops)
            if (o.op === 'undo') undo(db);
            else command(db, o);
          // The whole log (inserts, edits, deletes, undo) as a batch, and compacted as a snapshot.
          for (const changes of [unpushedChanges(db, 0).changes, snapshotChanges(db)])
            expect(appliedOnNewDevice(changes, 0)).toEqual(
              appliedOnNewDevice(changes, Number.POSITIVE_INFINITY),
            );
        } finally {
          db.close();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('taken whole from a snapshot file by a new device, gives the journal that wrote it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netjournal-snapshot-file-'));
    let run = 0;
    // A change as logged, without the short id (which differs between devices), in one order.
    const canonical = (changes: readonly Record<string, unknown>[]) =>
      changes
        .map(({ hlc, device, record, uid, op, fields, prior }) =>
          JSON.stringify([hlc, device, record, uid, op, fields, prior]),
        )
        .sort();
    const logOf = (db: Db) =>
      db
        .prepare('SELECT hlc, device, record, uid, op, fields, prior FROM changes ORDER BY seq')
        .all() as Record<string, unknown>[];
    try {
      fc.assert(
        fc.property(fc.array(op, { minLength: 1, maxLength: 18 }), (ops) => {
          const db = openMemoryJournal(NOW);
          const fresh = openMemoryJournal(NOW);
          const file = join(dir, `${run++}.db`);
          try {
            for (const o of ops)
              if (o.op === 'undo') undo(db);
              else command(db, o);
            writeSnapshotFile(db, file, { test: true });
            fresh.prepare('ATTACH ? AS snap').run(file);
            const compacted = snapshotChanges(db);
            expect(canonical(snapshotFileChanges(fresh, 'snap') as never)).toEqual(
              canonical(compacted as never),
            );
            expect(canAdoptSnapshot(fresh, 'snap')).toBe(true);
            const own = deviceId(fresh);
            writeTransaction(
              fresh,
              'sync',
              () => adoptSnapshot(fresh, 'snap', own, { device: deviceId(db), seen: {} }, DAY),
              { undoable: false },
            );
            fresh.exec('DETACH snap');
            // The same records under the same short ids, the same search index …
            expect(snapshot(fresh)).toEqual(snapshot(db));
            // … and the changes a new device applying the snapshot logs, each naming its record here.
            const careful = appliedOnNewDevice(compacted, Number.POSITIVE_INFINITY) as {
              log: Record<string, unknown>[];
              disagreements: unknown;
            };
            const unnumbered = (log: Record<string, unknown>[]) =>
              log.map(({ hlc, device, record, uid, op, fields, prior }) =>
                JSON.stringify([hlc, device, record, uid, op, fields, prior]),
              );
            expect(unnumbered(logOf(fresh))).toEqual(unnumbered(careful.log));
            expect(careful.disagreements).toEqual([]);
            expect(logDisagreements(fresh)).toEqual([]);
            for (const row of fresh.prepare('SELECT record, uid, local_id FROM changes').all() as {
              record: string;
              uid: string;
              local_id: number | null;
            }[]) {
              const spec = Object.values(RECORDS).find((r) => r.type === row.record);
              const held =
                spec?.identity === 'uid'
                  ? (fresh
                      .prepare(`SELECT id FROM ${spec.table} WHERE uid = ?`)
                      .pluck()
                      .get(row.uid) as number | undefined)
                  : undefined;
              expect(row.local_id).toBe(held ?? null);
            }
          } finally {
            db.close();
            fresh.close();
            rmSync(file, { force: true });
          }
        }),
        { numRuns: 40 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('undoing any suffix of commands restores each earlier journal; replaying the log rebuilds it', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 18 }), (ops) => {
        const db = openMemoryJournal(NOW);
        try {
          // Journals before each command that wrote something and is not undone yet.
          const before: unknown[] = [];
          for (const o of ops) {
            if (o.op === 'undo') {
              const expected = before.pop();
              expect(undo(db)).toBe(expected !== undefined);
              if (expected !== undefined) expect(snapshot(db)).toEqual(expected);
              continue;
            }
            const state = snapshot(db);
            const groups = groupCount(db);
            command(db, o);
            if (groupCount(db) > groups) before.push(state);
            else expect(snapshot(db)).toEqual(state);
          }
          expectReplayMatches(db);
          while (before.length > 0) {
            expect(undo(db)).toBe(true);
            expect(snapshot(db)).toEqual(before.pop());
          }
          expect(lastUndoStep(db)).toBeNull();
          expectReplayMatches(db);
        } finally {
          db.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
