import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from '../helpers/run-cli.js';

// today --notify: one desktop notification through notify-send (here a
// script on PATH that keeps its arguments), nothing on stdout, the exit
// status of --exit-status; without notify-send, exit 4 and one line.

let j: TempJournal;
let bin: string;
beforeEach(() => {
  j = tempJournal();
  bin = join(j.dir, 'bin');
  mkdirSync(bin);
});
afterEach(() => j.remove());

/** A fake notify-send that writes each argument on its own line and exits with status. */
function fakeNotifySend(status = 0): string {
  const file = join(bin, 'notify-send');
  const out = join(j.dir, 'notified.txt');
  writeFileSync(
    file,
    `#!/bin/sh\nfor a in "$@"; do printf '%s\\n---\\n' "$a"; done > '${out}'\nexit ${status}\n`,
  );
  chmodSync(file, 0o755);
  return out;
}

const notify = (path: string) => j.run(['today', '--notify'], { env: { PATH: path } });

describe('today --notify', () => {
  it('sends the summary and the top three items, prints nothing, exits 1 when something needs you', async () => {
    for (const name of ['Ana & <Bo>', 'Cy', 'Di', 'Ed']) {
      expect((await j.run(['add', name, '--date', 'yesterday'])).code).toBe(0);
    }
    const out = fakeNotifySend();
    const result = await notify(`${bin}:/usr/bin:/bin`);
    expect(result).toEqual({ code: 1, stdout: '', stderr: '' });
    expect(readFileSync(out, 'utf8')).toBe(
      [
        '--app-name=netjournal',
        '--',
        '4 things today: 4 thank-you notes.',
        '1  Ana &amp; &lt;Bo&gt;: Thank Ana &amp; &lt;Bo&gt; for the coffee\n2  Cy: Thank Cy for the coffee\n3  Di: Thank Di for the coffee\nand 1 more: netjournal today',
        '',
      ].join('\n---\n'),
    );
  });

  it('exits 0 on a quiet day, with the summary alone', async () => {
    const out = fakeNotifySend();
    expect(await notify(`${bin}:/usr/bin:/bin`)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(out, 'utf8').split('\n---\n')).toHaveLength(4);
  });

  it('is exit 4 with one line where notify-send is missing', async () => {
    expect(await notify(bin)).toEqual({
      code: 4,
      stdout: '',
      stderr:
        'netjournal: notify-send is not installed, so no notification was shown — install libnotify-bin (Debian, Ubuntu) or libnotify, or use today --exit-status\n',
    });
  });

  it('is exit 4 when notify-send fails (no notification server)', async () => {
    fakeNotifySend(1);
    const result = await notify(`${bin}:/usr/bin:/bin`);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(
      'netjournal: notify-send failed (status 1) — is a desktop session running? run netjournal where notifications can be shown\n',
    );
  });
});
