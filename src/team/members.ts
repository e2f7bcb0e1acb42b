import { randomBytes } from 'node:crypto';
import { UsageError } from '../errors.js';
import { noRights, type TeamConnection } from './connect.js';
import { MEMBER_ROLE, SCHEMA } from './schema.js';

/** A member as `team members` lists them. */
export interface TeamMember {
  role: string;
  name: string;
  joined: string;
  /** When they last shared, or null. */
  shared: string | null;
  people: number;
  introductions: number;
}

/** A role name PostgreSQL accepts without surprises: what `createuser` users type. */
export function checkRoleName(role: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role))
    throw new UsageError(
      `"${role}" is not a usable role name`,
      'use lower-case letters, digits and underscores, starting with a letter, e.g. alice',
    );
  if (role.startsWith('pg_') || role === MEMBER_ROLE)
    throw new UsageError(`"${role}" is reserved`, 'choose another role name, e.g. alice');
  return role;
}

/**
 * `team add-member`: create the login role if missing (with a new password,
 * returned so that the admin can pass it on) and make it a member.
 */
export async function addMember(
  conn: TeamConnection,
  role: string,
): Promise<{ created: boolean; password: string | null }> {
  const { client } = conn;
  await client.query('BEGIN');
  try {
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    let password: string | null = null;
    if (exists.rowCount === 0) {
      password = randomBytes(12).toString('base64url');
      // Identifiers and passwords cannot be bound parameters in CREATE ROLE.
      await client.query(
        `CREATE ROLE ${quoteIdent(role)} LOGIN PASSWORD ${quoteLiteral(password)}`,
      );
    }
    await client.query(`GRANT ${MEMBER_ROLE} TO ${quoteIdent(role)}`);
    await client.query('COMMIT');
    return { created: password !== null, password };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/** `team join`: this role's row in the members table, under the name the team sees. */
export async function joinTeam(conn: TeamConnection, name: string): Promise<void> {
  const member = await conn.client.query<{ member: boolean }>(
    `SELECT pg_has_role(current_user, $1, 'MEMBER') AS member`,
    [MEMBER_ROLE],
  );
  if (member.rows[0]?.member !== true) throw noRights(conn);
  await conn.client.query(
    `INSERT INTO ${SCHEMA}.members (display_name) VALUES ($1)
     ON CONFLICT (member) DO UPDATE SET display_name = EXCLUDED.display_name`,
    [name],
  );
}

/** Is this role in the members table (has it joined)? */
export async function hasJoined(conn: TeamConnection): Promise<boolean> {
  const r = await conn.client.query(`SELECT 1 FROM ${SCHEMA}.members WHERE member = current_user`);
  return (r.rowCount ?? 0) > 0;
}

/** Every member, by name. */
export async function listMembers(conn: TeamConnection): Promise<TeamMember[]> {
  const r = await conn.client.query<{
    member: string;
    display_name: string;
    joined: string;
    shared: string | null;
    people: string;
    introductions: string;
  }>(
    `SELECT m.member, m.display_name,
            to_char(m.joined_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS joined,
            to_char(m.shared_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS shared,
            (SELECT count(*) FROM ${SCHEMA}.people p WHERE p.member = m.member) AS people,
            (SELECT count(*) FROM ${SCHEMA}.introductions i WHERE i.member = m.member)
              AS introductions
       FROM ${SCHEMA}.members m
      ORDER BY lower(m.display_name), m.member`,
  );
  return r.rows.map((row) => ({
    role: row.member,
    name: row.display_name,
    joined: row.joined,
    shared: row.shared,
    people: Number(row.people),
    introductions: Number(row.introductions),
  }));
}

/** `team leave`: everything this role shared, and its member row, in one transaction. */
export async function leaveTeam(
  conn: TeamConnection,
): Promise<{ people: number; introductions: number }> {
  const { client } = conn;
  await client.query('BEGIN');
  try {
    const intros = await client.query(
      `DELETE FROM ${SCHEMA}.introductions WHERE member = current_user`,
    );
    const people = await client.query(`DELETE FROM ${SCHEMA}.people WHERE member = current_user`);
    await client.query(`DELETE FROM ${SCHEMA}.members WHERE member = current_user`);
    await client.query('COMMIT');
    return { people: people.rowCount ?? 0, introductions: intros.rowCount ?? 0 };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/** An SQL identifier, quoted. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** An SQL string literal, quoted (for the statements that take no parameters). */
function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
