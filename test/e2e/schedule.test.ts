import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, spawnCli } from '../helpers/spawn-cli.js';

// schedule systemd prints a user service running today --notify with this
// node and this netjournal (a user service's PATH rarely has either) and a
// timer; systemd's own checker reads them, where it is installed.

const hasSystemdAnalyze = spawnSync('systemd-analyze', ['--version']).status === 0;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'netjournal-schedule-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const db = () => join(dir, 'my 100% $HOME "journal".db');

describe('schedule systemd', () => {
  it('prints the service and the timer, quoting the journal path for systemd', () => {
    const r = spawnCli(['--db', db(), 'schedule', 'systemd', '--at', '7:05']);
    expect(r.code).toBe(0);
    const quotedDb = db().replace(/"/g, '\\"').replace(/%/g, '%%').replace(/\$/g, '$$$$');
    expect(r.stdout).toBe(`# ~/.config/systemd/user/netjournal.service
[Unit]
Description=netjournal: today's follow-ups as a desktop notification

[Service]
Type=oneshot
ExecStart=${process.execPath} ${realpathSync(BIN)} --db "${quotedDb}" today --notify
# 1 means something needs you today: not a failure
SuccessExitStatus=1

# ~/.config/systemd/user/netjournal.timer
[Unit]
Description=netjournal every morning at 07:05

[Timer]
OnCalendar=*-*-* 07:05:00
Persistent=true

[Install]
WantedBy=timers.target
`);
    expect(r.stderr).toBe(
      'Save each file where its first line says, then: systemctl --user daemon-reload && systemctl --user enable --now netjournal.timer\n',
    );
  });

  it.skipIf(!hasSystemdAnalyze)('writes units that systemd-analyze verify accepts', () => {
    const out = spawnCli(['--db', db(), 'schedule', 'systemd']).stdout;
    const [service = '', timer = ''] = out.split(/^# ~\/.*\n/m).slice(1);
    writeFileSync(join(dir, 'netjournal.service'), service);
    writeFileSync(join(dir, 'netjournal.timer'), timer);
    const verify = spawnSync(
      'systemd-analyze',
      ['verify', join(dir, 'netjournal.service'), join(dir, 'netjournal.timer')],
      { encoding: 'utf8' },
    );
    expect(verify.stderr).toBe('');
    expect(verify.status).toBe(0);
  });

  it.each(['25:00', '7', 'noon', '07:60'])('refuses --at %s with exit 2', (at) => {
    expect(spawnCli(['schedule', 'systemd', '--at', at])).toEqual({
      code: 2,
      stdout: '',
      stderr: `netjournal: invalid --at "${at}" — give a time of day, e.g. --at 07:30\n`,
    });
  });
});
