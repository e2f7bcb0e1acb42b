import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';

// A contact's own team choice (contact edit --share/--no-share, 0012): kept
// out of lists and pages, carried by jsonl exports when set, undoable.

let a: TempJournal;
let b: TempJournal;
beforeEach(() => {
  a = tempJournal();
  b = tempJournal();
});
afterEach(() => {
  a.remove();
  b.remove();
});

async function ok(j: TempJournal, args: string[]): Promise<string> {
  const r = await j.run(args);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

const lineOf = (jsonl: string, name: string) =>
  jsonl.split('\n').find((l) => l.includes(`"name":"${name}"`)) ?? '';

it('--share and --no-share are kept, exported in jsonl, imported back, and undone', async () => {
  await ok(a, ['contact', 'add', 'Ralph Smith']);
  await ok(a, ['contact', 'add', 'Lena Berg']);
  await ok(a, ['contact', 'add', 'Joe Park']);
  const before = await ok(a, ['contacts', '--json']);
  await ok(a, ['contact', 'edit', 'Ralph Smith', '--share']);
  await ok(a, ['contact', 'edit', 'Lena Berg', '--no-share']);
  // Not a visible field: lists show the same records.
  expect(await ok(a, ['contacts', '--json'])).toBe(before);
  const exported = await ok(a, ['export']);
  expect(lineOf(exported, 'Ralph Smith')).toContain('"teamShare":1');
  expect(lineOf(exported, 'Lena Berg')).toContain('"teamShare":0');
  expect(lineOf(exported, 'Joe Park')).not.toContain('teamShare');
  const file = join(a.dir, 'all.jsonl');
  writeFileSync(file, exported);
  await ok(b, ['import', file]);
  expect(await ok(b, ['export'])).toBe(exported);

  const undone = await a.run(['undo']);
  expect(undone.code, undone.stderr).toBe(0);
  expect(lineOf(await ok(a, ['export']), 'Lena Berg')).not.toContain('teamShare');
});

it('--share alone is a change; nothing else given is still "nothing to change"', async () => {
  await ok(a, ['contact', 'add', 'Ralph Smith']);
  const none = await a.run(['contact', 'edit', 'Ralph Smith']);
  expect(none.stderr).toBe('netjournal: nothing to change — give an option such as --company\n');
  expect(none.code).toBe(2);
  expect((await a.run(['contact', 'edit', 'Ralph Smith', '--share'])).code).toBe(0);
});
