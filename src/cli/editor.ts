import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../errors.js';

/** The editor the user chose ($VISUAL, else $EDITOR), or null when neither is set. */
export function chosenEditor(env: NodeJS.ProcessEnv): string | null {
  const editor = env.VISUAL?.trim() || env.EDITOR?.trim();
  return editor ? editor : null;
}

/**
 * Open text in the editor on the terminal and wait for it to close; returns
 * the text as the editor left it. The file is private (0600, in a folder of
 * its own) and removed afterwards. The editor runs through sh, as git runs
 * it, so "code --wait" and "vim -u NONE" work.
 */
export function editOnTerminal(
  editor: string,
  text: string,
  name: string,
  env: NodeJS.ProcessEnv,
): string {
  const dir = mkdtempSync(join(tmpdir(), 'netjournal-draft-'));
  const file = join(dir, name);
  try {
    writeFileSync(file, text, { mode: 0o600 });
    const done = spawnSync('/bin/sh', ['-c', `${editor} "$@"`, editor, file], {
      stdio: 'inherit',
      env,
    });
    if (done.error || done.status !== 0) {
      throw new UsageError(
        `the editor "${editor}" ${done.error ? 'could not start' : `ended with status ${done.status ?? done.signal}`}`,
        'check $VISUAL and $EDITOR; nothing was marked done',
      );
    }
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
