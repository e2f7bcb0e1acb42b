import type { Command } from 'commander';
import { renderJson } from '../../../output/render.js';
import { forTerminal } from '../../../output/sanitize.js';
import {
  diagnoseJournal,
  repairable,
  repairDerivedData,
  type Check,
  type Diagnosis,
} from '../../../storage/doctor.js';
import { writeTransaction } from '../../../storage/journal.js';
import { runtimeLine, runtimeVersions, VERSION } from '../../version.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';
import { EXIT } from '../../errors.js';

export interface DoctorOptions {
  repair?: boolean;
}

/** `doctor`: check the journal (read-only); `--repair` rebuilds its derived data. */
export async function runDoctor(ctx: Context, opts: DoctorOptions): Promise<number> {
  const format = ctx.format();
  let diagnosis = diagnoseJournal(ctx.journalPath);
  if (opts.repair && diagnosis.exists) {
    if (!repairable(diagnosis)) {
      ctx.info(
        'Not repaired: --repair rebuilds the search index, last met and next touch dates only.',
      );
    } else {
      const db = ctx.writeJournal();
      const fixed = writeTransaction(db, ctx.invocation, () => repairDerivedData(db));
      ctx.close();
      const contacts = (n: number) => `${n} contact${n === 1 ? '' : 's'}`;
      ctx.info(
        `Rebuilt the search index (${fixed.searchDocuments} documents); fixed last met of ${contacts(fixed.lastMetFixed)} and next touch of ${contacts(fixed.nextTouchFixed)}.`,
      );
      diagnosis = diagnoseJournal(ctx.journalPath);
    }
  }
  // The versions, for a bug report: --version --verbose prints the same.
  if (format === 'json' || format === 'jsonl') {
    const { journal, ok, checks } = diagnosis;
    const versions = { netjournal: VERSION, ...(await runtimeVersions()) };
    const doc = { journal, ok, checks, versions };
    ctx.out(format === 'json' ? renderJson(doc, ctx.term) : JSON.stringify(doc) + '\n');
  } else {
    ctx.out(`${renderChecks(ctx, diagnosis)}\nnetjournal ${VERSION}, ${await runtimeLine()}\n`);
  }
  const failed = diagnosis.checks.filter((c) => c.status === 'fail').length;
  const warned = diagnosis.checks.filter((c) => c.status === 'warn').length;
  if (failed > 0) {
    ctx.info(`${failed} check${failed === 1 ? '' : 's'} failed: run the fix shown.`);
    return EXIT.journal;
  }
  if (!diagnosis.exists) ctx.info('No journal yet: nothing to check.');
  else if (warned > 0) {
    // A read-only journal is not a broken one: say it is healthy, then why writes fail.
    const readOnly = diagnosis.checks.some((c) => c.name === 'write access' && c.status === 'warn');
    ctx.info(
      `Journal is ${readOnly ? 'healthy but read-only' : 'usable'}, with ${warned} warning${warned === 1 ? '' : 's'}.`,
    );
  } else ctx.info('Journal is healthy.');
  return EXIT.ok;
}

function renderChecks(ctx: Context, diagnosis: Diagnosis): string {
  const { chalk } = ctx.term;
  const label: Record<Check['status'], string> = {
    ok: chalk.green('ok  '),
    warn: chalk.yellow('warn'),
    fail: chalk.red('FAIL'),
  };
  const width = Math.max(...diagnosis.checks.map((c) => c.name.length));
  return diagnosis.checks
    .map((c) => {
      const line = `${label[c.status]}  ${c.name.padEnd(width)}  ${forTerminal(c.detail)}`;
      return c.fix
        ? `${line}\n      ${' '.repeat(width)}  fix: ${forTerminal(c.fix)}\n`
        : `${line}\n`;
    })
    .join('');
}

/** Register `doctor`. */
export function doctorCommand(parent: Command, host: CommandHost): Command {
  const command = parent
    .command('doctor')
    .description(
      'check the journal: integrity, foreign keys, schema, permissions, hard links, file system, search index, change log (exit 4 when broken)',
    )
    .option('--repair', 'rebuild the search index and last-met dates from the records')
    .action(withContext(host, runDoctor));
  return withExamples(command, [
    'netjournal doctor',
    'netjournal doctor --repair',
    'netjournal doctor --json | jq \'.checks[] | select(.status != "ok")\'',
  ]);
}
