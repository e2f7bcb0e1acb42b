import type { Command } from 'commander';
import { builtInDraft } from '../../../domain/draft-notes.js';
import { draftText, type Draft, type DraftFacts } from '../../../domain/drafts.js';
import { templateDraft } from '../../../domain/draft-template.js';
import { parseId, parseItemRef } from '../../../domain/ids.js';
import { NotFoundError, UsageError } from '../../../errors.js';
import { mailtoUrl } from '../../../output/mailto.js';
import { renderJson } from '../../../output/render.js';
import { linesForTerminal } from '../../../output/sanitize.js';
import {
  draftFactsOfContact,
  draftFactsOfFollowUp,
  draftFactsOfIntroduction,
} from '../../../storage/drafts.js';
import type { Db } from '../../../storage/journal.js';
import { withContext, withExamples, type CommandHost } from '../../command.js';
import type { Context } from '../../context.js';
import { readUserTemplate } from '../../draft-template-file.js';
import { chosenEditor, editOnTerminal } from '../../editor.js';
import { changeItems } from '../../item-status.js';

export interface DraftOptions {
  mailto?: boolean;
  done?: boolean;
}

/** What is drafted: its facts, and whether it is an open item that `done` can close. */
interface Drafted {
  facts: DraftFacts;
  /** The item as `done` takes it, when the draft is for an open one. */
  doneRef: string | null;
}

function noJournal(what: string): NotFoundError {
  return new NotFoundError(what, "see today's items with 'netjournal today'");
}

function draftedIntroduction(db: Db | null, rawId: string): Drafted {
  const id = parseId(rawId, 'introduction');
  const facts = db ? draftFactsOfIntroduction(db, id) : 'missing';
  if (facts === 'missing') {
    throw new NotFoundError(`no introduction ${id}`, "see the ids with 'netjournal intros --json'");
  }
  if (facts === 'not yours') {
    throw new UsageError(
      `introduction ${id} was not made by you`,
      'draft intro is for introductions you made: netjournal intro me Alice --to Bob',
    );
  }
  return { facts, doneRef: null };
}

function draftedItem(db: Db | null, raw: string): Drafted {
  const ref = parseItemRef(raw);
  if (ref.kind !== 'followUp') {
    const facts = db ? draftFactsOfContact(db, ref.contactId, ref.kind) : undefined;
    if (!facts) throw noJournal(`no contact #${ref.contactId}`);
    return { facts, doneRef: raw.trim() };
  }
  const source = db ? draftFactsOfFollowUp(db, ref.id) : undefined;
  if (!source) throw noJournal(`no follow-up ${ref.id}`);
  if (!source.facts) {
    throw new UsageError(
      `follow-up ${ref.id} is something you plan to do: there is no note to draft for it`,
      'draft a thank-you, report-back or waiting item, or a birthday or reconnect item (b12, r12)',
    );
  }
  return { facts: source.facts, doneRef: source.status === 'done' ? null : String(ref.id) };
}

/** --json, or the draft as text (--format table is the text too). */
function wantsJson(ctx: Context): boolean {
  if (!ctx.globals.json && ctx.globals.format === undefined) return false;
  return ctx.format(['table', 'json'] as const) === 'json';
}

/** `draft ITEM` / `draft intro ID`: a note written from the journal, to edit, print or send. */
export async function runDraft(
  ctx: Context,
  item: string,
  introId: string | undefined,
  opts: DraftOptions,
): Promise<void> {
  const json = wantsJson(ctx);
  if (json && opts.mailto) {
    throw new UsageError('--json and --mailto ask for two different outputs', 'give one of them');
  }
  const isIntro = item.trim().toLowerCase() === 'intro';
  if (!isIntro && introId !== undefined) {
    throw new UsageError(`draft takes one item, not "${introId}"`, 'e.g. netjournal draft 12');
  }
  if (isIntro && introId === undefined) {
    throw new UsageError('draft intro needs the introduction id', 'e.g. netjournal draft intro 3');
  }
  if (isIntro && opts.done) {
    throw new UsageError('an introduction has nothing to mark done', 'leave out --done');
  }
  const db = ctx.readJournal();
  const drafted = isIntro ? draftedIntroduction(db, introId ?? '') : draftedItem(db, item);
  const template = readUserTemplate(ctx.io.env, drafted.facts.kind);
  const draft: Draft = template
    ? templateDraft(template, drafted.facts, ctx.today())
    : builtInDraft(drafted.facts, ctx.today());
  if (opts.done && drafted.doneRef === null) {
    throw new UsageError(`follow-up ${item.trim()} is already done`, 'nothing to change');
  }
  if (!json && !opts.mailto && ctx.canPrompt()) {
    await onTerminal(ctx, draft, drafted.doneRef, opts.done === true);
    return;
  }
  // Marked done first: when the done path refuses (a birthday that is not
  // today), nothing is printed and nothing is written.
  if (opts.done && drafted.doneRef !== null) {
    changeItems(ctx, [drafted.doneRef], 'done', undefined, false);
  }
  if (json) ctx.out(renderJson(draft, ctx.term));
  else if (opts.mailto) ctx.out(mailtoUrl(draft) + '\n');
  // A name's control characters reach a terminal escaped; a pipe gets the text as it is.
  else ctx.out(ctx.term.isTTY ? linesForTerminal(draftText(draft)) : draftText(draft));
}

/**
 * On a terminal: the draft opens in the user's editor (or is shown when none
 * is set), then netjournal asks whether it was sent; yes marks it done.
 */
async function onTerminal(
  ctx: Context,
  draft: Draft,
  doneRef: string | null,
  done: boolean,
): Promise<void> {
  const editor = chosenEditor(ctx.io.env);
  if (editor) {
    const name = `draft-${draft.followUpId ?? 'note'}.txt`;
    editOnTerminal(editor, draftText(draft), name, ctx.io.env);
  } else {
    await ctx.page(linesForTerminal(draftText(draft)));
  }
  if (doneRef === null) return;
  if (done) {
    changeItems(ctx, [doneRef], 'done', undefined, false);
    return;
  }
  const { confirmOnTerminal } = await import('../../../prompts/confirm.js');
  if (await confirmOnTerminal('Sent?', false, ctx.promptOutput())) {
    changeItems(ctx, [doneRef], 'done', undefined, false);
  }
}

/** Register `draft`. */
export function draftCommand(parent: Command, host: CommandHost): Command {
  const command = parent
    .command('draft')
    .usage('[options] <item> | intro <id>')
    .description('draft the thank-you, report-back or nudge an item asks for, from the journal')
    .argument(
      '<item>',
      "a follow-up id, b12 / r12 for today's birthday and reconnect items, or intro",
    )
    .argument('[id]', 'with intro: the id of an introduction you made')
    .option('--mailto', 'print a mailto: URL with the e-mail, subject and body (for xdg-open)')
    .option('--done', 'mark the item done without asking')
    .action(withContext(host, runDraft));
  return withExamples(command, [
    'netjournal draft 12',
    'netjournal draft 12 --json | jq -r .body',
    'xdg-open "$(netjournal draft 12 --mailto)"',
    'netjournal draft 12 --done > note.txt',
    "# Mom's birthday, shown in today as b3",
    'netjournal draft b3',
    '# a double opt-in introduction e-mail for intro me Alice --to Bob',
    'netjournal draft intro 4',
    '# your own thank-you: first line the subject, then {{first}}, {{meeting.kind}},',
    '# {{meeting.date}}, {{learned}}, {{promised}}, {{offered}}, {{introducer.first}},',
    '# {{name}}, {{me.first}} (a line whose value is unknown is left out)',
    'cat ~/.config/netjournal/templates/thank-you.txt',
  ]);
}
