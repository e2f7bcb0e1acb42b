import type { Command } from 'commander';
import type { AddOptions } from '../../../domain/capture.js';
import { UsageError } from '../../../errors.js';
import { recordMeeting } from '../../../storage/capture.js';
import { listContacts } from '../../../storage/contacts.js';
import { writeTransaction } from '../../../storage/journal.js';
import { meetingOptions, printRecordedMeeting, requestFromOptions } from '../../add-request.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';

export { requestFromOptions };

/** What the user means to log: names and options from the prompts, on a terminal. */
async function askOnTerminal(ctx: Context): Promise<{ names: string[]; opts: AddOptions } | null> {
  if (!ctx.canPrompt()) {
    throw new UsageError(
      'who did you meet?',
      'name them, e.g. netjournal add "Ralph Smith" --kind coffee (prompts need a terminal)',
    );
  }
  const db = ctx.readJournal();
  const { promptAddOptions } = await import('../../../prompts/add.js');
  return promptAddOptions(
    {
      today: ctx.today(),
      contacts: db ? listContacts(db).map(({ id, name, company }) => ({ id, name, company })) : [],
    },
    ctx.promptOutput(),
  );
}

/** `add [NAME...]`: log a meeting, from flags or (on a terminal, with no names) from prompts. */
export async function runAdd(ctx: Context, names: string[], opts: AddOptions): Promise<number> {
  ctx.format(); // an unknown --format is refused before the prompts ask anything
  const given = names.length > 0 ? { names, opts } : await askOnTerminal(ctx);
  if (given === null) {
    ctx.info('Nothing logged.');
    return 0;
  }
  // The answers take the flags' path from here: one validation, one request, one write.
  const request = requestFromOptions(given.names, given.opts, ctx.today());
  const db = ctx.writeJournal();
  const recorded = writeTransaction(db, ctx.invocation, () =>
    recordMeeting(db, request, ctx.today(), ctx.timestamp()),
  );
  printRecordedMeeting(ctx, recorded);
  return 0;
}

/** Register `add`. */
export function addCommand(parent: Command, host: CommandHost): Command {
  const command = parent
    .command('add')
    .description('log a meeting (coffee, call, …) with one or more people')
    .argument(
      '[names...]',
      'who you met: names, e-mail addresses or #IDs (new names become contacts)',
    );
  meetingOptions(command, true);
  command.action(withContext(host, runAdd));
  return withExamples(command, [
    'netjournal add "Ralph Smith"',
    'netjournal add "Ralph Smith" --via "Joe Park" --learned "runs marathons" --follow-up "send the deck" --due friday',
    'netjournal add Lena --kind call --date yesterday --offered "intro to her manager" --gave "the UX article"',
    'id=$(netjournal add Ralph --json | jq .meeting.id)',
    '# you wrote first: if there is no reply, netjournal reminds you in 5 days',
    'netjournal add "Priya Raman" --kind email --outreach --nudge 5d',
    '# on a terminal, with no names, netjournal asks',
    'netjournal add',
  ]);
}
