import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { latestVersion } from '../../src/storage/migrate.js';
import { BIN, spawnCli } from '../helpers/spawn-cli.js';
import { FIXTURE_V1 } from './helpers.js';

// Upgrading an older journal can take seconds at L, once: on a terminal a
// line says so before it starts (script(1) owns the pty); a script reading
// stderr gets nothing, and a journal already upgraded says nothing.

let dir: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'netjournal-upgrade-notice-'));
  copyFileSync(FIXTURE_V1, join(dir, 'journal.db'));
  env = {
    PATH: process.env.PATH,
    HOME: dir,
    NETJOURNAL_DB: join(dir, 'journal.db'),
    NETJOURNAL_NOW: '2026-11-30',
    NO_COLOR: '1',
    TERM: 'xterm',
  };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const NOTICE = `netjournal: upgrading the journal (schema 1 to ${latestVersion()}), once; a large one takes a few seconds…`;

/** `netjournal today` with stdout and stderr on a pseudo-terminal: what the screen shows. */
function onTerminal(): string {
  const line = `'${process.execPath}' '${BIN}' today`;
  return execFileSync('script', ['-qec', line, '/dev/null'], { env, encoding: 'utf8' });
}

it('says on a terminal that an older journal is being upgraded, once', () => {
  const first = onTerminal();
  expect(first.split(/\r?\n/)[0]).toBe(NOTICE);
  expect(onTerminal()).not.toContain('upgrading');
});

it('says nothing of it to a script', () => {
  const piped = spawnCli(['today'], env);
  expect(piped.code).toBe(0);
  expect(piped.stderr).toBe('');
});
