import { UsageError } from '../errors.js';

/**
 * A team's connection URL (postgresql://role@host:port/database?host=/socket):
 * what is kept of it in the journal, and the parts messages and ~/.pgpass
 * need. Pure: no connection is made here.
 */

/** The parts of a URL that a password is looked up by (as libpq does for ~/.pgpass). */
export interface TeamEndpoint {
  host: string;
  port: string;
  database: string;
  user: string;
}

function parse(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw notUrl(url);
  }
  if (parsed.protocol !== 'postgresql:' && parsed.protocol !== 'postgres:') throw notUrl(url);
  return parsed;
}

const notUrl = (url: string) =>
  new UsageError(
    `"${withoutPassword(url, false)}" is not a PostgreSQL URL`,
    'give one like postgresql://alice@db.example.com/team',
  );

/** The URL with any password taken out (what the journal keeps and messages show). */
export function withoutPassword(url: string, strict = true): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    if (strict) throw notUrl(url);
    // Not a URL: hide whatever sits between the scheme's // and an @.
    return url.replace(/(\/\/[^/@:]*):[^/@]*@/, '$1@');
  }
  parsed.password = '';
  return parsed.toString();
}

/** Check a URL and return it without its password; it must name a role and a database. */
export function teamUrl(url: string): string {
  const parsed = parse(url);
  if (parsed.pathname.length <= 1)
    throw new UsageError(
      `${withoutPassword(url)} names no database`,
      'add it after the host, e.g. postgresql://alice@db.example.com/team',
    );
  return withoutPassword(url);
}

/** The same URL connecting as another role (add-member prints the member's). */
export function withRole(url: string, role: string): string {
  const parsed = parse(url);
  parsed.username = encodeURIComponent(role);
  parsed.password = '';
  return parsed.toString();
}

/** The password a URL carries, if any (never stored: only used to connect). */
export function passwordOf(url: string): string | undefined {
  const parsed = parse(url);
  return parsed.password === '' ? undefined : decodeURIComponent(parsed.password);
}

/** Host, port, database and role of a URL, with libpq's defaults. */
export function endpointOf(url: string, env: NodeJS.ProcessEnv): TeamEndpoint {
  const parsed = parse(url);
  const socket = parsed.searchParams.get('host');
  return {
    host: socket ?? (decodeURIComponent(parsed.hostname) || 'localhost'),
    port: parsed.searchParams.get('port') ?? (parsed.port || '5432'),
    database: decodeURIComponent(parsed.pathname.slice(1)),
    user: decodeURIComponent(parsed.username) || env.PGUSER || env.USER || '',
  };
}

/** "db.example.com:5432/team" or "/run/postgresql/team": where, for messages. */
export function describeEndpoint(e: TeamEndpoint): string {
  return e.host.startsWith('/') ? `${e.host}/${e.database}` : `${e.host}:${e.port}/${e.database}`;
}

/**
 * The password ~/.pgpass gives for an endpoint: the first line whose
 * host:port:database:username match (`*` matches anything; `\:` and `\\`
 * are a colon and a backslash), as libpq reads the file. A socket path is
 * matched as `localhost`, as libpq does for the default socket.
 */
export function pgpassLookup(text: string, e: TeamEndpoint): string | undefined {
  const host = e.host.startsWith('/') ? 'localhost' : e.host;
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const fields = splitPgpassLine(line);
    if (fields.length < 5) continue;
    const [h, p, d, u] = fields;
    const want = [host, e.port, e.database, e.user];
    if ([h, p, d, u].every((f, i) => f === '*' || f === want[i])) return fields.slice(4).join(':');
  }
  return undefined;
}

function splitPgpassLine(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length) current += line[++i];
    else if (c === ':') {
      fields.push(current);
      current = '';
    } else current += c;
  }
  fields.push(current);
  return fields;
}
