import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPager } from '../../src/cli/show-page.js';
import { chosenPager, pagerFor, screenRows, type PagerSituation } from '../../src/output/pager.js';

// Issue 17, point 2: whether a page is paged (pure), and running the pager.

const lines = (n: number): string =>
  Array.from({ length: n }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
const terminal: PagerSituation = { isTTY: true, rows: 24, columns: 80, allowed: true, env: {} };

describe('pagerFor', () => {
  it('pages on a terminal only when the page would push its first line out of sight', () => {
    expect(pagerFor(lines(23), terminal)).toBeNull();
    expect(pagerFor(lines(24), terminal)).toBe('less -FRX');
    expect(pagerFor(lines(100), { ...terminal, rows: 120 })).toBeNull();
  });

  it('counts a line wider than the terminal as the rows it takes', () => {
    expect(screenRows(`${'x'.repeat(161)}\nshort\n`, 80)).toBe(4);
    expect(screenRows('東'.repeat(41), 80)).toBe(2);
    expect(pagerFor(`${'x'.repeat(80 * 23 + 1)}\n`, terminal)).toBe('less -FRX');
  });

  it('never pages piped, with --no-pager, or on a terminal of unknown height', () => {
    expect(pagerFor(lines(100), { ...terminal, isTTY: false })).toBeNull();
    expect(pagerFor(lines(100), { ...terminal, allowed: false })).toBeNull();
    expect(pagerFor(lines(100), { ...terminal, rows: undefined })).toBeNull();
    expect(pagerFor(lines(100), { ...terminal, rows: 0 })).toBeNull();
  });

  it('takes $NETJOURNAL_PAGER, else $PAGER, else less -FRX; cat or empty is none', () => {
    expect(chosenPager({})).toBe('less -FRX');
    expect(chosenPager({ PAGER: 'more' })).toBe('more');
    expect(chosenPager({ PAGER: 'more', NETJOURNAL_PAGER: 'most -s' })).toBe('most -s');
    expect(chosenPager({ PAGER: 'more', NETJOURNAL_PAGER: 'cat' })).toBeNull();
    expect(chosenPager({ PAGER: 'more', NETJOURNAL_PAGER: '' })).toBeNull();
    expect(chosenPager({ PAGER: ' cat ' })).toBeNull();
    expect(chosenPager({ PAGER: '' })).toBeNull();
    expect(pagerFor(lines(100), { ...terminal, env: { NETJOURNAL_PAGER: 'cat' } })).toBeNull();
  });
});

describe('runPager', () => {
  const dir = mkdtempSync(join(tmpdir(), 'netjournal-run-pager-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the pager the page on its stdin and waits for it', async () => {
    const file = join(dir, 'read.txt');
    const shown = await runPager(
      `sh -c 'cat > "$0"; printf %s "$LESS" > "$0.less"' ${file}`,
      'a page\n',
      {
        PATH: process.env.PATH,
      },
    );
    expect(shown).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('a page\n');
    expect(readFileSync(`${file}.less`, 'utf8')).toBe('FRX');
  });

  it('takes a pager that quits before reading (EPIPE) as shown, with no error', async () => {
    const big = 'x'.repeat(79).concat('\n').repeat(20_000); // 1.6 MB: far more than a pipe holds
    await expect(runPager('true', big, { PATH: process.env.PATH })).resolves.toBe(true);
  });

  it('says so when the pager cannot start, by itself or through the shell', async () => {
    await expect(runPager('/nonexistent/pager -R', 'page\n', {})).resolves.toBe(false);
    await expect(runPager('"/no such/pager"', 'page\n', { PATH: process.env.PATH })).resolves.toBe(
      false,
    );
  });

  it("does not take the pager's exit status for its own", async () => {
    await expect(
      runPager('sh -c "cat >/dev/null; exit 9"', 'page\n', { PATH: process.env.PATH }),
    ).resolves.toBe(true);
  });
});
