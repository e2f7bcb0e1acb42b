import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { JournalError, UsageError } from '../../../errors.js';
import { forTerminal } from '../../../output/sanitize.js';
import { backupJournal, defaultBackupPath } from '../../../storage/backup.js';
import {
  isSameFile,
  removeDatabase,
  replaceRecords,
  stageBackup,
} from '../../../storage/restore.js';
import { checkJournalFile } from '../../../storage/journal.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';

/** `backup [FILE]`: a consistent copy of the journal, safe while others write. */
export async function runBackup(
  ctx: Context,
  file: string | undefined,
  opts: { force?: boolean },
): Promise<void> {
  const format = ctx.format();
  const db = ctx.readJournal();
  if (!db) {
    throw new JournalError(`no journal at ${ctx.journalPath}`, 'nothing to back up yet');
  }
  const destination = resolve(file ?? defaultBackupPath(ctx.journalPath, ctx.today()));
  await backupJournal(db, destination, opts.force === true);
  ctx.info(`Backed up ${forTerminal(ctx.journalPath)} to ${forTerminal(destination)}.`);
  // Piped, the path alone on stdout, so that `path=$(netjournal backup)` works.
  if (format === 'json' || format === 'jsonl')
    ctx.out(JSON.stringify({ backup: destination }) + '\n');
  else if (format !== 'table') ctx.out(destination + '\n');
}

/** `restore FILE`: replace the journal's records with a backup's, keeping the journal as it was. */
export async function runRestore(
  ctx: Context,
  file: string,
  opts: { yes?: boolean },
): Promise<number> {
  const source = resolve(file);
  if (isSameFile(source, ctx.journalPath)) {
    throw new UsageError(
      `${source} is the journal itself`,
      'give a backup file (netjournal backup makes one)',
    );
  }
  checkJournalFile(source);
  if (!opts.yes) {
    if (!ctx.canPrompt()) {
      throw new UsageError(
        'restore needs --yes when not run on a terminal',
        `add --yes to replace ${ctx.journalPath}`,
      );
    }
    const { confirmOnTerminal } = await import('../../../prompts/confirm.js');
    const sure = await confirmOnTerminal(
      `Replace the records of ${forTerminal(ctx.journalPath)} with those of ${forTerminal(source)}? A copy of the journal as it is now is kept beside it.`,
      false,
      ctx.promptOutput(),
    );
    if (!sure) {
      ctx.info('Nothing restored.');
      return 0;
    }
  }
  const existed = existsSync(ctx.journalPath);
  const staged = await stageBackup(source, ctx.journalPath, ctx.timestamp());
  let kept: string | null;
  try {
    const db = ctx.writeJournal();
    kept = replaceRecords(db, staged, existed ? keptName(ctx.journalPath, ctx.timestamp()) : null);
  } finally {
    removeDatabase(staged);
  }
  ctx.info(
    `Restored ${forTerminal(ctx.journalPath)} from ${forTerminal(source)}.` +
      (kept
        ? ` The journal as it was is ${forTerminal(kept)} (to go back: netjournal restore ${shellQuote(kept)}).`
        : ''),
  );
  return 0;
}

/** journal.db.2026-11-21T10-30-00Z.bak, then …Z-2.bak: a new name for every restore. */
function keptName(journalPath: string, timestamp: string): (attempt: number) => string {
  const stamp = timestamp.slice(0, 19).replace(/:/g, '-') + 'Z';
  return (attempt) => `${journalPath}.${stamp}${attempt > 1 ? `-${attempt}` : ''}.bak`;
}

/** A path as a shell word: quoted only when it needs to be. */
function shellQuote(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/** Register `backup` and `restore`. */
export function backupCommands(parent: Command, host: CommandHost): void {
  withExamples(
    parent
      .command('backup')
      .description(
        'copy the journal safely, even while netjournal is writing (default: a dated file beside it)',
      )
      .argument('[file]', 'where to write the copy')
      .option('--force', 'replace FILE if it exists')
      .action(withContext(host, runBackup)),
    ['netjournal backup', 'netjournal backup ~/Dropbox/netjournal-$(date +%F).db'],
  );
  withExamples(
    parent
      .command('restore')
      .description(
        "replace the journal's records with a backup's (the journal as it was is kept beside it)",
      )
      .argument('<file>', 'a backup made by netjournal backup')
      .option('--yes', 'do not ask')
      .action(withContext(host, runRestore)),
    ['netjournal restore ~/.local/share/netjournal/journal-backup-2026-11-21.db'],
  );
}
