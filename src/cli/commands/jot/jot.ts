import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { parseKind, type AddOptions } from '../../../domain/capture.js';
import { parseEventDate } from '../../../domain/date-bounds.js';
import { parseJot, splitJot, type JotCandidate, type JotParse } from '../../../domain/jot.js';
import { NetjournalError, UsageError } from '../../../errors.js';
import { renderJson } from '../../../output/render.js';
import { forTerminal } from '../../../output/sanitize.js';
import { recordMeeting } from '../../../storage/capture.js';
import { writeTransaction } from '../../../storage/journal.js';
import { jotCandidates } from '../../../storage/jot-candidates.js';
import { meetingOptions, printRecordedMeeting, requestFromOptions } from '../../add-request.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';
import { errorLine } from '../../errors.js';

export type JotOptions = Omit<AddOptions, 'new'> & { dryRun?: boolean; yes?: boolean };

/** The parse with add's options folded in: what `add` would be given. */
interface JotMeeting extends JotParse {
  kind: NonNullable<JotParse['kind']>;
  date: string;
}

/**
 * The sentence and the options together: an option may say what the sentence
 * does not, and where both say it they must agree (nothing is silently dropped).
 */
function withOptions(parse: JotParse, opts: JotOptions, today: string): JotMeeting {
  const kind = opts.kind === undefined ? null : parseKind(opts.kind);
  if (kind !== null && parse.kind !== null && kind !== parse.kind) {
    throw new UsageError(
      `the sentence says ${parse.kind} and --kind says ${kind}`,
      'keep one of them',
    );
  }
  const date = opts.date === undefined ? null : parseEventDate(opts.date, today, '--date');
  if (date !== null && parse.date !== null && date !== parse.date) {
    throw new UsageError(
      `the sentence says ${parse.date} and --date says ${date}`,
      'keep one of them',
    );
  }
  if (opts.notes !== undefined && parse.notes !== null) {
    throw new UsageError(
      'notes twice: after ":" in the sentence and in --notes',
      'keep one of them',
    );
  }
  return {
    people: parse.people,
    kind: parse.kind ?? kind ?? 'coffee',
    date: parse.date ?? date ?? today,
    notes: parse.notes ?? opts.notes?.trim() ?? null,
    learned: [...parse.learned, ...(opts.learned ?? [])],
  };
}

/** What the terminal shows before asking: each person with id and company, then the rest. */
function understood(meeting: JotMeeting, candidates: readonly JotCandidate[]): string {
  const people = meeting.people.map((p) => {
    if (p.new) return `${p.name} (new contact)`;
    const company = candidates.find((c) => c.id === p.contactId)?.company;
    return `${p.name} ('#${p.contactId}'${company ? `, ${company}` : ''})`;
  });
  const lines = [`${meeting.kind} on ${meeting.date} with ${people.join(', ')}`];
  if (meeting.notes !== null) lines.push(`notes: ${meeting.notes}`);
  for (const text of meeting.learned) lines.push(`learned: ${text}`);
  // Each line made safe on its own: forTerminal shows a line break as \n.
  return lines.map(forTerminal).join('\n');
}

/** The sentence read against the journal's contacts and the options: what `add` would be given. */
function readSentence(ctx: Context, text: string, opts: JotOptions) {
  const today = ctx.today();
  // A jot that writes reads on the connection it writes with, as add does: one
  // open and one set of prepared statements instead of two. No journal yet: it
  // names no contact, and reading creates none.
  const writes = !opts.dryRun && existsSync(ctx.journalPath);
  const db = writes ? ctx.writeJournal() : ctx.readJournal();
  const candidates = db ? jotCandidates(db, splitJot(text, today).head) : [];
  const meeting = withOptions(parseJot(text, candidates, today), opts, today);
  // add's own validation, given the people by id: a jot writes what that add would.
  const request = requestFromOptions(
    meeting.people.map((p) => (p.new ? p.name : `#${p.contactId}`)),
    {
      ...opts,
      kind: meeting.kind,
      date: meeting.date,
      notes: meeting.notes ?? undefined,
      learned: meeting.learned,
    },
    today,
  );
  return { candidates, meeting, request };
}

/**
 * `jot TEXT...`: log a meeting from one sentence. On a terminal it shows what
 * it understood and asks: Enter logs it, e puts the sentence on an editable
 * line and reads the corrected one again (a correction it cannot read says
 * why and is offered for correcting again), n logs nothing.
 */
export async function runJot(ctx: Context, words: string[], opts: JotOptions): Promise<number> {
  ctx.format(); // an unknown --format is refused before anything is read or written
  let text = words.join(' ');
  let read = readSentence(ctx, text, opts);
  if (opts.dryRun) {
    ctx.out(renderJson(read.meeting, ctx.term));
    return 0;
  }
  if (!opts.yes && ctx.canPrompt()) {
    const prompts = await import('../../../prompts/jot.js');
    for (;;) {
      ctx.info(understood(read.meeting, read.candidates));
      const answer = await prompts.askJotAnswer(ctx.promptOutput());
      if (answer === 'log') break;
      if (answer === 'cancel') {
        ctx.info('Nothing logged.');
        return 0;
      }
      for (;;) {
        text = await prompts.correctSentence(text, ctx.promptOutput());
        try {
          read = readSentence(ctx, text, opts);
          break;
        } catch (err) {
          if (!(err instanceof NetjournalError)) throw err;
          ctx.info(errorLine(err.message, err.hint).trimEnd());
        }
      }
    }
  }
  const today = ctx.today();
  const writeDb = ctx.writeJournal();
  const recorded = writeTransaction(writeDb, ctx.invocation, () =>
    recordMeeting(writeDb, read.request, today, ctx.timestamp()),
  );
  printRecordedMeeting(ctx, recorded);
  return 0;
}

/** Register `jot`. */
export function jotCommand(parent: Command, host: CommandHost): Command {
  const command = parent
    .command('jot')
    .description('log a meeting from one sentence: "lunch with Ralph yesterday: notes"')
    .argument(
      '<text...>',
      'the sentence: people (contacts, or **New Person**), kind, date, then notes after ":"',
    )
    .option('--dry-run', 'print what the sentence says as JSON and write nothing')
    .option('--yes', 'do not ask on a terminal (piped, it never asks)');
  meetingOptions(command, false);
  command.action(withContext(host, runJot));
  return withExamples(command, [
    'netjournal jot lunch with Ralph and Lena yesterday: she is moving to Berlin',
    'netjournal jot "yesterday: called **Priya Raman** +learned she runs marathons"',
    'netjournal jot coffee with Sarah Kim monday --follow-up "send the deck" --yes',
    'netjournal jot --dry-run "zoom with #12 3 days ago — talked about the new team"',
  ]);
}
