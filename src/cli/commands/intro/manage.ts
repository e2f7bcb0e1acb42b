import type { Command } from 'commander';
import { parseEventDate } from '../../../domain/date-bounds.js';
import { parseId } from '../../../domain/ids.js';
import type { ContactRef, FollowUp, Introduction } from '../../../domain/journal-types.js';
import { NotFoundError, UsageError } from '../../../errors.js';
import { describeChanges, fieldChanges } from '../../../output/changes.js';
import { forTerminal } from '../../../output/sanitize.js';
import { introductionSentence } from '../../../output/views/intros.js';
import { introductionView } from '../../../output/views/journal-views.js';
import { ME_ID } from '../../../storage/contacts.js';
import {
  deleteFollowUp,
  followUpById,
  followUpsOfIntroduction,
  setFollowUpStatus,
  moveFollowUp,
} from '../../../storage/follow-ups.js';
import {
  deleteIntroduction,
  introductionById,
  introductionsOf,
  setReportedBack,
  updateIntroduction,
} from '../../../storage/introductions.js';
import { writeTransaction, type Db } from '../../../storage/journal.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';
import { printWritten } from '../../print.js';
import { resolveName } from '../../resolve.js';

function load(db: Db | null, id: number): Introduction {
  const intro = db ? introductionById(db, id) : undefined;
  if (!intro) {
    throw new NotFoundError(`no introduction ${id}`, "see the ids with 'netjournal intros'");
  }
  return intro;
}

const ids = (fs: readonly FollowUp[]) => fs.map((f) => f.id).join(', ');
const followUps = (n: number) => (n === 1 ? 'follow-up' : 'follow-ups');
const nameOf = (ref: ContactRef) => (ref.id === ME_ID ? 'me' : ref.name);

/** A report-back is owed for an introduction to the user made by someone else. */
const owesReportBack = (i: Introduction) => i.to.id === ME_ID && i.introducer.id !== ME_ID;

export interface IntroEditOptions {
  date?: string;
  note?: string;
  by?: string;
  person?: string;
  to?: string;
}

/** The people an edit names, resolved to existing contacts (`me` is the user). */
function people(db: Db, old: Introduction, opts: IntroEditOptions) {
  const pick = (query: string | undefined, current: ContactRef): ContactRef => {
    if (query === undefined) return current;
    const found = resolveName(db, query, true);
    return { id: found.id, name: found.id === ME_ID ? 'me' : found.name };
  };
  return {
    introducer: pick(opts.by, old.introducer),
    person: pick(opts.person, old.person),
    to: pick(opts.to, old.to),
  };
}

/** Refuse what `intro` refuses: one person in two roles, or an introduction recorded twice. */
function checkPeople(db: Db, id: number, p: ReturnType<typeof people>): void {
  const pairs: [ContactRef, ContactRef, string][] = [
    [p.introducer, p.person, 'introducer and person'],
    [p.person, p.to, 'person and --to'],
    [p.introducer, p.to, 'introducer and --to'],
  ];
  for (const [a, b, roles] of pairs) {
    if (a.id === b.id) {
      throw new UsageError(
        `an introduction needs three different people: ${nameOf(a)} would be ${roles}`,
        'change --by, --person or --to',
      );
    }
  }
  const twin = introductionsOf(db, {
    introducerId: p.introducer.id,
    personId: p.person.id,
    toId: p.to.id,
  }).find((i) => i.id !== id);
  if (twin) {
    throw new UsageError(
      `that introduction is already recorded (introduction ${twin.id}, ${twin.date})`,
      `keep one of them: netjournal intro rm ${id}`,
    );
  }
}

/**
 * The open report-backs of an edited introduction follow it: to the new
 * introducer (a text netjournal wrote is written again with the new names),
 * or away when no report-back is owed any more.
 */
function followEdit(db: Db, after: Introduction) {
  const open = followUpsOfIntroduction(db, after.id).filter((f) => f.kind === 'report_back');
  if (!owesReportBack(after)) {
    for (const f of open) deleteFollowUp(db, f.id);
    return { moved: [], removed: open };
  }
  const moved: FollowUp[] = [];
  for (const f of open) {
    // A text netjournal wrote is written again with the new names, in the same change.
    if (moveFollowUp(db, f.id, after.introducer.id)) moved.push(followUpById(db, f.id) as FollowUp);
  }
  return { moved, removed: [] as FollowUp[] };
}

const fields = (i: Introduction) => ({
  date: i.date,
  introducer: nameOf(i.introducer),
  person: nameOf(i.person),
  to: nameOf(i.to),
  note: i.context,
});

/** `intro edit ID`: correct the date, the context or who took part. */
export function runIntroEdit(ctx: Context, rawId: string, opts: IntroEditOptions): void {
  ctx.format();
  const id = parseId(rawId, 'introduction');
  const date =
    opts.date === undefined
      ? undefined
      : parseEventDate(opts.date, ctx.today(), '--date', 'introduction');
  const context = opts.note === undefined ? undefined : opts.note.trim() || null;
  if ([date, context, opts.by, opts.person, opts.to].every((v) => v === undefined)) {
    throw new UsageError('nothing to change', 'give --date, --note, --by, --person or --to');
  }
  // Read first, so that an unknown id or name on a missing journal creates nothing.
  load(ctx.readJournal(), id);
  const db = ctx.writeJournal();
  const { before, after, moved, removed } = writeTransaction(db, ctx.invocation, () => {
    const before = load(db, id);
    const p = people(db, before, opts);
    checkPeople(db, id, p);
    updateIntroduction(db, id, {
      introducerId: p.introducer.id,
      personId: p.person.id,
      toId: p.to.id,
      date,
      context,
    });
    const after = load(db, id);
    return { before, after, ...followEdit(db, after) };
  });
  const changes = fieldChanges(fields(before), fields(after), ['note']);
  ctx.info(
    changes.length
      ? `Updated introduction ${id}: ${describeChanges(changes)}.`
      : `Introduction ${id} already reads so: nothing changed.`,
  );
  for (const f of moved) {
    ctx.info(
      `Its open report-back, follow-up ${f.id}, is now for ${forTerminal(f.contact.name)}: "${forTerminal(f.text)}".`,
    );
  }
  if (removed.length) {
    ctx.info(
      `Removed its open report-back (${followUps(removed.length)} ${ids(removed)}): a report-back is owed only for an introduction to you.`,
    );
  }
  printWritten(ctx, [after], introductionView);
}

/** `intro rm ID`: remove an introduction and the report-backs it created that are still open. */
export function runIntroRm(ctx: Context, rawId: string): void {
  ctx.format();
  const id = parseId(rawId, 'introduction');
  load(ctx.readJournal(), id);
  const db = ctx.writeJournal();
  const { intro, removed } = writeTransaction(db, ctx.invocation, () => {
    const intro = load(db, id);
    const removed = followUpsOfIntroduction(db, id);
    for (const f of removed) deleteFollowUp(db, f.id);
    deleteIntroduction(db, id);
    return { intro, removed };
  });
  ctx.info(
    `Removed introduction ${id} (${introductionSentence(intro, ME_ID)})` +
      (removed.length ? ` and its open ${followUps(removed.length)} ${ids(removed)}.` : '.') +
      ' Undo with: netjournal undo',
  );
  printWritten(ctx, [intro], introductionView);
}

/** `intro reported ID`: you told the introducer how it went; its open report-back is done. */
export function runIntroReported(ctx: Context, rawId: string): void {
  ctx.format();
  const id = parseId(rawId, 'introduction');
  load(ctx.readJournal(), id);
  const db = ctx.writeJournal();
  const { intro, closed } = writeTransaction(db, ctx.invocation, () => {
    const intro = load(db, id);
    if (!owesReportBack(intro)) {
      throw new UsageError(
        `introduction ${id} is not one to report back on (${introductionSentence(intro, ME_ID)})`,
        'reporting back is telling whoever introduced someone to you how it went',
      );
    }
    const open = followUpsOfIntroduction(db, id).filter((f) => f.kind === 'report_back');
    if (intro.reportedBack && open.length === 0) {
      throw new UsageError(
        `introduction ${id} is already marked reported back`,
        'nothing to change',
      );
    }
    setReportedBack(db, id, true);
    for (const f of open) setFollowUpStatus(db, f.id, 'done', ctx.today());
    return { intro: load(db, id), closed: open };
  });
  ctx.info(
    `Introduction ${id} (${introductionSentence(intro, ME_ID)}) marked reported back` +
      (closed.length ? `; ${followUps(closed.length)} ${ids(closed)} done.` : '.'),
  );
  printWritten(ctx, [intro], introductionView);
}

/** Register `intro edit`, `intro rm` and `intro reported` under `intro`. */
export function introManageCommands(intro: Command, host: CommandHost): void {
  withExamples(
    intro
      .command('edit')
      .description('correct an introduction: who made it, who was introduced to whom, when, why')
      .argument('<id>', 'introduction id, as shown by intros')
      .option('--by <name>', 'who made the introduction (me for yourself)')
      .option('--person <name>', 'who was introduced')
      .option('--to <name>', 'who they were introduced to (me for yourself)')
      .option('--date <when>', 'when it happened')
      .option('--note <text>', 'replace the context ("" clears it)')
      .addHelpText(
        'after',
        '\nNames must be contacts already (add one with netjournal contact add). An open\nreport-back moves to the new introducer; it goes when the introduction is no\nlonger to you.',
      )
      .action(withContext(host, runIntroEdit)),
    [
      'netjournal intro edit 3 --by "Lena Berg"',
      'netjournal intro edit 3 --date 2026-10-28 --note "met at the design meetup"',
      'netjournal intro edit 5 --to me',
    ],
  );
  withExamples(
    intro
      .command('rm')
      .description('remove an introduction and its report-backs that are still open')
      .argument('<id>', 'introduction id, as shown by intros')
      .action(withContext(host, runIntroRm)),
    ['netjournal intro rm 3'],
  );
  withExamples(
    intro
      .command('reported')
      .description('mark that you told the introducer how it went (its open report-back is done)')
      .argument('<id>', 'introduction id, as shown by intros')
      .action(withContext(host, runIntroReported)),
    [
      'netjournal intro reported 3',
      "netjournal intros --json | jq '.introductions[] | select(.reportedBack | not) | .id'",
    ],
  );
}
