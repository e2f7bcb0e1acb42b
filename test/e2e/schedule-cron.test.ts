import { spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, spawnCli } from '../helpers/spawn-cli.js';

// Issue 21: schedule cron prints crontab lines for the morning notification
// and an hourly calendar feed. Each line must be one cron accepts (five time
// fields, then a command) and its command must work when run as cron runs
// it: `%` unescaped, by /bin/sh, in HOME, with cron's short PATH.

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'netjournal-cron-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const db = () => join(home, "my 100% $HOME 'journal'.db");

function schedule(...args: string[]) {
  return spawnCli(['--db', db(), 'schedule', 'cron', ...args], { HOME: home });
}

/** A crontab line's five time fields, each checked against crontab(5)'s ranges, and its command. */
function parseCronLine(line: string): { fields: string[]; command: string } {
  const match = /^(\S+) (\S+) (\S+) (\S+) (\S+) (.+)$/.exec(line);
  if (!match) throw new Error(`not a crontab line: ${line}`);
  const fields = match.slice(1, 6) as string[];
  const ranges: [number, number][] = [
    [0, 59],
    [0, 23],
    [1, 31],
    [1, 12],
    [0, 7],
  ];
  fields.forEach((field, i) => {
    const [low, high] = ranges[i] ?? [0, 0];
    for (const part of field.split(',')) {
      const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
      expect(m, `field ${i + 1} of ${line}`).not.toBeNull();
      for (const n of [m?.[2], m?.[3]].filter((x) => x !== undefined).map(Number)) {
        expect(n).toBeGreaterThanOrEqual(low);
        expect(n).toBeLessThanOrEqual(high);
      }
    }
  });
  return { fields, command: match[6] ?? '' };
}

/** Run a crontab command as cron would: `\%` is `%` (a bare `%` would end the command). */
function runAsCron(command: string, path: string) {
  expect(command.replace(/\\%/g, '')).not.toContain('%');
  return spawnSync('/bin/sh', ['-c', command.replace(/\\%/g, '%')], {
    cwd: home,
    encoding: 'utf8',
    timeout: 20_000,
    env: { HOME: home, PATH: path, SHELL: '/bin/sh', NETJOURNAL_NOW: '2026-11-21' },
  });
}

describe('schedule cron', () => {
  it('prints the two crontab lines, quoting the journal path for sh and cron', () => {
    const r = schedule('--at', '7:05');
    expect(r.code).toBe(0);
    const quotedDb = `'${db().replace(/'/g, `'\\''`).replace(/%/g, '\\%')}'`;
    const netjournal = `${process.execPath} ${realpathSync(BIN)} --db ${quotedDb}`;
    const uid = process.getuid?.() ?? 1000;
    expect(r.stdout)
      .toBe(`# netjournal: add these lines with crontab -e (the times are this machine's local time)
# every morning at 07:05: today's follow-ups as a desktop notification, through your
# desktop session's bus (cron mails you what goes wrong, e.g. when you are not logged in)
5 7 * * * DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/${uid}/bus ${netjournal} today --notify
# every hour: the open follow-ups as all-day events in a calendar file to subscribe to
# (the summary line is dropped, so cron mails only an error)
0 * * * * mkdir -p ${home}/calendars && ${netjournal} export --format ics --as event --output ${home}/calendars/netjournal.ics --force 2>&1 | grep -v '^Exported '
`);
    expect(r.stderr).toBe(
      'Add the lines with crontab -e; subscribe your calendar to the feed file.\n',
    );
  });

  it('writes lines cron accepts, whose commands work as cron runs them', () => {
    // A journal with one open follow-up today, and a notify-send that records what it shows.
    const add = spawnCli(['--db', db(), 'add', 'Lena Berg', '--date', '2026-11-20'], {
      HOME: home,
      NETJOURNAL_NOW: '2026-11-21',
    });
    expect(add.code, add.stderr).toBe(0);
    const bin = join(home, 'bin');
    mkdirSync(bin);
    writeFileSync(
      join(bin, 'notify-send'),
      `#!/bin/sh\nprintf '%s|' "$DBUS_SESSION_BUS_ADDRESS" "$@" > "${home}/notified"\n`,
      { mode: 0o755 },
    );
    const feed = join(home, 'Sync', 'follow ups.ics');
    const lines = schedule('--feed', feed)
      .stdout.split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'));
    expect(lines).toHaveLength(2);
    const [notify, refresh] = lines.map(parseCronLine);
    expect(notify?.fields).toEqual(['0', '8', '*', '*', '*']);
    expect(refresh?.fields).toEqual(['0', '*', '*', '*', '*']);

    // The program each runs exists and may be run: node by its absolute path, and the bin.
    for (const line of lines) {
      const words = line.split(' ');
      const script = words.indexOf(realpathSync(BIN));
      expect(script).toBeGreaterThan(0);
      expect(words[script - 1]).toMatch(/^\//);
      accessSync(words[script - 1] ?? '', constants.X_OK);
    }

    // cron's PATH (crontab(5)), plus the fake notify-send.
    const path = `${bin}:/usr/bin:/bin`;
    const shown = runAsCron(notify?.command ?? '', path);
    expect(shown.stderr).toBe('');
    expect(shown.stdout).toBe('');
    expect(shown.status).toBe(1); // as --exit-status: something needs you today
    const uid = process.getuid?.() ?? 1000;
    expect(readFileSync(join(home, 'notified'), 'utf8')).toMatch(
      new RegExp(`^unix:path=/run/user/${uid}/bus\\|--app-name=netjournal\\|--\\|`),
    );

    for (let run = 0; run < 2; run++) {
      const refreshed = runAsCron(refresh?.command ?? '', path);
      // Nothing printed, so cron mails nothing: the summary line is dropped.
      expect(refreshed.stdout + refreshed.stderr).toBe('');
      const calendar = new ICAL.Component(ICAL.parse(readFileSync(feed, 'utf8')) as unknown[]);
      expect(
        calendar
          .getAllSubcomponents('vevent')
          .map((e) => String(e.getFirstPropertyValue('summary'))),
      ).toEqual(['Thank-you note: Thank Lena Berg for the coffee — Lena Berg']);
    }
  });

  it('prints an error where it goes wrong, for cron to mail', () => {
    const feed = join(home, 'feed.ics');
    mkdirSync(feed);
    const line = schedule('--feed', feed)
      .stdout.split('\n')
      .filter((l) => l.startsWith('0 * '))[0];
    const refreshed = runAsCron(parseCronLine(line ?? '').command, '/usr/bin:/bin');
    expect(refreshed.stdout).toBe(
      `netjournal: cannot write ${feed}: it is a folder — choose another --output\n`,
    );
  });

  it.each(['25:00', '7', 'noon'])('refuses --at %s with exit 2', (at) => {
    expect(schedule('--at', at)).toEqual({
      code: 2,
      stdout: '',
      stderr: `netjournal: invalid --at "${at}" — give a time of day, e.g. --at 07:30\n`,
    });
  });
});
