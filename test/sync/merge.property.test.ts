import fc from 'fast-check';
import { expect, it } from 'vitest';
import { openMemoryJournal, writeTransaction, type Db } from '../../src/storage/journal.js';
import { logDisagreements } from '../../src/storage/log-check.js';
import { applyIncoming } from '../../src/storage/sync-apply.js';
import { deviceId, seenClocks, unpushedChanges } from '../../src/storage/sync-state.js';
import { lastUndoStep, revertUndoStep } from '../../src/storage/undo.js';
import { deleteRecord, insertRecord, updateRecord } from '../../src/storage/write.js';
import type { ForeignChange } from '../../src/storage/change-log.js';

// The merge without git, many times: in-memory journals write at random
// through the write path and exchange batches (what `sync` writes and reads)
// in random order. Once each has applied every other's batches, all hold the
// same records, and each one's tables match its own change log.

interface Batch {
  device: string;
  seq: number;
  seen: Record<string, string>;
  changes: ForeignChange[];
}

interface Sim {
  db: Db;
  device: string;
  pushed: number;
  batches: number;
  applied: Map<string, number>;
}

type Op =
  | { kind: 'contact' | 'meet' | 'note'; pick: number }
  | { kind: 'company' | 'tag' | 'untag' | 'rm' | 'undo' | 'push' | 'pull'; pick: number };

const op = fc.record({
  kind: fc.constantFrom(
    'contact',
    'meet',
    'note',
    'company',
    'company',
    'company',
    'tag',
    'untag',
    'rm',
    'undo',
    'push',
    'push',
    'pull',
    'pull',
    'pull',
  ),
  pick: fc.nat(),
}) as fc.Arbitrary<Op>;

const CREATED = '2026-11-30T00:00:00.000Z';

function contactIds(db: Db): number[] {
  return (
    db.prepare('SELECT id FROM contacts WHERE is_me = 0 ORDER BY id').all() as {
      id: number;
    }[]
  ).map((r) => r.id);
}

function write(sim: Sim, o: Op, names: { n: number }): void {
  const db = sim.db;
  const ids = contactIds(db);
  const who = ids[o.pick % Math.max(ids.length, 1)];
  if (o.kind === 'undo') {
    writeTransaction(
      db,
      'undo',
      () => {
        const last = lastUndoStep(db);
        if (last) revertUndoStep(db, last.id);
      },
      { undoable: false },
    );
    return;
  }
  writeTransaction(db, o.kind, () => {
    if (o.kind === 'contact') {
      insertRecord(db, 'contact', { name: `P${++names.n}`, created: '2026-11-30' });
    } else if (who === undefined) {
      return;
    } else if (o.kind === 'meet') {
      const meeting = insertRecord(db, 'meeting', {
        date: '2026-11-30',
        kind: 'coffee',
        created: CREATED,
      });
      insertRecord(db, 'participant', { meeting_id: meeting, contact_id: who });
    } else if (o.kind === 'note') {
      insertRecord(db, 'note', {
        contact_id: who,
        date: '2026-11-30',
        text: `n${o.pick % 5}`,
        created: CREATED,
      });
    } else if (o.kind === 'company') {
      updateRecord(db, 'contact', who, { company: `Co ${o.pick % 3}` });
    } else if (o.kind === 'tag') {
      insertRecord(db, 'tag', { contact_id: who, tag: 'friend' });
    } else if (o.kind === 'untag') {
      deleteRecord(db, 'tag', { contact_id: who, tag: 'friend' });
    } else if (o.kind === 'rm') {
      deleteRecord(db, 'contact', who);
    }
  });
}

function push(sim: Sim, repo: Batch[]): void {
  const { last, changes } = unpushedChanges(sim.db, sim.pushed);
  if (changes.length === 0) return;
  repo.push({ device: sim.device, seq: ++sim.batches, seen: seenClocks(sim.db), changes });
  sim.pushed = last;
}

function pull(sim: Sim, repo: Batch[]): number {
  const fresh = repo.filter(
    (b) => b.device !== sim.device && b.seq > (sim.applied.get(b.device) ?? 0),
  );
  if (fresh.length === 0) return 0;
  const senders = [...new Set(fresh.map((b) => b.device))].map((device) => {
    const batches = fresh.filter((b) => b.device === device);
    return { device, changes: batches.flatMap((b) => b.changes), seen: batches[0]?.seen ?? {} };
  });
  const result = writeTransaction(
    sim.db,
    'sync',
    () => applyIncoming(sim.db, sim.device, senders, CREATED),
    {
      undoable: false,
    },
  );
  for (const b of fresh) sim.applied.set(b.device, Math.max(sim.applied.get(b.device) ?? 0, b.seq));
  return [...result.applied.values()].reduce((a, b) => a + b, 0);
}

/** The records by stable id, references as stable ids: what must be equal everywhere. */
function records(db: Db): string[] {
  const rows = (sql: string) => (db.prepare(sql).all() as object[]).map((r) => JSON.stringify(r));
  return [
    ...rows(`SELECT 'contact' AS t, uid, name, company FROM contacts WHERE is_me = 0`),
    ...rows(
      `SELECT 'tag' AS t, c.uid, t.tag FROM contact_tags t JOIN contacts c ON c.id = t.contact_id`,
    ),
    ...rows(`SELECT 'meeting' AS t, uid, date FROM meetings`),
    ...rows(
      `SELECT 'participant' AS t, m.uid AS m, c.uid AS c FROM meeting_contacts p
         JOIN meetings m ON m.id = p.meeting_id JOIN contacts c ON c.id = p.contact_id`,
    ),
    ...rows(
      `SELECT 'note' AS t, n.uid, c.uid AS c, n.text FROM notes n JOIN contacts c ON c.id = n.contact_id`,
    ),
  ].sort();
}

it('journals that have applied each other’s batches hold the same records', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 3 }),
      fc.array(fc.tuple(fc.nat({ max: 2 }), op), { minLength: 1, maxLength: 25 }),
      (count, ops) => {
        const sims: Sim[] = Array.from({ length: count }, () => {
          const db = openMemoryJournal('2026-11-30T00:00:00.000Z');
          const sim: Sim = { db, device: deviceId(db), pushed: 0, batches: 0, applied: new Map() };
          return sim;
        });
        const repo: Batch[] = [];
        const names = { n: 0 };
        try {
          // Every journal starts with the same two contacts, so that edits meet.
          const first = sims[0] as Sim;
          write(first, { kind: 'contact', pick: 0 }, names);
          write(first, { kind: 'contact', pick: 0 }, names);
          push(first, repo);
          for (const sim of sims) pull(sim, repo);
          for (const [which, o] of ops) {
            const sim = sims[which % count] as Sim;
            if (o.kind === 'push') push(sim, repo);
            else if (o.kind === 'pull') pull(sim, repo);
            else write(sim, o, names);
          }
          // Rounds of every journal sending and receiving, until a round moves nothing.
          for (let round = 0; round < 6; round++) {
            const batches = repo.length;
            let moved = 0;
            for (const sim of sims) {
              push(sim, repo);
              moved += pull(sim, repo);
            }
            if (moved === 0 && repo.length === batches) break;
          }
          const expected = records(first.db);
          for (const sim of sims) {
            expect(records(sim.db)).toEqual(expected);
            expect(logDisagreements(sim.db)).toEqual([]);
          }
          const counts = sims.map(
            (s) => (s.db.prepare('SELECT count(*) AS n FROM changes').get() as { n: number }).n,
          );
          expect(new Set(counts).size).toBe(1);
        } finally {
          for (const sim of sims) sim.db.close();
        }
      },
    ),
    { numRuns: 150 },
  );
});
