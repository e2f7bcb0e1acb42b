import type { TeamIntroRow, TeamPersonRow } from '../domain/team-graph.js';
import type { TeamConnection } from './connect.js';
import { SCHEMA } from './schema.js';

/**
 * What `team reach` and `team intros` read from the server: the matching
 * rows, with every other row of the same person (same e-mail or URL hash),
 * so that the domain can show each person once with all who know them.
 */

interface PersonRecord {
  member: string;
  display_name: string;
  uid: string;
  name: string;
  company: string | null;
  role: string | null;
  email_hash: string | null;
  url_hash: string | null;
  meetings_last_year: number;
  last_met_month: string | null;
  name_key: string;
}

const toRow = (r: PersonRecord): TeamPersonRow & { nameKey: string } => ({
  member: r.member,
  memberName: r.display_name,
  uid: r.uid,
  name: r.name,
  company: r.company,
  role: r.role,
  emailHash: r.email_hash,
  urlHash: r.url_hash,
  meetings: r.meetings_last_year,
  lastMetMonth: r.last_met_month,
  nameKey: r.name_key,
});

/** A LIKE pattern's text, its wildcards escaped (ESCAPE '\'). */
function likeText(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Rows of the seed's people and of everyone sharing their e-mail or URL
 * hash: three index lookups joined by UNION (an OR of them reads the table).
 */
function withSamePeople(seed: string): string {
  return `WITH seed AS MATERIALIZED (${seed}),
    hit AS (
      SELECT member, uid FROM seed
      UNION SELECT p.member, p.uid FROM ${SCHEMA}.people p JOIN seed s ON p.email_hash = s.email_hash
      UNION SELECT p.member, p.uid FROM ${SCHEMA}.people p JOIN seed s ON p.url_hash = s.url_hash)
    SELECT p.member, m.display_name, p.uid, p.name, p.company, p.role, p.email_hash,
           p.url_hash, p.meetings_last_year, p.last_met_month, p.name_key
      FROM hit
      JOIN ${SCHEMA}.people p ON p.member = hit.member AND p.uid = hit.uid
      JOIN ${SCHEMA}.members m ON m.member = p.member`;
}

/** These queries are short: JIT compiling them costs more than it saves (~60 ms). */
async function withoutJit(conn: TeamConnection): Promise<void> {
  await conn.client.query('SET jit = off');
}

/** `team reach`: rows whose company or role holds the (folded) text. */
export async function reachRows(conn: TeamConnection, folded: string): Promise<TeamPersonRow[]> {
  await withoutJit(conn);
  const r = await conn.client.query<PersonRecord>(
    withSamePeople(
      `SELECT member, uid, email_hash, url_hash FROM ${SCHEMA}.people
        WHERE search LIKE '%' || $1 || '%' ESCAPE '\\'`,
    ),
    [likeText(folded)],
  );
  return r.rows.map(toRow);
}

/**
 * `team intros`: the rows named like the (folded) name, the rows of everyone
 * in a shared introduction, and the introductions.
 */
export async function introRows(
  conn: TeamConnection,
  folded: string,
): Promise<{ rows: (TeamPersonRow & { nameKey: string })[]; intros: TeamIntroRow[] }> {
  await withoutJit(conn);
  const people = await conn.client.query<PersonRecord>(
    withSamePeople(
      `SELECT member, uid, email_hash, url_hash FROM ${SCHEMA}.people
        WHERE name_key LIKE $1 || '%' ESCAPE '\\'
       UNION
       SELECT p.member, p.uid, p.email_hash, p.url_hash
         FROM ${SCHEMA}.introductions i
         JOIN ${SCHEMA}.people p
           ON p.member = i.member AND p.uid IN (i.introducer, i.person, i.to_person)`,
    ),
    [likeText(folded)],
  );
  const intros = await conn.client.query<TeamIntroRow>(
    `SELECT member, introducer, person, to_person AS "to" FROM ${SCHEMA}.introductions
      ORDER BY member, uid`,
  );
  return { rows: people.rows.map(toRow), intros: intros.rows };
}
