import { randomBytes } from 'node:crypto';
import { describeEndpoint } from '../domain/team-url.js';
import { JournalError } from '../errors.js';
import { noRights, type TeamConnection } from './connect.js';

/**
 * The team schema in PostgreSQL, as numbered forward-only migrations that
 * `team init` applies in one transaction with their record in
 * netjournal_team.migrations. Every other team command checks the record
 * first: a team of a newer schema is refused, never half-understood.
 *
 * Access control is PostgreSQL's: members are login roles granted the group
 * role netjournal_member; row-level security lets each read every member's
 * rows and insert, change or delete only the rows whose `member` is their
 * own role (current_user).
 */

export const SCHEMA = 'netjournal_team';
export const MEMBER_ROLE = 'netjournal_member';

/** The tables members write, each with its own rows by `member`. */
const MEMBER_TABLES = ['members', 'people', 'introductions'] as const;

const rowSecurity = (table: string) => `
ALTER TABLE ${SCHEMA}.${table} ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON ${SCHEMA}.${table} FOR SELECT TO ${MEMBER_ROLE} USING (true);
CREATE POLICY insert_own ON ${SCHEMA}.${table} FOR INSERT TO ${MEMBER_ROLE}
  WITH CHECK (member = current_user);
CREATE POLICY update_own ON ${SCHEMA}.${table} FOR UPDATE TO ${MEMBER_ROLE}
  USING (member = current_user) WITH CHECK (member = current_user);
CREATE POLICY delete_own ON ${SCHEMA}.${table} FOR DELETE TO ${MEMBER_ROLE}
  USING (member = current_user);
GRANT SELECT, INSERT, UPDATE, DELETE ON ${SCHEMA}.${table} TO ${MEMBER_ROLE};`;

/** The migrations, in order; a number once released is never changed. */
export const TEAM_MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'shared graph',
    sql: `
CREATE TABLE ${SCHEMA}.team (
  key   text PRIMARY KEY,
  value text NOT NULL
);
CREATE TABLE ${SCHEMA}.members (
  member       text PRIMARY KEY DEFAULT current_user,
  display_name text NOT NULL,
  joined_at    timestamptz NOT NULL DEFAULT now(),
  shared_at    timestamptz
);
-- A contact a member shares: no notes, phone, birthday or e-mail; the e-mail
-- and profile URL only as salted hashes, to find one person across members.
CREATE TABLE ${SCHEMA}.people (
  member             text NOT NULL DEFAULT current_user,
  uid                text NOT NULL,
  name               text NOT NULL,
  company            text,
  role               text,
  email_hash         text,
  url_hash           text,
  meetings_last_year integer NOT NULL CHECK (meetings_last_year >= 0),
  last_met_month     text CHECK (last_met_month ~ '^[0-9]{4}-[0-9]{2}$'),
  -- The name, and company and role, folded (lower case, no accents): what
  -- team intros and team reach look for.
  name_key           text NOT NULL,
  search             text NOT NULL,
  -- What the member's netjournal last sent, to send only what changed.
  row_hash           text NOT NULL,
  PRIMARY KEY (member, uid)
);
CREATE INDEX people_by_email ON ${SCHEMA}.people (email_hash) WHERE email_hash IS NOT NULL;
CREATE INDEX people_by_url ON ${SCHEMA}.people (url_hash) WHERE url_hash IS NOT NULL;
CREATE INDEX people_by_name ON ${SCHEMA}.people (name_key text_pattern_ops);
-- An introduction among a member's shared contacts; '' is the member.
CREATE TABLE ${SCHEMA}.introductions (
  member     text NOT NULL DEFAULT current_user,
  uid        text NOT NULL,
  introducer text NOT NULL,
  person     text NOT NULL,
  to_person  text NOT NULL,
  date       text NOT NULL,
  row_hash   text NOT NULL,
  PRIMARY KEY (member, uid)
);
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${MEMBER_ROLE}') THEN
    CREATE ROLE ${MEMBER_ROLE} NOLOGIN;
  END IF;
END $$;
-- team reach looks for text inside company and role: with pg_trgm (a trusted
-- extension in PostgreSQL's contrib, which most servers have) an index finds
-- it among millions of rows; without it the search reads the table.
DO $$
DECLARE trgm_schema text;
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
    CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA ${SCHEMA};
    SELECT n.nspname INTO trgm_schema FROM pg_extension e
      JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
    EXECUTE format('CREATE INDEX people_by_search ON ${SCHEMA}.people USING gin (search %I.gin_trgm_ops)',
                   trgm_schema);
  END IF;
END $$;
GRANT USAGE ON SCHEMA ${SCHEMA} TO ${MEMBER_ROLE};
GRANT SELECT ON ${SCHEMA}.migrations, ${SCHEMA}.team TO ${MEMBER_ROLE};
${MEMBER_TABLES.map(rowSecurity).join('\n')}
`,
  },
];

/** The newest schema this netjournal knows. */
export const TEAM_SCHEMA_VERSION = TEAM_MIGRATIONS.reduce((n, m) => Math.max(n, m.version), 0);

/** The version the team database records, or null when it is not a team. */
async function recordedVersion(conn: TeamConnection): Promise<number | null> {
  // The catalog is readable by every role: tells "no team here" from "not let in".
  const ns = await conn.client.query<{ usable: boolean; tables: boolean }>(
    `SELECT has_schema_privilege(oid, 'USAGE') AS usable,
            to_regclass('${SCHEMA}.migrations') IS NOT NULL AS tables
       FROM pg_namespace WHERE nspname = $1`,
    [SCHEMA],
  );
  const schema = ns.rows[0];
  if (schema === undefined) return null;
  if (!schema.usable) throw noRights(conn);
  if (!schema.tables) return null;
  const r = await conn.client.query<{ version: number | null }>(
    `SELECT max(version) AS version FROM ${SCHEMA}.migrations`,
  );
  return r.rows[0]?.version ?? 0;
}

function newerSchema(conn: TeamConnection, version: number): JournalError {
  return new JournalError(
    `the team at ${describeEndpoint(conn.endpoint)} has schema version ${version}, newer than this netjournal knows (${TEAM_SCHEMA_VERSION})`,
    'upgrade netjournal, then try again',
  );
}

/**
 * `team init`: create the schema, or bring it up to date, in one
 * transaction; the number of migrations applied (0: it was up to date).
 */
export async function migrateTeam(conn: TeamConnection): Promise<number> {
  const { client } = conn;
  await client.query('BEGIN');
  try {
    // One init at a time: a second waits, then finds the work done.
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('${SCHEMA}'))`);
    let version = await recordedVersion(conn);
    if (version !== null && version > TEAM_SCHEMA_VERSION) throw newerSchema(conn, version);
    if (version === null) {
      await client.query(`CREATE SCHEMA ${SCHEMA}`);
      await client.query(`CREATE TABLE ${SCHEMA}.migrations (
        version    integer PRIMARY KEY,
        name       text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now())`);
      version = 0;
    }
    let applied = 0;
    for (const m of TEAM_MIGRATIONS) {
      if (m.version <= version) continue;
      await client.query(m.sql);
      await client.query(`INSERT INTO ${SCHEMA}.migrations (version, name) VALUES ($1, $2)`, [
        m.version,
        m.name,
      ]);
      applied++;
    }
    // The salt of the e-mail and URL hashes: one per team, made once.
    await client.query(
      `INSERT INTO ${SCHEMA}.team (key, value) VALUES ('salt', $1) ON CONFLICT (key) DO NOTHING`,
      [randomBytes(16).toString('hex')],
    );
    await client.query('COMMIT');
    return applied;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/** Check that the database is a team this netjournal can use; throws exit 4 when not. */
export async function checkTeam(conn: TeamConnection): Promise<void> {
  const version = await recordedVersion(conn);
  if (version === null || version === 0)
    throw new JournalError(
      `${describeEndpoint(conn.endpoint)} is not a netjournal team`,
      `its admin sets it up with: netjournal team init ${conn.url}`,
    );
  if (version > TEAM_SCHEMA_VERSION) throw newerSchema(conn, version);
  if (version < TEAM_SCHEMA_VERSION)
    throw new JournalError(
      `the team at ${describeEndpoint(conn.endpoint)} has schema version ${version}, older than this netjournal's (${TEAM_SCHEMA_VERSION})`,
      `its admin upgrades it with: netjournal team init ${conn.url}`,
    );
}

/** The team's salt for the e-mail and URL hashes. */
export async function teamSalt(conn: TeamConnection): Promise<string> {
  const r = await conn.client.query<{ value: string }>(
    `SELECT value FROM ${SCHEMA}.team WHERE key = 'salt'`,
  );
  const salt = r.rows[0]?.value;
  if (salt === undefined)
    throw new JournalError(
      `the team at ${describeEndpoint(conn.endpoint)} has no salt`,
      `its admin repairs it with: netjournal team init ${conn.url}`,
    );
  return salt;
}
