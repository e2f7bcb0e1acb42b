import type { Command } from 'commander';
import {
  parseKind,
  requireText,
  type AddOptions,
  type AddRequest,
  type NewContactDetails,
  type RecordedMeeting,
} from '../domain/capture.js';
import { parseCircle } from '../domain/contact.js';
import { MEETING_KINDS } from '../domain/journal-types.js';
import { CIRCLES } from '../model/declarations.js';
import { parseDueDate, parseEventDate } from '../domain/date-bounds.js';
import { addDays } from '../domain/dates.js';
import { UsageError } from '../errors.js';
import { recordedJson, recordedSummary } from '../output/recorded.js';
import { renderJson, renderJsonLine, renderList } from '../output/render.js';
import { meetingView } from '../output/views/journal-views.js';
import { collect, completeValues } from './command.js';
import type { Context } from './context.js';

// What `add` and `jot` share: the meeting's options, one validation into a
// request, and how what was recorded is printed, so that a jot writes and
// shows exactly what the same `add` would.

/** --company and --circle (or one person's answers) as set on a new contact. */
function newContactDetails(given: { company?: string; circle?: string }): NewContactDetails {
  const company = given.company?.trim();
  const circle = given.circle?.trim();
  return { company: company ? company : null, circle: circle ? parseCircle(circle) : null };
}

/**
 * Validate the options of `add` (its flags, or the prompts' answers) into a request;
 * throws UsageError on the first bad value.
 */
export function requestFromOptions(names: string[], opts: AddOptions, today: string): AddRequest {
  const due = opts.due === undefined ? addDays(today, 7) : parseDueDate(opts.due, today, '--due');
  if (opts.due !== undefined && !opts.followUp?.length) {
    throw new UsageError(
      '--due needs --follow-up',
      'e.g. --follow-up "send the article" --due friday',
    );
  }
  if (typeof opts.nudge === 'string' && opts.outreach !== true) {
    throw new UsageError(
      '--nudge needs --outreach',
      'e.g. --outreach --nudge friday (a reminder to follow up if they do not reply)',
    );
  }
  const nudge =
    opts.outreach !== true || opts.nudge === false
      ? null
      : typeof opts.nudge === 'string'
        ? parseDueDate(opts.nudge, today, '--nudge')
        : addDays(today, 7);
  const notes = opts.notes?.trim();
  return {
    names: names.map((n) => requireText(n, 'a name')),
    kind: parseKind(opts.kind ?? 'coffee'),
    date: opts.date === undefined ? today : parseEventDate(opts.date, today, '--date'),
    notes: notes ? notes : null,
    learned: (opts.learned ?? []).map((t) => requireText(t, '--learned')),
    via: opts.via === undefined ? null : requireText(opts.via, '--via'),
    followUps: (opts.followUp ?? []).map((t, i) => {
      const own = opts.dues?.[i];
      const text = requireText(t, '--follow-up');
      return { text, due: own === undefined ? due : parseDueDate(own, today, '--due') };
    }),
    offered: (opts.offered ?? []).map((t) => requireText(t, '--offered')),
    gave: (opts.gave ?? []).map((t) => requireText(t, '--gave')),
    outreach: opts.outreach === true,
    nudge,
    thankYou: opts.thankYou,
    forceNew: opts.new === true,
    newContacts: names.map((_, i) => newContactDetails(opts.people?.[i] ?? opts)),
  };
}

/**
 * The options of a logged meeting, after the names. `jot` reads the kind from
 * its sentence (so --kind has no default there) and creates only the people
 * marked new (so it has no --new).
 */
export function meetingOptions(command: Command, forAdd: boolean): Command {
  command.option(
    '--kind <kind>',
    'coffee, lunch, call, video, meeting, event, interview, email, message or other',
    ...(forAdd ? ['coffee'] : []),
  );
  command
    .option('--date <when>', 'when it happened: 2026-11-20, yesterday, monday, 3d (default: today)')
    .option('--notes <text>', 'notes about the meeting')
    .option(
      '--learned <text>',
      'a thing you learned about them (repeatable; tied to the first person)',
      collect,
    )
    .option('--via <name>', 'who introduced these people to you')
    .option('--follow-up <text>', 'something you promised or plan to do (repeatable)', collect)
    .option('--due <when>', 'when --follow-up items are due (default: in 7 days)')
    .option(
      '--offered <text>',
      'something they offered to do: you will gently check in 7 days (repeatable)',
      collect,
    )
    .option(
      '--gave <text>',
      'something you gave them: an article, an intro, help (repeatable)',
      collect,
    )
    .option(
      '--outreach',
      'you reached out to start this: a nudge is due in 7 days if they do not reply',
    )
    .option('--nudge <when>', 'with --outreach: when to nudge if there is no reply')
    .option('--no-nudge', 'with --outreach: no nudge')
    .option('--no-thank-you', 'no thank-you note follow-up');
  if (forAdd) command.option('--new', 'create new contacts even where the names exist');
  command
    .option('--company <name>', 'where the people this creates work (new contacts only)')
    .option(
      '--circle <circle>',
      'inner, second or third: the circle of the people this creates (new contacts only)',
    );
  completeValues(command, '--kind', MEETING_KINDS);
  completeValues(command, '--circle', CIRCLES);
  return command;
}

/** Print what a logged meeting recorded: a summary on stderr, the record on stdout as asked. */
export function printRecordedMeeting(ctx: Context, recorded: RecordedMeeting): void {
  const format = ctx.format();
  ctx.info(recordedSummary(recorded, ctx.term, ctx.today()));
  if (format === 'json') ctx.out(renderJson(recordedJson(recorded), ctx.term));
  else if (format === 'jsonl') ctx.out(renderJsonLine(recordedJson(recorded), ctx.term));
  else if (format !== 'table') {
    ctx.out(
      renderList([recorded.meeting], meetingView, {
        format,
        term: ctx.term,
        today: ctx.today(),
        header: ctx.globals.header,
      }),
    );
  }
}
