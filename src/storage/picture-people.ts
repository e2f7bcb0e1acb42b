import { addDays } from '../domain/dates.js';
import type { PictureFacts } from '../domain/journal-types.js';
import type { Db } from './journal.js';

/**
 * Company, circle, last meeting and recent meetings of the given contacts
 * (archived ones too: they appear in old introductions), keyed by id: two
 * queries whatever the number of people, each reading only their rows by
 * index (the ids go in as one JSON array).
 */
export function pictureFacts(
  db: Db,
  ids: ReadonlySet<number>,
  today: string,
): Map<number, PictureFacts> {
  const list = JSON.stringify([...ids]);
  const counts = new Map<number, number>();
  const countRows = db
    .prepare(
      `SELECT mc.contact_id AS id, count(*) AS n
         FROM meeting_contacts mc JOIN meetings m ON m.id = mc.meeting_id
        WHERE mc.contact_id IN (SELECT value FROM json_each(@list))
          AND m.date > @from AND m.date <= @today
        GROUP BY mc.contact_id`,
    )
    .all({ list, from: addDays(today, -365), today }) as { id: number; n: number }[];
  for (const { id, n } of countRows) counts.set(id, n);
  const facts = new Map<number, PictureFacts>();
  const rows = db.prepare('SELECT id, company, circle, last_met FROM contacts').all() as {
    id: number;
    company: string | null;
    circle: string | null;
    last_met: string | null;
  }[];
  for (const row of rows) {
    facts.set(row.id, {
      company: row.company,
      circle: row.circle as PictureFacts['circle'],
      lastMet: row.last_met,
      meetings: counts.get(row.id) ?? 0,
    });
  }
  return facts;
}
