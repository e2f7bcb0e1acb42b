// A throwaway PostgreSQL for the team tests and the README's Teams example:
// initdb into a temp folder and pg_ctl start listening only on a Unix socket
// in that folder (no TCP, so parallel test files never fight over a port).
//
// PostgreSQL refuses to run as root, and the tests run as root in CI and
// here: then initdb and pg_ctl run as `nobody` (runuser, util-linux), with
// the folder given to it. Root still reaches the socket.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The superuser initdb creates, and its password (scram, like a real server). */
export const ADMIN = 'netjournal_admin';
export const ADMIN_PASSWORD = 'admin-secret';
export const DATABASE = 'team';

/** Where initdb and pg_ctl are: Debian's versioned folder (newest) first, else PATH. */
function pgBin(tool) {
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
const NOBODY = 65534;

/** Run a PostgreSQL server tool, as nobody when we are root. */
function asServerUser(tool, args, cwd) {
  const [cmd, argv] = isRoot
    ? ['runuser', ['-u', 'nobody', '--', pgBin(tool), ...args]]
    : [pgBin(tool), args];
  execFileSync(cmd, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Start a fresh server with an empty `team` database. */
export function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'netjournal-pg-'));
  if (isRoot) chownSync(dir, NOBODY, NOBODY);
  const data = join(dir, 'data');
  const pwfile = join(dir, 'admin.pw');
  writeFileSync(pwfile, ADMIN_PASSWORD + '\n');
  if (isRoot) chownSync(pwfile, NOBODY, NOBODY);
  try {
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
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const url = (role, database = DATABASE) =>
    `postgresql://${role}@localhost/${database}?host=${dir}`;
  const psql = (role, password, sql, database = DATABASE) => {
    const r = spawnSync(
      'psql',
      ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', url(role, database), '-c', sql],
      {
        encoding: 'utf8',
        env: { ...process.env, PGPASSWORD: password, PGCONNECT_TIMEOUT: '10' },
      },
    );
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  };
  const stop = () => {
    try {
      asServerUser('pg_ctl', ['stop', '-D', data, '-s', '-m', 'immediate', '-w'], dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const made = psql(ADMIN, ADMIN_PASSWORD, `CREATE DATABASE ${DATABASE}`, 'postgres');
  if (made.code !== 0) {
    stop();
    throw new Error(`createdb failed: ${made.stderr}`);
  }
  return { dir, url, psql, stop };
}
