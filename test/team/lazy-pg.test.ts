import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { spawnCli } from '../helpers/spawn-cli.js';

// pg is loaded only by team commands: the built CLI's start-up (--version,
// today) does not pay for it. A preload script records every module loaded.

let j: TempJournal;
beforeEach(() => {
  j = tempJournal();
});
afterEach(() => j.remove());

function modulesLoadedBy(args: string[]): string[] {
  const list = join(j.dir, 'modules.txt');
  const preload = join(j.dir, 'record.cjs');
  writeFileSync(
    preload,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, Object.keys(require.cache).join('\\n')));\n`,
  );
  spawnCli(args, { ...j.env, NODE_OPTIONS: `--require ${preload}` });
  return readFileSync(list, 'utf8').split('\n');
}

// pg as a module of node_modules, or the bundle of it the build makes (dist/bundle/pg.cjs).
const isPg = (path: string) =>
  /[\\/]node_modules[\\/]pg[\\/]|[\\/]dist[\\/]bundle[\\/]pg\.cjs$/.test(path);

it('netjournal --version and today load no pg; a team command does', () => {
  expect(modulesLoadedBy(['--version']).filter(isPg)).toEqual([]);
  expect(modulesLoadedBy(['today']).filter(isPg)).toEqual([]);
  const url = `postgresql://alice@localhost/team?host=${join(j.dir, 'no-server')}`;
  expect(modulesLoadedBy(['team', 'join', url]).filter(isPg).length).toBeGreaterThan(0);
});
