import { mkdirSync, readFileSync, statSync, writeFileSync, chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { journalState } from '../helpers/state.js';
import { parseXml, withClass } from '../helpers/xml.js';

// intros --format svg as a user runs it: --output, --open, --depth, --chain,
// and the refusals, each leaving the journal as it was.

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

/** Mom → Joe → Ralph → Ana (each to me), Joe → Kim, and me → Lena to Ralph. */
async function network(): Promise<void> {
  await ok(['intro', 'Mom', 'Joe Park', '--date', '2026-10-01']);
  await ok(['intro', 'Joe Park', 'Ralph Smith', '--date', '2026-11-01']);
  await ok(['intro', 'Ralph Smith', 'Ana Lima', '--date', '2026-11-05']);
  await ok(['intro', 'Joe Park', 'Kim Ode', '--date', '2026-11-06']);
  await ok(['intro', 'me', 'Lena Berg', '--to', 'Ralph Smith', '--date', '2026-11-10']);
  await ok(['contact', 'edit', 'Mom', '--circle', 'inner']);
  await ok(['contact', 'edit', 'Joe Park', '--circle', 'second', '--company', 'Acme & Sons']);
}

const nodeIds = (svg: string) =>
  withClass(parseXml(svg), 'node')
    .map((n) => n.attributes.id)
    .sort();
const edgeIds = (svg: string) =>
  withClass(parseXml(svg), 'edge')
    .map((n) => n.attributes.id)
    .sort();

describe('intros --format svg', () => {
  it('draws every person and introduction on stdout', async () => {
    await network();
    const svg = await ok(['intros', '--format', 'svg']);
    expect(svg).toMatch(/^<\?xml version="1\.0" encoding="UTF-8" standalone="no"\?>\n<svg /);
    expect(nodeIds(svg)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    expect(edgeIds(svg)).toEqual(['i1', 'i2', 'i3', 'i4', 'i5']);
    expect(svg).toContain('<title>Joe Park · Acme &amp; Sons · never met · warmth 0.00</title>');
  });

  it('draws a neighbourhood with --of NAME --depth N, and --since as the list does', async () => {
    await network();
    // Ana: her introduction (Ralph → Ana); depth 2 adds Ralph's (Joe → Ralph, me → Lena to Ralph).
    expect(edgeIds(await ok(['intros', '--format', 'svg', '--of', 'Ana Lima']))).toEqual(['i3']);
    expect(
      edgeIds(await ok(['intros', '--format', 'svg', '--of', 'Ana Lima', '--depth', '2'])),
    ).toEqual(['i2', 'i3', 'i5']);
    expect(
      edgeIds(await ok(['intros', '--format', 'svg', '--of', 'Ana Lima', '--depth', '3'])),
    ).toEqual(['i1', 'i2', 'i3', 'i4', 'i5']);
    // The same neighbourhood in the list formats.
    const tsv = await ok(['intros', '--of', 'Ana Lima', '--depth', '2', '--format', 'tsv']);
    expect(tsv.split('\n').filter(Boolean)).toHaveLength(4);
    expect(edgeIds(await ok(['intros', '--format', 'svg', '--since', '2026-11-05']))).toEqual([
      'i3',
      'i4',
      'i5',
    ]);
  });

  it('highlights the chain to NAME over the whole graph', async () => {
    await network();
    const svg = parseXml(await ok(['intros', '--format', 'svg', '--chain', 'Ana Lima']));
    expect(withClass(svg, 'edge')).toHaveLength(5);
    expect(
      withClass(svg, 'chain')
        .map((e) => e.attributes.id)
        .sort(),
    ).toEqual(['i1', 'i2', 'i3', 'p1', 'p2', 'p3', 'p4']);
  });

  it('writes --output FILE readable by its owner only, and refuses to replace it', async () => {
    await network();
    const file = join(j.dir, 'intros.svg');
    const result = await j.run(['intros', '--format', 'svg', '--output', file]);
    expect(result).toEqual({ stdout: '', stderr: `Wrote ${file}.\n`, code: 0 });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(edgeIds(readFileSync(file, 'utf8'))).toHaveLength(5);
    writeFileSync(file, 'mine');
    const before = await journalState(j);
    const again = await j.run(['intros', '--format', 'svg', '--output', file]);
    expect(again).toEqual({
      stdout: '',
      stderr: `netjournal: ${file} already exists — add --force to replace it, or choose another --output\n`,
      code: 2,
    });
    expect(readFileSync(file, 'utf8')).toBe('mine');
    expect(await journalState(j)).toBe(before);
    await ok(['intros', '--format', 'svg', '--output', file, '--force']);
    expect(readFileSync(file, 'utf8')).toMatch(/^<\?xml/);
  });

  it('--open hands the file to the system opener, or says there is none', async () => {
    await network();
    const bin = join(j.dir, 'bin');
    mkdirSync(bin);
    const opened = join(j.dir, 'opened');
    // Written whole, then renamed: the test reads it once it exists (the opener runs detached).
    writeFileSync(
      join(bin, 'xdg-open'),
      `#!/bin/sh\nprintf '%s' "$1" > '${opened}.tmp' && /bin/mv '${opened}.tmp' '${opened}'\n`,
    );
    chmodSync(join(bin, 'xdg-open'), 0o755);
    const file = join(j.dir, 'g.svg');
    const result = await j.run(['intros', '--format', 'svg', '--output', file, '--open'], {
      env: { PATH: bin },
    });
    expect(result).toEqual({ stdout: '', stderr: `Wrote ${file}.\n`, code: 0 });
    for (let i = 0; i < 100 && !existsSync(opened); i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(readFileSync(opened, 'utf8')).toBe(file);

    const none = await j.run(['intros', '--format', 'svg', '--open'], { env: { PATH: j.dir } });
    expect(none.code).toBe(0);
    const [wrote, said] = none.stderr.split('\n');
    const temp = /^Wrote (.*\/introductions\.svg)\.$/.exec(wrote ?? '')?.[1] as string;
    expect(statSync(temp).mode & 0o777).toBe(0o600);
    expect(said).toBe(`No xdg-open here to open it with: open ${temp} in a browser.`);
  });

  it.each([
    [
      ['intros', '--output', 'x.svg'],
      '--output writes a picture and needs --format svg|html — add --format svg, or drop --output',
    ],
    [
      ['intros', '--format', 'dot', '--open'],
      '--open writes a picture and needs --format svg|html — add --format svg, or drop --open',
    ],
    [
      ['intros', '--format', 'svg', '--top'],
      '--format svg draws the introduction graph and cannot be used with --top — drop --top, or pick one of table, json, jsonl, csv, tsv',
    ],
    [
      ['intros', '--format', 'svg', '--depth', '2'],
      '--depth needs --of NAME — add --of NAME, e.g. --of "Joe Park" --depth 2',
    ],
    [
      ['intros', '--of', 'Joe', '--depth', '0'],
      'invalid --depth "0" — give a number from 1 to 10, e.g. --depth 2',
    ],
    [
      ['intros', '--format', 'svg', '--force'],
      '--force needs --output — add --output FILE, or drop --force',
    ],
  ])('refuses %j with exit 2, writing nothing', async (args, message) => {
    await network();
    const before = await journalState(j);
    const result = await j.run(args);
    expect(result).toEqual({ stdout: '', stderr: `netjournal: ${message}\n`, code: 2 });
    expect(existsSync(join(j.dir, 'x.svg'))).toBe(false);
    expect(await journalState(j)).toBe(before);
  });

  it('refuses at once a graph too large to lay out, with how to narrow it', async () => {
    await network();
    const db = new Database(j.path);
    const add = db.prepare(
      `INSERT INTO introductions (introducer_id, person_id, to_id, date, created)
       VALUES (1, 2, 0, '2026-11-11', '2026-11-11T00:00:00Z')`,
    );
    db.transaction(() => {
      for (let i = 0; i < 996; i++) add.run();
    })();
    db.close();
    const before = await journalState(j);
    const started = Date.now();
    const result = await j.run(['intros', '--format', 'svg']);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result).toEqual({
      stdout: '',
      stderr:
        'netjournal: 1001 introductions are too many to draw (at most 1000) — narrow it with --of NAME (--depth 2 for their neighbourhood) or --since, e.g. --since 3m\n',
      code: 2,
    });
    expect(await journalState(j)).toBe(before);
    const narrowed = await ok(['intros', '--format', 'svg', '--of', 'Ana Lima']);
    expect(edgeIds(narrowed)).toEqual(['i3']);
  });
});
