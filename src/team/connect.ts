import type { Client, DatabaseError } from 'pg';
import { describeEndpoint, endpointOf, type TeamEndpoint } from '../domain/team-url.js';
import { JournalError, NetjournalError } from '../errors.js';
import { loadLibrary } from '../load-library.js';

/**
 * A connection to a team's PostgreSQL. `pg` is loaded here, on first use,
 * so that no other command pays for it. Every failure the server or the
 * network gives becomes one JournalError (exit 4) saying what to do.
 */

type Pg = typeof import('pg');

export interface TeamConnection {
  client: Client;
  endpoint: TeamEndpoint;
  /** The URL it connected with (no password), for the hints. */
  url: string;
}

export interface ConnectOptions {
  env: NodeJS.ProcessEnv;
  /** Asked only when the server wants a password: PGPASSWORD, ~/.pgpass, a prompt. */
  password: (endpoint: TeamEndpoint) => Promise<string | undefined>;
}

/** Connect, or throw a JournalError naming what went wrong. */
export async function connectTeam(url: string, opts: ConnectOptions): Promise<TeamConnection> {
  const pg = loadLibrary('pg') as Pg;
  const endpoint = endpointOf(url, opts.env);
  let asked: NetjournalError | null = null;
  const client = new pg.Client({
    // The parts, not connectionString: pg lets a URL's (empty) password
    // override the password function, and reads PG* from process.env.
    host: endpoint.host,
    port: Number(endpoint.port),
    database: endpoint.database,
    user: endpoint.user,
    ssl: sslOf(url),
    connectionTimeoutMillis: 10_000,
    // An application_name the team's admin sees in pg_stat_activity.
    application_name: 'netjournal',
    password: async () => {
      try {
        const found = await opts.password(endpoint);
        if (found === undefined)
          throw new JournalError(
            `the team's server asks a password for role ${endpoint.user}`,
            'set PGPASSWORD, add a line to ~/.pgpass (or PGPASSFILE), or run on a terminal to be asked',
          );
        return found;
      } catch (err) {
        if (err instanceof NetjournalError) asked = err;
        throw err;
      }
    },
  });
  // A dropped connection after connecting is reported by the query that fails.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => undefined);
    throw asked ?? teamError(err, { client, endpoint, url });
  }
  return { client, endpoint, url };
}

/** TLS as the URL's sslmode asks (libpq's names); none by default. */
function sslOf(url: string): boolean | { rejectUnauthorized: boolean } {
  const mode = new URL(url).searchParams.get('sslmode');
  if (mode === 'require' || mode === 'prefer') return { rejectUnauthorized: false };
  if (mode === 'verify-ca' || mode === 'verify-full') return true;
  return false;
}

/** Close a connection, ignoring a server that has gone. */
export async function closeTeam(conn: TeamConnection): Promise<void> {
  await conn.client.end().catch(() => undefined);
}

/** Is this an error PostgreSQL sent (with its SQLSTATE)? */
export function isServerError(err: unknown): err is DatabaseError {
  return err instanceof Error && typeof (err as { code?: unknown }).code === 'string';
}

/** The role is not a member of the team (not granted netjournal_member). */
export function noRights(conn: TeamConnection): JournalError {
  const role = conn.endpoint.user;
  return new JournalError(
    `role ${role} has no rights in the team at ${describeEndpoint(conn.endpoint)}`,
    `ask the team's admin to run: netjournal team add-member ${role} --url ADMIN-URL`,
  );
}

/** An error from pg or the network as one line with its fix (exit 4). */
export function teamError(err: unknown, conn: TeamConnection): NetjournalError {
  if (err instanceof NetjournalError) return err;
  const where = describeEndpoint(conn.endpoint);
  const role = conn.endpoint.user;
  const code = (err as { code?: string }).code ?? '';
  const message = err instanceof Error ? err.message : String(err);
  if (
    ['ECONNREFUSED', 'ENOENT', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EAI_AGAIN'].includes(code)
  )
    return new JournalError(
      `cannot reach the team's server at ${where}`,
      'check the URL and that the server is running, then try again',
    );
  if (/timeout/i.test(message))
    return new JournalError(
      `the team's server at ${where} did not answer`,
      'check the network and the server, then try again',
    );
  // The connection dropped, or an admin ended it (57P01–57P03): whatever was
  // in its transaction (a whole share) was undone by the server.
  if (
    code === 'ECONNRESET' ||
    code === 'EPIPE' ||
    /^57P0[123]$/.test(code) ||
    /Connection terminated/i.test(message)
  )
    return new JournalError(
      `the connection to the team's server at ${where} was lost`,
      'nothing half-done is left there; try again',
    );
  if (code === '28P01' || code === '28000')
    return new JournalError(
      `the team's server refused role ${role}'s password`,
      'check PGPASSWORD or your ~/.pgpass line, or ask the team admin to reset it',
    );
  if (code === '3D000')
    return new JournalError(
      `the database in ${conn.url} does not exist on ${where.replace(/\/[^/]*$/, '')}`,
      'check the URL, or create it first (createdb)',
    );
  if (code === '3F000' || code === '42P01')
    return new JournalError(
      `${where} is not a netjournal team`,
      `its admin sets it up with: netjournal team init ${conn.url}`,
    );
  if (code === '42501') return noRights(conn);
  return new JournalError(
    `the team's server at ${where} said: ${message.split('\n')[0] ?? message}`,
    'check the URL and your role, then try again',
  );
}
