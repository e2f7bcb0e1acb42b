import type { Command } from 'commander';
import { parseKind, requireText } from '../../../domain/capture.js';
import { parseEventDate } from '../../../domain/date-bounds.js';
import { parseId } from '../../../domain/ids.js';
import { MEETING_KINDS, type Meeting } from '../../../domain/journal-types.js';
import { NotFoundError, UsageError } from '../../../errors.js';
import { renderJson } from '../../../output/render.js';
import { meetingEditJson, meetingEditSummary } from '../../../output/meeting-edit.js';
import { meetingPage } from '../../../output/meeting-page.js';
import { forTerminal } from '../../../output/sanitize.js';
import {
  followUpView,
  giftView,
  meetingView,
  noteView,
} from '../../../output/views/journal-views.js';
import { deleteOpenFollowUpsOfMeeting, listFollowUps } from '../../../storage/follow-ups.js';
import { writeTransaction, type Db } from '../../../storage/journal.js';
import { editMeeting } from '../../../storage/meeting-replan.js';
import { deleteMeeting, meetingById } from '../../../storage/meetings.js';
import { giftsOfMeeting, notesOfMeeting } from '../../../storage/notes.js';
import { UNDO_HINT } from '../../../domain/undo-words.js';
import { confirmOnTerminal } from '../../../prompts/confirm.js';
import {
  collect,
  type CommandHost,
  completeValues,
  withContext,
  withExamples,
} from '../../command.js';
import type { Context } from '../../context.js';
import { printWritten } from '../../print.js';
import { resolveName } from '../../resolve.js';

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

function load(db: Db | null, id: number): Meeting {
  const meeting = db ? meetingById(db, id) : undefined;
  if (!meeting) throw new NotFoundError(`no meeting ${id}`, "see the ids with 'netjournal log'");
  return meeting;
}

/** `meeting show ID`: the meeting with its notes, gifts and follow-ups (its page when piped). */
export async function runMeetingShow(ctx: Context, rawId: string): Promise<void> {
  const format = ctx.pageFormat();
  const id = parseId(rawId, 'meeting');
  const db = ctx.readJournal();
  const meeting = load(db, id);
  const live = db as Db;
  const followUps = listFollowUps(live, { all: true, meetingId: id });
  const notes = notesOfMeeting(live, id);
  const gifts = giftsOfMeeting(live, id);
  if (format === 'table') {
    await ctx.page(meetingPage({ meeting, followUps, notes, gifts }, ctx.term, ctx.today()));
  } else if (format === 'json') {
    ctx.out(
      renderJson(
        {
          ...meetingView.toRecord(meeting),
          followUps: followUps.map(followUpView.toRecord),
          // `notes` is the meeting's own text; things learned at it are `learned`.
          learned: notes.map(noteView.toRecord),
          gifts: gifts.map(giftView.toRecord),
        },
        ctx.term,
      ),
    );
  } else printWritten(ctx, [meeting], meetingView);
}

export interface MeetingEditOptions {
  date?: string;
  kind?: string;
  notes?: string;
  with?: string[];
  outreach?: boolean;
}

/**
 * `meeting edit ID`: correct the date, kind, notes, people or outreach flag,
 * re-planning the open follow-ups the meeting made as `add` would for it now.
 */
export function runMeetingEdit(ctx: Context, rawId: string, opts: MeetingEditOptions): void {
  ctx.format();
  const id = parseId(rawId, 'meeting');
  const date =
    opts.date === undefined ? undefined : parseEventDate(opts.date, ctx.today(), '--date');
  const kind = opts.kind === undefined ? undefined : parseKind(opts.kind);
  const people = opts.with?.map((n) => requireText(n, '--with'));
  if ([date, kind, opts.notes, people, opts.outreach].every((v) => v === undefined)) {
    throw new UsageError('nothing to change', 'give --date, --kind, --notes, --with or --outreach');
  }
  const db = ctx.writeJournal();
  const edit = writeTransaction(db, ctx.invocation, () => {
    const before = load(db, id);
    return editMeeting(
      db,
      before,
      {
        date: date ?? before.date,
        kind: kind ?? before.kind,
        notes: opts.notes === undefined ? before.notes : opts.notes.trim() || null,
        outreach: opts.outreach ?? before.outreach,
        ...(people ? { contactIds: people.map((n) => resolveName(db, n).id) } : {}),
      },
      ctx.today(),
      ctx.timestamp(),
    );
  });
  ctx.info(meetingEditSummary(edit));
  if (ctx.format() === 'json') ctx.out(renderJson(meetingEditJson(edit), ctx.term));
  else printWritten(ctx, [edit.after], meetingView);
}

export interface MeetingRmOptions {
  yes?: boolean;
}

/** "coffee with Ralph Smith, Lena Fox on 2026-11-16", sanitised for a terminal. */
function meetingWords(meeting: Meeting): string {
  const people = meeting.contacts.map((c) => forTerminal(c.name)).join(', ');
  return `${meeting.kind} with ${people} on ${meeting.date}`;
}

/**
 * `meeting rm ID`: remove a meeting and the follow-ups it created that are
 * still open. On a terminal it asks first, as `contact rm` does (`--yes`
 * skips); piped it removes without asking, as it always has.
 */
export async function runMeetingRm(
  ctx: Context,
  rawId: string,
  opts: MeetingRmOptions = {},
): Promise<void> {
  ctx.format();
  const id = parseId(rawId, 'meeting');
  if (!opts.yes && ctx.canPrompt()) {
    const readDb = ctx.readJournal();
    const meeting = load(readDb, id);
    const open = listFollowUps(readDb as Db, { meetingId: id });
    const question =
      `Remove meeting ${id} (${meetingWords(meeting)})` +
      (open.length ? ` and its ${plural(open.length, 'open follow-up')}` : '') +
      `? ${UNDO_HINT}`;
    if (!(await confirmOnTerminal(question, false, ctx.promptOutput()))) {
      ctx.info(`Kept meeting ${id}.`);
      return;
    }
  }
  const db = ctx.writeJournal();
  const { meeting, removed } = writeTransaction(db, ctx.invocation, () => {
    const meeting = load(db, id);
    const removed = deleteOpenFollowUpsOfMeeting(db, id);
    deleteMeeting(db, id);
    return { meeting, removed };
  });
  ctx.info(
    `Removed meeting ${id} (${meetingWords(meeting)})` +
      (removed.length
        ? ` and its ${removed.length} open follow-up${removed.length > 1 ? 's' : ''}: ${removed.map((f) => f.id).join(', ')}.`
        : '.'),
  );
  printWritten(ctx, [meeting], meetingView);
}

/** Register `meeting show|edit|rm`. */
export function meetingCommands(parent: Command, host: CommandHost): void {
  const meeting = parent.command('meeting').description('see, correct or remove a logged meeting');
  withExamples(
    meeting
      .command('show')
      .description('show a meeting with its notes, gifts and follow-ups')
      .argument('<id>', 'meeting id, as shown by log')
      .action(withContext(host, runMeetingShow)),
    ['netjournal meeting show 12', 'netjournal meeting show 12 --json'],
  );
  withExamples(
    completeValues(meeting.command('edit'), '--kind', MEETING_KINDS)
      .description('correct a meeting: date, kind, notes, people')
      .argument('<id>', 'meeting id')
      .option('--date <when>', 'when it happened')
      .option(
        '--kind <kind>',
        'coffee, lunch, call, video, meeting, event, interview, email, message or other',
      )
      .option('--notes <text>', 'replace the notes ("" clears them)')
      .option('--with <name>', 'who was there (repeatable; replaces the list)', collect)
      .option('--outreach', 'you reached out to start this')
      .option('--no-outreach', 'they reached out')
      .addHelpText(
        'after',
        '\nThe open thank-yous, report-backs and nudges the meeting made are re-planned as add\n' +
          'would for the edited meeting: moved, removed or added. Done and dropped ones stay;\n' +
          'your own follow-ups keep their text and due date. netjournal undo reverts it all.',
      )
      .action(withContext(host, runMeetingEdit)),
    [
      'netjournal meeting edit 12 --date yesterday',
      'netjournal meeting edit 12 --with "Ralph Smith" --with Lena',
    ],
  );
  withExamples(
    meeting
      .command('rm')
      .description(
        'remove a meeting and the follow-ups it created that are still open (asks first)',
      )
      .argument('<id>', 'meeting id')
      .option('-y, --yes', 'do not ask on a terminal')
      .action(withContext(host, runMeetingRm)),
    ['netjournal meeting rm 12', 'netjournal meeting rm 12 --yes'],
  );
}
