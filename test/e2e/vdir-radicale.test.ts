import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  held,
  makeCollection,
  PASSWORD,
  USER,
  withRadicale,
  type Radicale,
} from '../helpers/radicale.js';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { BIN, spawnCli } from '../helpers/spawn-cli.js';

// Issue 21: the follow-ups reach a phone through a CalDAV server. A real
// Radicale (Debian's, on 127.0.0.1, a port the system picks, htpasswd auth,
// its storage in a temp folder) and Debian's vdirsyncer: export the vdir,
// sync it up, close an item, export and sync again, then ask the server
// itself (a CalDAV REPORT, a CardDAV one for the contacts) what it holds.
// Every spawn and request has a timeout; the server is killed in `finally`.

let j: TempJournal;
beforeEach(() => {
  j = tempJournal();
});
afterEach(() => j.remove());

function nj(...args: string[]): string {
  const result = spawnCli(args, j.env);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stderr;
}

/** A temp vdirsyncer config: one pair, the local vdir against the server's collection. */
function vdirsyncerConfig(radicale: Radicale, local: string, collection: string, ext: string) {
  const config = join(j.dir, `vdirsyncer-${collection}.conf`);
  const type = ext === '.ics' ? 'caldav' : 'carddav';
  writeFileSync(
    config,
    [
      '[general]',
      `status_path = "${join(j.dir, 'vdirsyncer-status')}/"`,
      '',
      `[pair ${collection}]`,
      `a = "${collection}_local"`,
      `b = "${collection}_remote"`,
      // One collection each side, named by the storages' own paths.
      'collections = null',
      '',
      `[storage ${collection}_local]`,
      'type = "filesystem"',
      `path = "${local}/"`,
      `fileext = "${ext}"`,
      '',
      `[storage ${collection}_remote]`,
      `type = "${type}"`,
      `url = "${radicale.url}/${USER}/${collection}/"`,
      `username = "${USER}"`,
      `password = "${PASSWORD}"`,
      '',
    ].join('\n'),
  );
  return (...args: string[]): string => {
    const result = spawnSync('vdirsyncer', ['-c', config, ...args], {
      encoding: 'utf8',
      input: '',
      timeout: 60_000,
      env: { PATH: process.env.PATH, HOME: j.dir, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    });
    expect(result.status, `vdirsyncer ${args.join(' ')}: ${result.stderr}`).toBe(0);
    return result.stderr;
  };
}

/** The one item of a calendar or card's text: its UID and summary (or name). */
function itemOf(text: string, type: 'calendar' | 'addressbook'): { uid: string; title: string } {
  const root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  if (type === 'addressbook') {
    return {
      uid: String(root.getFirstPropertyValue('uid')),
      title: String(root.getFirstPropertyValue('fn')),
    };
  }
  const items = [...root.getAllSubcomponents('vtodo'), ...root.getAllSubcomponents('vevent')];
  expect(items).toHaveLength(1);
  return {
    uid: String(items[0]?.getFirstPropertyValue('uid')),
    title: String(items[0]?.getFirstPropertyValue('summary')),
  };
}

/** A crontab line's command: what follows its five time fields (none of them `%`, so as cron runs it). */
function parseCronCommand(line: string): string {
  const match = /^(?:\S+ ){5}(.+)$/.exec(line);
  expect(match, line).not.toBeNull();
  expect(line).not.toContain('%');
  return match?.[1] ?? '';
}

const localFiles = (dir: string, ext: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort();

describe('a vdir synced to Radicale with vdirsyncer', () => {
  it('CalDAV: the server drops the done follow-up, updates the edited one, keeps the others as they were', async () => {
    nj('add', 'Lena Berg', '--date', '2026-11-20', '--follow-up', 'Send the deck');
    nj('follow-up', 'Lena Berg', 'Ask about the cello concert', '--due', '2026-11-30');
    nj('contact', 'add', 'Ralph Smith');
    nj(
      'follow-up',
      'Ralph Smith',
      'Ask about the climbing trip & the 50% plan',
      '--due',
      '2026-11-25',
    );
    const vdir = join(j.dir, 'calendars', 'netjournal');
    await withRadicale(j.dir, async (radicale) => {
      await makeCollection(radicale, 'netjournal', 'calendar');
      const vdirsyncer = vdirsyncerConfig(radicale, vdir, 'netjournal', '.ics');
      expect(nj('export', '--format', 'ics', '--vdir', vdir)).toMatch(
        /: 4 written, 0 unchanged, 0 removed\.\n$/,
      );
      vdirsyncer('discover');
      vdirsyncer('sync');
      const first = await held(radicale, 'netjournal', 'calendar');
      const names = localFiles(vdir, '.ics');
      expect([...first.keys()].sort()).toEqual(names);
      for (const [name, item] of first) {
        const local = itemOf(readFileSync(join(vdir, name), 'utf8'), 'calendar');
        expect(itemOf(item.data, 'calendar')).toEqual(local);
        expect(local.uid).toBe(name.slice(0, -'.ics'.length));
      }

      // #1 thank Lena (done), #2 send the deck (edited), #3 the concert, #4 Ralph's trip.
      nj('done', '1');
      nj('follow-up', 'edit', '2', '--text', 'Send the deck and the notes');
      expect(nj('export', '--format', 'ics', '--vdir', vdir)).toMatch(
        /: 1 written, 2 unchanged, 1 removed\.\n$/,
      );
      const synced = vdirsyncer('sync');
      // vdirsyncer uploaded only what changed: one update, one deletion.
      expect(synced.split('\n').filter((l) => /^(Copying|Deleting)/.test(l))).toHaveLength(2);
      const second = await held(radicale, 'netjournal', 'calendar');
      const byTitle = new Map(
        [...first].map(([name, item]) => [itemOf(item.data, 'calendar').title, name]),
      );
      const file = (title: string) => byTitle.get(title) ?? '';
      const done = file('Thank-you note: Thank Lena Berg for the coffee — Lena Berg');
      const edited = file('To do: Send the deck — Lena Berg');
      const kept = [
        file('To do: Ask about the cello concert — Lena Berg'),
        file('To do: Ask about the climbing trip & the 50% plan — Ralph Smith'),
      ];
      expect(new Set([done, edited, ...kept]).size).toBe(4);
      expect(second.has(done)).toBe(false);
      expect(second.size).toBe(3);
      // Updated in place: the same UID and file on the server, the new text, no duplicate.
      expect(itemOf(second.get(edited)?.data ?? '', 'calendar')).toEqual({
        uid: edited.slice(0, -'.ics'.length),
        title: 'To do: Send the deck and the notes — Lena Berg',
      });
      expect(second.get(edited)?.etag).not.toBe(first.get(edited)?.etag);
      for (const name of kept) expect(second.get(name)).toEqual(first.get(name));

      // Nothing changed: nothing to upload.
      expect(nj('export', '--format', 'ics', '--vdir', vdir)).toMatch(
        /: 0 written, 3 unchanged, 0 removed\.\n$/,
      );
      expect(
        vdirsyncer('sync')
          .split('\n')
          .filter((l) => /^(Copying|Deleting)/.test(l)),
      ).toEqual([]);
      expect(await held(radicale, 'netjournal', 'calendar')).toEqual(second);
    });
  }, 120_000);

  it("the README's recipe, as written: its vdirsyncer config, first sync and crontab line", async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const config = /```ini\n# ~\/\.config\/vdirsyncer\/config\n([\s\S]*?)```/.exec(readme)?.[1];
    const recipe =
      /```sh\n(netjournal export --format ics --vdir [^\n]*)\n#[^\n]*\n(\*\/15 [^\n]*)\n```/.exec(
        readme,
      );
    expect(config).toBeDefined();
    expect(recipe).not.toBeNull();
    const [, firstSync = '', cronLine = ''] = recipe ?? [];
    nj('add', 'Lena Berg', '--date', '2026-11-20');
    nj('follow-up', 'Lena Berg', 'Send the deck', '--due', '2026-11-28');
    // netjournal on PATH, as an install puts it; HOME is the journal's temp folder.
    const bin = join(j.dir, 'bin');
    mkdirSync(bin);
    writeFileSync(
      join(bin, 'netjournal'),
      `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`,
      {
        mode: 0o755,
      },
    );
    writeFileSync(join(j.dir, 'dav-password'), `${PASSWORD}\n`);
    const sh = (command: string) =>
      spawnSync('/bin/sh', ['-c', command], {
        cwd: j.dir,
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...j.env, PATH: `${bin}:/usr/bin:/bin`, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
      });
    await withRadicale(j.dir, async (radicale) => {
      await makeCollection(radicale, 'netjournal', 'calendar');
      mkdirSync(join(j.dir, '.config', 'vdirsyncer'), { recursive: true });
      writeFileSync(
        join(j.dir, '.config', 'vdirsyncer', 'config'),
        (config ?? '')
          .replace(
            'https://dav.example.com/calendars/ada/netjournal/',
            `${radicale.url}/${USER}/netjournal/`,
          )
          .replace('username = "ada"', `username = "${USER}"`)
          .replace(
            '["command", "pass", "show", "dav"]',
            `["command", "cat", "${join(j.dir, 'dav-password')}"]`,
          ),
      );
      const first = sh(firstSync);
      expect(first.status, first.stderr).toBe(0);
      expect(first.stderr).toContain(': 2 written, 0 unchanged, 0 removed.\n');
      const vdir = join(j.dir, '.calendars', 'netjournal');
      const before = await held(radicale, 'netjournal', 'calendar');
      expect([...before.keys()].sort()).toEqual(localFiles(vdir, '.ics'));
      expect(before.size).toBe(2);

      nj('done', '1');
      const cron = parseCronCommand(cronLine);
      const refreshed = sh(cron);
      // Nothing printed, so cron mails nothing.
      expect(refreshed.stdout + refreshed.stderr).toBe('');
      const after = await held(radicale, 'netjournal', 'calendar');
      expect([...after.keys()]).toEqual(localFiles(vdir, '.ics'));
      expect(after.size).toBe(1);
      const [name = '', item] = [...after][0] ?? [];
      expect(itemOf(item?.data ?? '', 'calendar').title).toBe('To do: Send the deck — Lena Berg');
      expect(item).toEqual(before.get(name));
    });
  }, 120_000);

  it('CardDAV: the server drops the deleted contact and keeps the others as they were', async () => {
    nj('contact', 'add', 'Lena Berg', '--email', 'lena@example.org');
    nj('contact', 'add', 'Ralph Smith', '--company', 'Acme; Inc.');
    nj('contact', 'add', 'Zoë Adler');
    const vdir = join(j.dir, 'contacts', 'netjournal');
    await withRadicale(j.dir, async (radicale) => {
      await makeCollection(radicale, 'people', 'addressbook');
      const vdirsyncer = vdirsyncerConfig(radicale, vdir, 'people', '.vcf');
      expect(nj('export', '--format', 'vcard', '--vdir', vdir)).toMatch(
        /: 3 written, 0 unchanged, 0 removed\.\n$/,
      );
      vdirsyncer('discover');
      vdirsyncer('sync');
      // A card's UID is a URN (urn:uuid:…), which vdirsyncer does not use as a file name on the
      // server: the server's items are matched to the local files by UID.
      const byUid = async () =>
        new Map(
          [...(await held(radicale, 'people', 'addressbook')).values()].map((item) => [
            itemOf(item.data, 'addressbook').uid,
            item,
          ]),
        );
      const first = await byUid();
      const local = new Map(
        localFiles(vdir, '.vcf').map((f) => {
          const card = itemOf(readFileSync(join(vdir, f), 'utf8'), 'addressbook');
          expect(card.uid).toBe(`urn:uuid:${f.slice(0, -'.vcf'.length)}`);
          return [card.title, card.uid];
        }),
      );
      expect([...first.keys()].sort()).toEqual([...local.values()].sort());
      expect([...local.keys()].sort()).toEqual(['Lena Berg', 'Ralph Smith', 'Zoë Adler']);
      for (const [title, uid] of local) {
        expect(itemOf(first.get(uid)?.data ?? '', 'addressbook').title).toBe(title);
      }

      nj('contact', 'rm', 'Ralph Smith', '--yes');
      expect(nj('export', '--format', 'vcard', '--vdir', vdir)).toMatch(
        /: 0 written, 2 unchanged, 1 removed\.\n$/,
      );
      vdirsyncer('sync');
      const second = await byUid();
      expect(second.has(local.get('Ralph Smith') ?? '')).toBe(false);
      expect(second.size).toBe(2);
      for (const name of ['Lena Berg', 'Zoë Adler']) {
        const uid = local.get(name) ?? '';
        expect(second.get(uid)).toEqual(first.get(uid));
      }
    });
  }, 120_000);
});
