import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { spawnCli } from '../helpers/spawn-cli.js';
import { decodePng, distinctColours } from '../helpers/png.js';

// The pages in a real browser: Debian's chromium, headless, at a phone's and a
// laptop's size. Each run takes a screenshot and dumps the DOM at once (one
// start of chromium per page and size: it is slow to start on 2 cores). Every
// request the browser makes goes to a proxy on this machine that only counts
// connections, so a page that fetched anything would be seen. Not skipped when
// chromium is missing: .ci/run installs it, and a missing one should fail loudly.

const SIZES = ['390,844', '1280,800'] as const;
const PEOPLE = ['Joe Park', 'Ralph Smith', 'Zoë <&> "Z"', 'שרה כהן', 'Ana 🌻'];

let j: TempJournal;
let proxy: Server;
let proxyPort = 0;
/** Requests the page may have caused: every one but the browser's own. */
const requests: string[] = [];
// Chromium's own update, clock and sign-in checks, which no flag here turns off
// (seen through this proxy); any other host is counted.
const BROWSER_OWN = new Set([
  'accounts.google.com',
  'update.googleapis.com',
  'clients2.google.com',
]);

function record(args: string[]): void {
  const result = spawnCli(args, j.env);
  expect(result.stderr).not.toMatch(/^netjournal:/m);
  expect(result.code).toBe(0);
}

beforeAll(async () => {
  j = tempJournal();
  record(['intro', 'Mom', 'Joe Park', '--date', '2026-10-01']);
  record(['add', 'Ralph Smith', '--via', 'Joe Park', '--date', '2026-11-01', '--no-thank-you']);
  record(['intro', 'Zoë <&> "Z"', 'שרה כהן', '--date', '2026-11-12']);
  record(['intro', 'me', 'Ana 🌻', '--to', 'Ralph Smith', '--date', '2026-11-13']);
  record(['contact', 'edit', 'Joe Park', '--circle', 'second', '--company', 'Acme & Sons']);
  proxy = createServer((socket) => {
    socket.once('data', (d) => {
      const line = d.toString('latin1').split('\r\n')[0] ?? '';
      const host = /^[A-Z]+ (?:https?:\/\/)?([^/:\s]+)/.exec(line)?.[1] ?? line;
      if (!BROWSER_OWN.has(host)) requests.push(line);
      // An answer, so that the browser does not try again later.
      socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyPort = (proxy.address() as { port: number }).port;
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => proxy.close(resolve));
  j.remove();
});

/** One headless chromium run: the page's DOM after load, and its screenshot's pixels. */
function chromium(page: string, size: string): Promise<{ dom: string; png: Buffer }> {
  const dir = join(j.dir, `chromium-${size}`);
  mkdirSync(dir, { recursive: true });
  const shot = join(dir, 'shot.png');
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--hide-scrollbars',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-default-apps',
    '--disable-sync',
    `--user-data-dir=${join(dir, 'profile')}`,
    `--proxy-server=http://127.0.0.1:${proxyPort}`,
    '--proxy-bypass-list=<-loopback>',
    `--window-size=${size}`,
    `--screenshot=${shot}`,
    '--dump-dom',
    `file://${page}`,
  ];
  return new Promise((resolve, reject) => {
    execFile('chromium', args, { timeout: 90_000, maxBuffer: 1 << 26 }, (err, stdout) => {
      if (err)
        reject(new Error(`chromium must be installed (apt-get install chromium): ${err.message}`));
      else resolve({ dom: stdout, png: readFileSync(shot) });
    });
  });
}

function page(args: string[], name: string): string {
  const file = join(j.dir, name);
  const result = spawnCli([...args, '--output', file], j.env);
  expect(result).toMatchObject({ stdout: '', code: 0 });
  return file;
}

describe('the pages in headless chromium', () => {
  it.each([
    ['intros --format html', ['intros', '--format', 'html'], 'intros.html', PEOPLE],
    [
      'stats --format html',
      ['stats', '--format', 'html'],
      'stats.html',
      ['Mom', 'Joe Park', 'Zoë <&> "Z"'],
    ],
  ])(
    '%s: the names are in the DOM, the screenshot is not blank, nothing is fetched',
    async (_, args, name, names) => {
      const file = page(args, name);
      const html = readFileSync(file, 'utf8');
      expect(html).not.toMatch(/(src|href)\s*=|url\(|@import/i);
      const before = requests.length;
      for (const size of SIZES) {
        const { dom, png } = await chromium(file, size);
        for (const person of names) {
          const escaped = person.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
          expect(dom, `${person} at ${size}`).toContain(escaped);
        }
        expect(dom).not.toMatch(/<script/i);
        const image = decodePng(png);
        expect([image.width, image.height]).toEqual(size.split(',').map(Number));
        // A blank page is one colour; text, charts and the graph's circles give hundreds.
        expect(distinctColours(image), `colours at ${size}`).toBeGreaterThan(50);
      }
      expect(requests.slice(before)).toEqual([]);
    },
    300_000,
  );

  it('the proxy sees a page that fetches something (so the checks above can fail)', async () => {
    const file = join(j.dir, 'fetches.html');
    writeFileSync(file, '<!DOCTYPE html><p>x</p><img src="http://example.com/x.png">');
    const before = requests.length;
    await chromium(file, '390,844');
    expect(requests.slice(before)).toContain('GET http://example.com/x.png HTTP/1.1');
  }, 120_000);
});
