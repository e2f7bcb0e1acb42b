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

const PERSON_COLUMNS = `member, uid, name, company, role, email_hash, url_hash,
  meetings_last_year, last_met_month, name_key`;

/**
 * Rows of the seed's people and of everyone sharing their e-mail or URL
 * hash: index lookups joined by UNION (an OR of them reads the table); the
 * members' names joined last, from their small table.
 */
function withSamePeople(seed: string): string {
  const p = PERSON_COLUMNS.replace(/(\w+)/g, 'p.$1');
  return `WITH seed AS MATERIALIZED (${seed}),
    hit AS (
      SELECT ${PERSON_COLUMNS} FROM seed
      UNION SELECT ${p} FROM ${SCHEMA}.people p
             WHERE p.email_hash IN (SELECT email_hash FROM seed WHERE email_hash IS NOT NULL)
      UNION SELECT ${p} FROM ${SCHEMA}.people p
             WHERE p.url_hash IN (SELECT url_hash FROM seed WHERE url_hash IS NOT NULL))
    SELECT hit.*, m.display_name FROM hit JOIN ${SCHEMA}.members m ON m.member = hit.member`;
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
      `SELECT ${PERSON_COLUMNS} FROM ${SCHEMA}.people
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
      `SELECT ${PERSON_COLUMNS} FROM ${SCHEMA}.people
        WHERE name_key LIKE $1 || '%' ESCAPE '\\'
       UNION
       SELECT ${PERSON_COLUMNS.replace(/(\w+)/g, 'p.$1')}
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
