import { execFileSync, spawnSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';
import { spawnCli } from '../helpers/spawn-cli.js';

// Issue 21: the vdirs that `export --vdir` writes, read by the programs they
// are for (Debian's khal and khard, and Python's icalendar, which khal reads
// with), and a FIFO in the folder, which must never be opened. Spawned, so
// that a blocked open fails by its timeout instead of hanging the suite.

let j: TempJournal;
beforeAll(() => {
  j = tempJournal();
  for (const args of [
    ['add', 'Lena Berg', '--date', '2026-11-20', '--follow-up', 'Send the deck; and the notes'],
    ['contact', 'add', 'Ralph Smith', '--email', 'ralph@acme.example', '--company', 'Acme, Inc.'],
    ['follow-up', 'Ralph Smith', 'Ask about the climbing trip', '--due', '2026-11-25'],
  ]) {
    const result = spawnCli(args, j.env);
    expect(result.code, result.stderr).toBe(0);
  }
});
afterAll(() => j.remove());

function exportTo(dir: string, ...args: string[]): string {
  const result = spawnCli(['export', ...args, '--vdir', dir], j.env);
  expect(result.code, result.stderr).toBe(0);
  return result.stderr;
}

function tool(command: string, args: string[]): string {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: process.env.PATH, HOME: j.dir, LANG: 'C.UTF-8', TZ: 'UTC' },
  });
  expect(result.status, `${command}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

describe('the vdirs, read by the programs they are for', () => {
  it('Python icalendar reads each calendar file: one item, its UID the file name', () => {
    const dir = join(j.dir, 'todos');
    exportTo(dir, '--format', 'ics');
    const script = `
import glob, os, sys, icalendar
for path in sorted(glob.glob(os.path.join(sys.argv[1], '*.ics'))):
    calendar = icalendar.Calendar.from_ical(open(path, 'rb').read())
    items = [c for c in calendar.subcomponents if c.name in ('VTODO', 'VEVENT')]
    assert len(items) == 1, path
    uid = str(items[0]['UID'])
    assert os.path.basename(path) == uid + '.ics', path
    print(items[0].name, items[0].decoded('DUE').isoformat(), str(items[0]['SUMMARY']))
`;
    expect(tool('/usr/bin/python3', ['-c', script, dir]).split('\n').sort()).toEqual(
      [
        '',
        'VTODO 2026-11-21 Thank-you note: Thank Lena Berg for the coffee — Lena Berg',
        'VTODO 2026-11-25 To do: Ask about the climbing trip — Ralph Smith',
        'VTODO 2026-11-28 To do: Send the deck; and the notes — Lena Berg',
      ].sort(),
    );
  });

  it('khal lists the all-day events on their days', () => {
    const dir = join(j.dir, 'events');
    exportTo(dir, '--format', 'ics', '--as', 'event');
    const config = join(j.dir, 'khal.conf');
    writeFileSync(
      config,
      [
        '[calendars]',
        '[[netjournal]]',
        `path = ${dir}`,
        '[locale]',
        'timeformat = %H:%M',
        'dateformat = %Y-%m-%d',
        'longdateformat = %Y-%m-%d',
        'datetimeformat = %Y-%m-%d %H:%M',
        'longdatetimeformat = %Y-%m-%d %H:%M',
        '',
      ].join('\n'),
    );
    const listed = tool('khal', [
      '-c',
      config,
      'list',
      '--format',
      '{start-date} {title}',
      '--day-format',
      '',
      '2026-11-20',
      '30d',
    ]);
    expect(listed.split('\n').filter((l) => l.trim() !== '')).toEqual([
      '2026-11-21 Thank-you note: Thank Lena Berg for the coffee — Lena Berg',
      '2026-11-25 To do: Ask about the climbing trip — Ralph Smith',
      '2026-11-28 To do: Send the deck; and the notes — Lena Berg',
    ]);
  });

  it('khard lists the contacts with their e-mail and organisation', () => {
    const dir = join(j.dir, 'contacts');
    exportTo(dir, '--format', 'vcard');
    const config = join(j.dir, 'khard.conf');
    writeFileSync(config, `[addressbooks]\n[[netjournal]]\npath = ${dir}\n[general]\n`);
    const listed = tool('khard', [
      '-c',
      config,
      'list',
      '--parsable',
      '--fields',
      'name,emails,organisations',
    ]);
    expect(listed).toContain('Ralph Smith');
    expect(listed).toContain('ralph@acme.example');
    expect(listed).toContain('Acme, Inc.');
    expect(listed).toContain('Lena Berg');
    // khard says what it searched for first, then one line per address.
    const emails = tool('khard', ['-c', config, 'email', '--parsable', 'Ralph']).split('\n');
    expect(emails.filter((l) => l.includes('\t'))).toEqual([
      'ralph@acme.example\tRalph Smith\tinternet',
    ]);
  });
});

describe('a FIFO in the vdir', () => {
  it('is never opened: one named like an item is replaced, a stranger left alone', () => {
    const dir = join(j.dir, 'fifo');
    exportTo(dir, '--format', 'ics');
    const ours = readdirSync(dir)
      .filter((f) => f.endsWith('.ics'))
      .sort();
    const item = join(dir, ours[0] ?? '');
    const stranger = join(dir, '0190a0e8-1b2c-7d5e-8f60-718293a4b5c6.ics');
    const text = readFileSync(item, 'utf8');
    rmSync(item);
    execFileSync('mkfifo', [item, stranger]);
    expect(exportTo(dir, '--format', 'ics')).toMatch(/: 1 written, 2 unchanged, 0 removed\.\n$/);
    expect(readFileSync(item, 'utf8')).toBe(text);
    expect(lstatSync(stranger).isFIFO()).toBe(true);
  });
});
