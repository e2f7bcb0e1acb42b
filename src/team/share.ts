import { shareDiff, type SharedIntroduction, type SharedPerson } from '../domain/team-share.js';
import { JournalError } from '../errors.js';
import type { TeamConnection } from './connect.js';
import { SCHEMA } from './schema.js';

/**
 * `team share` on the server: this member's rows made equal to what the
 * journal shares, in one transaction (a killed share leaves the server as
 * before it; the next one converges). Only rows whose hash differs from the
 * server's are sent, so an unchanged re-share sends nothing.
 */

export interface ShareCounts {
  /** Rows shared after this run. */
  people: number;
  introductions: number;
  /** Rows written (new or changed) and removed by this run. */
  sent: { people: number; introductions: number };
  removed: { people: number; introductions: number };
}

/** Rows per statement: a few thousand keep each under PostgreSQL's parameter and size limits. */
const BATCH = 5000;

async function hashesOnServer(conn: TeamConnection, table: string): Promise<Map<string, string>> {
  const r = await conn.client.query<{ uid: string; row_hash: string }>(
    `SELECT uid, row_hash FROM ${SCHEMA}.${table} WHERE member = current_user`,
  );
  return new Map(r.rows.map((row) => [row.uid, row.row_hash]));
}

/** Push this member's shared people and introductions. */
export async function pushShare(
  conn: TeamConnection,
  people: readonly SharedPerson[],
  introductions: readonly SharedIntroduction[],
): Promise<ShareCounts> {
  const { client } = conn;
  await client.query('BEGIN');
  try {
    // One share per member at a time: a second waits and then finds the work done.
    await client.query(`SELECT pg_advisory_xact_lock(hashtext(current_user))`);
    const joined = await client.query(
      `SELECT 1 FROM ${SCHEMA}.members WHERE member = current_user`,
    );
    if (joined.rowCount === 0)
      throw new JournalError(
        `role ${conn.endpoint.user} has not joined the team`,
        `join first: netjournal team join ${conn.url} --member "Your Name"`,
      );
    const peopleDiff = shareDiff(people, await hashesOnServer(conn, 'people'));
    const introDiff = shareDiff(introductions, await hashesOnServer(conn, 'introductions'));
    for (let i = 0; i < peopleDiff.upsert.length; i += BATCH)
      await upsertPeople(conn, peopleDiff.upsert.slice(i, i + BATCH));
    for (let i = 0; i < introDiff.upsert.length; i += BATCH)
      await upsertIntroductions(conn, introDiff.upsert.slice(i, i + BATCH));
    if (peopleDiff.remove.length > 0)
      await client.query(
        `DELETE FROM ${SCHEMA}.people WHERE member = current_user AND uid = ANY($1::text[])`,
        [peopleDiff.remove],
      );
    if (introDiff.remove.length > 0)
      await client.query(
        `DELETE FROM ${SCHEMA}.introductions WHERE member = current_user AND uid = ANY($1::text[])`,
        [introDiff.remove],
      );
    const changed =
      peopleDiff.upsert.length +
      peopleDiff.remove.length +
      introDiff.upsert.length +
      introDiff.remove.length;
    if (changed > 0)
      await client.query(
        `UPDATE ${SCHEMA}.members SET shared_at = now() WHERE member = current_user`,
      );
    await client.query('COMMIT');
    return {
      people: people.length,
      introductions: introductions.length,
      sent: { people: peopleDiff.upsert.length, introductions: introDiff.upsert.length },
      removed: { people: peopleDiff.remove.length, introductions: introDiff.remove.length },
    };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

async function upsertPeople(conn: TeamConnection, rows: readonly SharedPerson[]): Promise<void> {
  const col = <K extends keyof SharedPerson>(k: K) => rows.map((r) => r[k]);
  await conn.client.query(
    `INSERT INTO ${SCHEMA}.people
       (uid, name, company, role, email_hash, url_hash, meetings_last_year, last_met_month,
        name_key, search, row_hash)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
                          $6::text[], $7::int[], $8::text[], $9::text[], $10::text[], $11::text[])
     ON CONFLICT (member, uid) DO UPDATE SET
       name = EXCLUDED.name, company = EXCLUDED.company, role = EXCLUDED.role,
       email_hash = EXCLUDED.email_hash, url_hash = EXCLUDED.url_hash,
       meetings_last_year = EXCLUDED.meetings_last_year,
       last_met_month = EXCLUDED.last_met_month, name_key = EXCLUDED.name_key,
       search = EXCLUDED.search,
       row_hash = EXCLUDED.row_hash`,
    [
      col('uid'),
      col('name'),
      col('company'),
      col('role'),
      col('emailHash'),
      col('urlHash'),
      col('meetingsLastYear'),
      col('lastMetMonth'),
      col('nameKey'),
      col('search'),
      col('rowHash'),
    ],
  );
}

async function upsertIntroductions(
  conn: TeamConnection,
  rows: readonly SharedIntroduction[],
): Promise<void> {
  const col = <K extends keyof SharedIntroduction>(k: K) => rows.map((r) => r[k]);
  await conn.client.query(
    `INSERT INTO ${SCHEMA}.introductions (uid, introducer, person, to_person, date, row_hash)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
     ON CONFLICT (member, uid) DO UPDATE SET
       introducer = EXCLUDED.introducer, person = EXCLUDED.person,
       to_person = EXCLUDED.to_person, date = EXCLUDED.date, row_hash = EXCLUDED.row_hash`,
    [col('uid'), col('introducer'), col('person'), col('to'), col('date'), col('rowHash')],
  );
}
