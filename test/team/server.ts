import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A throwaway PostgreSQL for the team tests: initdb into a temp folder and
// pg_ctl start listening only on a Unix socket in that folder (no TCP, so
// parallel test files never fight over a port). One server per test file.
//
// PostgreSQL refuses to run as root, and the tests run as root in CI and
// here: then initdb and pg_ctl run as `nobody` (runuser, util-linux), with
// the folder given to it. Root still reaches the socket.

/** The superuser initdb creates, and its password (scram, like a real server). */
export const ADMIN = 'netjournal_admin';
export const ADMIN_PASSWORD = 'admin-secret';
export const DATABASE = 'team';

export interface TeamServer {
  /** The folder holding the data directory, the socket and the log. */
  dir: string;
  /** A connection URL as the given role (no password in it). */
  url(role: string, database?: string): string;
  /** Run SQL with psql as a role; the result, not thrown. */
  psql(
    role: string,
    password: string,
    sql: string,
    database?: string,
  ): { code: number; stdout: string; stderr: string };
  /** Stop the server and remove its folder. */
  stop(): void;
}

/** Where initdb and pg_ctl are: Debian's versioned folder (newest) first, else PATH. */
function pgBin(tool: string): string {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      const path = join(root, v, 'bin', tool);
      if (existsSync(path)) return path;
    }
  }
  return tool;
}

const isRoot = process.getuid?.() === 0;

/** Run a PostgreSQL server tool, as nobody when we are root. */
function asServerUser(tool: string, args: string[], cwd: string): void {
  const [cmd, argv] = isRoot
    ? ['runuser', ['-u', 'nobody', '--', pgBin(tool), ...args]]
    : [pgBin(tool), args];
  execFileSync(cmd, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Start a fresh server with an empty `team` database. */
export function startServer(): TeamServer {
  const dir = mkdtempSync(join(tmpdir(), 'netjournal-pg-'));
  if (isRoot) chownSync(dir, 65534, 65534);
  const data = join(dir, 'data');
  const pwfile = join(dir, 'admin.pw');
  writeFileSync(pwfile, ADMIN_PASSWORD + '\n');
  if (isRoot) chownSync(pwfile, 65534, 65534);
  asServerUser(
    'initdb',
    [
      '-D',
      data,
      '-U',
      ADMIN,
      `--pwfile=${pwfile}`,
      '--auth-local=scram-sha-256',
      '--auth-host=reject',
      '-E',
      'UTF8',
      '--no-locale',
      '--no-sync',
    ],
    dir,
  );
  const options = `-k ${dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  asServerUser(
    'pg_ctl',
    ['start', '-D', data, '-s', '-w', '-l', join(dir, 'log'), '-o', options],
    dir,
  );
  const url = (role: string, database = DATABASE) =>
    `postgresql://${role}@localhost/${database}?host=${dir}`;
  const psql: TeamServer['psql'] = (role, password, sql, database = DATABASE) => {
    const r = spawnSync(
      'psql',
      ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', url(role, database), '-c', sql],
      { encoding: 'utf8', env: { ...process.env, PGPASSWORD: password, PGCONNECT_TIMEOUT: '10' } },
    );
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  };
  const made = psql(ADMIN, ADMIN_PASSWORD, `CREATE DATABASE ${DATABASE}`, 'postgres');
  if (made.code !== 0) throw new Error(`createdb failed: ${made.stderr}`);
  return {
    dir,
    url,
    psql,
    stop: () => {
      try {
        asServerUser('pg_ctl', ['stop', '-D', data, '-s', '-m', 'immediate', '-w'], dir);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
