import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

// A real Radicale (Debian's) for the vdir tests: on 127.0.0.1, a port the
// system picks, htpasswd auth, its storage in a folder the test gives; and
// the CalDAV/CardDAV requests that ask it what it holds.

export const USER = 'alice';
export const PASSWORD = 's3cret pass';
const AUTH = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

export interface Radicale {
  url: string;
  server: ChildProcess;
  log: string;
}

async function startRadicale(folder: string): Promise<Radicale> {
  const dir = join(folder, 'radicale');
  mkdirSync(dir);
  writeFileSync(join(dir, 'users'), `${USER}:${PASSWORD}\n`);
  const config = join(dir, 'config');
  writeFileSync(
    config,
    [
      '[server]',
      // Port 0: the system picks a free one, which the log names.
      'hosts = 127.0.0.1:0',
      '[auth]',
      'type = htpasswd',
      `htpasswd_filename = ${join(dir, 'users')}`,
      'htpasswd_encryption = plain',
      '[storage]',
      `filesystem_folder = ${join(dir, 'collections')}`,
      '[rights]',
      'type = owner_only',
      '[logging]',
      'level = info',
      '',
    ].join('\n'),
  );
  // The log goes to a file, not a pipe: a pipe nobody reads while spawnSync waits would fill
  // and stall the server.
  const log = join(dir, 'log');
  const fd = openSync(log, 'w');
  const server = spawn('radicale', ['-C', config], { stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const started = Date.now();
  while (Date.now() - started < 15_000) {
    const text = readFileSync(log, 'utf8');
    const port = /Listening on '\[127\.0\.0\.1\]:(\d+)'/.exec(text)?.[1];
    if (port && text.includes('Radicale server ready')) {
      return { url: `http://127.0.0.1:${port}`, server, log };
    }
    if (server.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  server.kill('SIGKILL');
  throw new Error(`Radicale did not start:\n${readFileSync(log, 'utf8')}`);
}

async function stopRadicale(radicale: Radicale): Promise<void> {
  const { server } = radicale;
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 3_000);
  await exited;
  clearTimeout(timer);
}

/** Run test with a fresh Radicale (its files in folder), which is stopped however the test ends. */
export async function withRadicale(
  folder: string,
  test: (radicale: Radicale) => Promise<void>,
): Promise<void> {
  const radicale = await startRadicale(folder);
  try {
    await test(radicale);
  } finally {
    await stopRadicale(radicale);
  }
}

export async function dav(
  radicale: Radicale,
  method: string,
  path: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<string> {
  const response = await fetch(`${radicale.url}${path}`, {
    method,
    headers: { Authorization: AUTH, 'Content-Type': 'application/xml; charset=utf-8', ...headers },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  expect(response.status, `${method} ${path}: ${text}`).toBeLessThan(300);
  return text;
}

/** A new calendar or address book collection at /alice/NAME/ (extended MKCOL, RFC 5689). */
export async function makeCollection(
  radicale: Radicale,
  name: string,
  type: 'calendar' | 'addressbook',
) {
  const kind = type === 'calendar' ? '<C:calendar/>' : '<CR:addressbook/>';
  await dav(
    radicale,
    'MKCOL',
    `/${USER}/${name}/`,
    '<?xml version="1.0" encoding="utf-8"?>' +
      '<D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav" xmlns:CR="urn:ietf:params:xml:ns:carddav">' +
      `<D:set><D:prop><D:resourcetype><D:collection/>${kind}</D:resourcetype></D:prop></D:set></D:mkcol>`,
  );
}

/** What the server holds in a collection: by file name, its etag and its data. */
export interface Held {
  etag: string;
  data: string;
}

const XML_ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
  '&#13;': '\r',
};
const unescapeXml = (text: string) =>
  text.replace(/&(?:amp|lt|gt|quot|apos|#13);/g, (e) => XML_ENTITIES[e] ?? e);

/** A REPORT for every item of a collection, with its etag and data (RFC 4791 §7.8, RFC 6352 §8.6). */
export async function held(
  radicale: Radicale,
  name: string,
  type: 'calendar' | 'addressbook',
): Promise<Map<string, Held>> {
  const query =
    type === 'calendar'
      ? '<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">' +
        '<D:prop><D:getetag/><C:calendar-data/></D:prop>' +
        '<C:filter><C:comp-filter name="VCALENDAR"/></C:filter></C:calendar-query>'
      : '<C:addressbook-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav">' +
        '<D:prop><D:getetag/><C:address-data/></D:prop></C:addressbook-query>';
  const xml = await dav(
    radicale,
    'REPORT',
    `/${USER}/${name}/`,
    `<?xml version="1.0" encoding="utf-8"?>${query}`,
    { Depth: '1' },
  );
  const items = new Map<string, Held>();
  const tag = (name: string) => `<(?:\\w+:)?${name}[^>]*>([\\s\\S]*?)</(?:\\w+:)?${name}>`;
  for (const response of xml.match(new RegExp(tag('response'), 'g')) ?? []) {
    const pick = (name: string) => unescapeXml(new RegExp(tag(name)).exec(response)?.[1] ?? '');
    const href = pick('href');
    items.set(href.slice(href.lastIndexOf('/') + 1), {
      etag: pick('getetag'),
      data: pick(type === 'calendar' ? 'calendar-data' : 'address-data'),
    });
  }
  return items;
}
