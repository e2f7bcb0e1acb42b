import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { BIN } from '../helpers/spawn-cli.js';

// Edges from issue 14: ids a JavaScript number cannot hold, settings named
// like Object's own properties, a stderr nobody reads, and a write that
// changes nothing.

let j: TempJournal;
beforeEach(() => {
  j = tempJournal();
});
afterEach(() => j.remove());

async function ok(args: string[]): Promise<string> {
  const result = await j.run(args);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

const contactLine = (id: number | string, name: string) =>
  `{"type":"contact","id":${id},"name":"${name}","company":null,"role":null,"email":null,"phone":null,"url":null,"location":null,"circle":null,"cadenceDays":null,"birthday":null,"tags":[],"howMet":null,"archived":false,"created":"2026-11-01"}`;

describe('ids outside the exact range of a JavaScript number', () => {
  it.each([
    ['2^53 - 1', '9007199254740991'],
    ['2^53 + 1 (read back rounded)', '9007199254740993'],
    ['2^48 + 1', String(2 ** 48 + 1)],
    ['negative', '-4'],
  ])('refuses a jsonl id of %s with exit 2 naming the line, writing nothing', async (_, id) => {
    await ok(['contact', 'add', 'Ralph Smith']);
    const before = readFileSync(j.path);
    const file = join(j.dir, 'big.jsonl');
    writeFileSync(file, `${contactLine(1, 'Lena Berg')}\n${contactLine(id, 'Huge Id')}\n`);
    const result = await j.run(['import', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^netjournal: big\.jsonl:2: contact has a missing or invalid "id"/,
    );
    expect(readFileSync(j.path).equals(before)).toBe(true);
  });

  it('keeps the largest id it accepts exact through later writes', async () => {
    const file = join(j.dir, 'edge.jsonl');
    writeFileSync(file, `${contactLine(2 ** 48, 'Edge Case')}\n`);
    await ok(['import', file]);
    await ok(['add', 'Second One', '--no-thank-you']);
    await ok(['add', 'Edge Case', '--no-thank-you']);
    const contacts = JSON.parse(await ok(['contacts', '--json'])) as { id: number; name: string }[];
    expect(contacts).toEqual([
      expect.objectContaining({ id: 2 ** 48, name: 'Edge Case' }),
      expect.objectContaining({ id: 2 ** 48 + 1, name: 'Second One' }),
    ]);
    const meetings = JSON.parse(await ok(['log', '--json'])) as { contacts: string[] }[];
    expect(meetings.map((m) => m.contacts).sort()).toEqual([['Edge Case'], ['Second One']]);
  });
});

describe('settings named like Object properties', () => {
  it.each(['constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty'])(
    'config set %s is an unknown setting: exit 2, no journal created',
    async (key) => {
      const result = await j.run(['config', 'set', key, '30d']);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        new RegExp(`^netjournal: unknown setting "${key}" — known settings: `),
      );
      expect(existsSync(j.path)).toBe(false);
      expect((await j.run(['config', 'get', key])).code).toBe(2);
    },
  );
});

describe('a write that changes nothing', () => {
  it('records no undo step: undo reverts the write before it', async () => {
    await ok(['config', 'set', 'cadence.inner', '30d']);
    await ok(['config', 'set', 'cadence.inner', '30d']);
    const dry = await j.run(['undo', '--dry-run']);
    expect(dry.stdout).toBe('undo: setting cadence.inner\n');
    const json = JSON.parse((await j.run(['undo', '--dry-run', '--json'])).stdout) as unknown;
    expect(json).toMatchObject({ changes: [{ table: 'settings', op: 'insert', rows: 1 }] });
    await ok(['undo']);
    expect(await ok(['config', 'list', '--json'])).toBe('[]\n');
  });
});

describe('a stderr nobody reads', () => {
  it('still exits 0 after a committed write, and the write is there', async () => {
    const env = { PATH: process.env.PATH, ...j.env };
    const child = spawn(process.execPath, [BIN, 'add', 'Ralph Smith', '--no-thank-you'], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // The reader goes away before netjournal says what it recorded.
    child.stderr.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    const contacts = JSON.parse(await ok(['contacts', '--json'])) as { name: string }[];
    expect(contacts.map((c) => c.name)).toEqual(['Ralph Smith']);
  });
});
