import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { BIN } from '../helpers/spawn-cli.js';
import { bareRemote, device, type Device } from './devices.js';

// The passphrase on a real terminal (script(1) owns the pty): asked twice for
// a new repository (a mismatch asks again), once to join; shown masked, and
// written nowhere.

const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** Run sync init on a pty; answer each prompt when it shows. Returns the screen and status. */
function onTerminal(
  d: Device,
  remote: string,
  answers: { prompt: string; typed: string }[],
): Promise<{ screen: string; code: number | null }> {
  const line = [process.execPath, BIN, 'sync', 'init', remote, '--device', d.name].map(q).join(' ');
  const child = spawn('script', ['-qec', line, '/dev/null'], {
    env: {
      PATH: process.env.PATH,
      HOME: d.dir,
      NETJOURNAL_DB: d.path,
      TERM: 'xterm',
      NO_COLOR: '1',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let screen = '';
  let answered = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString('utf8');
    const answer = answers[answered];
    // A prompt is answered once every earlier one shows its ✔ and it is drawn after them.
    const done = screen.split('✔').length - 1;
    const after = screen.slice(screen.lastIndexOf('✔') + 1);
    if (answer && done === answered && after.includes(answer.prompt)) {
      answered++;
      setTimeout(() => child.stdin.write(answer.typed + '\r'), 300);
    }
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      // What a person reads: colours and cursor moves dropped, wrapped lines joined.
      const plain = screen.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r?\n/g, ' ');
      resolve({ screen: plain, code });
    });
  });
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));

it('asks a new passphrase twice (again on a mismatch), then once to join', async () => {
  const remote = bareRemote();
  const laptop = device('laptop');
  const desktop = device('desktop');
  const secret = 'plum-orchard-sunrise-9';
  try {
    await laptop.ok(['add', 'Grace Hopper', '--no-thank-you']);
    const made = await onTerminal(laptop, remote.path, [
      { prompt: 'New sync passphrase', typed: secret },
      { prompt: 'The same again', typed: 'something else' },
      { prompt: 'New sync passphrase', typed: secret },
      { prompt: 'The same again', typed: secret },
    ]);
    expect(made.code, made.screen).toBe(0);
    expect(made.screen).toContain('The two passphrases differ; once more.');
    expect(made.screen).toMatch(/Sync set up: this device is laptop, the remote .*, encrypted\./);
    expect(made.screen).not.toContain(secret);
    const joined = await onTerminal(desktop, remote.path, [
      { prompt: 'Sync passphrase', typed: secret },
    ]);
    expect(joined.code, joined.screen).toBe(0);
    expect(joined.screen).toMatch(
      /Sync set up: this device is desktop, .*, encrypted\. \d+ changes in from laptop, 0 out/,
    );
    expect(joined.screen).not.toContain(secret);
    for (const d of [laptop, desktop])
      for (const f of filesUnder(d.dir)) expect(readFileSync(f).includes(secret), f).toBe(false);
    expect(existsSync(join(desktop.dir, 'sync', '.git', 'netjournal-key'))).toBe(true);
  } finally {
    laptop.remove();
    desktop.remove();
    remote.remove();
  }
}, 120_000);
