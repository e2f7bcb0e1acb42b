import type { Command } from 'commander';
import type { NameOutcome } from '../../../domain/capture.js';
import { parseEventDate } from '../../../domain/date-bounds.js';
import type { Introduction } from '../../../domain/journal-types.js';
import { UsageError } from '../../../errors.js';
import { nameNotices } from '../../../output/recorded.js';
import { forTerminal } from '../../../output/sanitize.js';
import { introductionView } from '../../../output/views/journal-views.js';
import { findOrCreateContact } from '../../../storage/capture.js';
import { ME_ID } from '../../../storage/contacts.js';
import {
  insertIntroduction,
  introductionById,
  introductionsOf,
} from '../../../storage/introductions.js';
import { writeTransaction, type Db } from '../../../storage/journal.js';
import { isMeName } from '../../../domain/contact.js';
import { defaultSubcommand, withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';
import { printWritten } from '../../print.js';

export interface IntroOptions {
  to?: string;
  date?: string;
  note?: string;
  /** PERSON is a new contact even when the name exists (as `add --new`). */
  new?: boolean;
}

function party(db: Db, query: string, today: string, forceNew = false): NameOutcome {
  if (isMeName(query)) return { query, contact: { id: ME_ID, name: 'me' }, how: 'name' };
  return findOrCreateContact(db, query, forceNew, today);
}

/** `intro INTRODUCER PERSON [--to NAME]`: record that INTRODUCER introduced PERSON to NAME (you by default). */
export function runIntro(
  ctx: Context,
  introducer: string,
  person: string,
  opts: IntroOptions,
): void {
  ctx.format();
  const date =
    opts.date === undefined
      ? ctx.today()
      : parseEventDate(opts.date, ctx.today(), '--date', 'introduction');
  const context = opts.note?.trim() || null;
  if (opts.new && isMeName(person)) {
    throw new UsageError(
      `--new makes PERSON a new contact, and "${person.trim()}" is you`,
      'drop --new, or name the new person as PERSON',
    );
  }
  const db = ctx.writeJournal();
  const { intro, outcomes } = writeTransaction(db, ctx.invocation, () => {
    const a = party(db, introducer, ctx.today());
    const p = party(db, person, ctx.today(), opts.new === true);
    const t = party(db, opts.to ?? 'me', ctx.today());
    const ids = [a.contact.id, p.contact.id, t.contact.id];
    if (new Set(ids).size < 3) {
      throw new UsageError(
        'an introduction needs three different people',
        'netjournal intro INTRODUCER PERSON [--to NAME] (--to defaults to you)',
      );
    }
    const [duplicate] = introductionsOf(db, {
      introducerId: a.contact.id,
      personId: p.contact.id,
      toId: t.contact.id,
    });
    if (duplicate) {
      throw new UsageError(
        `that introduction is already recorded (introduction ${duplicate.id}, ${duplicate.date})`,
        "see it with 'netjournal intros'",
      );
    }
    const id = insertIntroduction(
      db,
      { introducerId: a.contact.id, personId: p.contact.id, toId: t.contact.id, date, context },
      ctx.timestamp(),
    );
    return { intro: introductionById(db, id) as Introduction, outcomes: [a, p, t] };
  });
  for (const line of nameNotices(outcomes)) ctx.info(line);
  const to = intro.to.id === ME_ID ? 'you' : forTerminal(intro.to.name);
  const by = intro.introducer.id === ME_ID ? 'You' : forTerminal(intro.introducer.name);
  ctx.info(
    `${by} introduced ${forTerminal(intro.person.name)} to ${to} (introduction ${intro.id}).`,
  );
  printWritten(ctx, [intro], introductionView);
}

/** Register `intro add` (also run as `intro INTRODUCER PERSON`) under `intro`. */
export function introAddCommand(intro: Command, host: CommandHost): Command {
  const command = defaultSubcommand(intro, 'add')
    .description('record an introduction: INTRODUCER introduced PERSON to you (or to --to)')
    .argument('<introducer>', 'who made the introduction (me for yourself)')
    .argument('<person>', 'who was introduced')
    .option('--to <name>', 'who PERSON was introduced to (default: me)')
    .option('--date <when>', 'when (default: today)')
    .option('--note <text>', 'context: why, or what it was about')
    .option('--new', 'PERSON is a new contact even when a contact has that name')
    .action(withContext(host, runIntro));
  return withExamples(command, [
    'netjournal intro "Joe Park" "Ralph Smith" --note "Ralph hires designers at Acme"',
    'netjournal intro me "Lena Berg" --to "Ralph Smith"',
    'netjournal intro Mom Joe --date 2026-10-01',
    '# a second Ralph Smith, not the one you know',
    'netjournal intro Lena "Ralph Smith" --new',
  ]);
}
