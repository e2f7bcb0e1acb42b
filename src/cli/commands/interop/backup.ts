import { resolve } from 'node:path';
import type { Command } from 'commander';
import { JournalError, UsageError } from '../../../errors.js';
import { forTerminal } from '../../../output/sanitize.js';
import { backupJournal, defaultBackupPath, restoreJournal } from '../../../storage/backup.js';
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

/** `restore FILE`: replace the journal with a backup, keeping the current one as .bak. */
export async function runRestore(
  ctx: Context,
  file: string,
  opts: { yes?: boolean },
): Promise<number> {
  const source = resolve(file);
  checkJournalFile(source);
  if (source === resolve(ctx.journalPath)) {
    throw new UsageError('that file is the journal itself', 'give a backup file');
  }
  if (!opts.yes) {
    if (!ctx.canPrompt()) {
      throw new UsageError(
        'restore needs --yes when not run on a terminal',
        `add --yes to replace ${ctx.journalPath}`,
      );
    }
    const { confirmOnTerminal } = await import('../../../prompts/confirm.js');
    const sure = await confirmOnTerminal(
      `Replace ${forTerminal(ctx.journalPath)} with ${forTerminal(source)}? The current journal is kept as .bak.`,
      false,
      ctx.promptOutput(),
    );
    if (!sure) {
      ctx.info('Nothing restored.');
      return 0;
    }
  }
  ctx.close();
  const kept = await restoreJournal(source, ctx.journalPath);
  ctx.info(
    `Restored ${forTerminal(ctx.journalPath)} from ${forTerminal(source)}.` +
      (kept ? ` The previous journal is ${forTerminal(kept)}.` : ''),
  );
  return 0;
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
      .description('replace the journal with a backup (the current one is kept as .bak)')
      .argument('<file>', 'a backup made by netjournal backup')
      .option('--yes', 'do not ask')
      .action(withContext(host, runRestore)),
    ['netjournal restore ~/.local/share/netjournal/journal-backup-2026-11-21.db'],
  );
}
