// done, drop and snooze on follow-ups and today's items: shared by their
// commands and by `draft --done`.
import { parseDueDate } from '../domain/date-bounds.js';
import { addDays, isIsoDate } from '../domain/dates.js';
import { parseItemRef, type ItemRef } from '../domain/ids.js';
import { birthdayHandle, isBirthdayToday, reconnectHandle } from '../domain/today.js';
import { todayActionView, type TodayAction } from '../output/views/today-actions.js';
import {
  markBirthdayDone,
  setReconnectAfter,
  todayItemState,
  type TodayItemState,
} from '../storage/today.js';
import type { FollowUp } from '../domain/journal-types.js';
import { NotFoundError, UsageError } from '../errors.js';
import { forTerminal } from '../output/sanitize.js';
import { followUpById, setFollowUpDue, setFollowUpStatus } from '../storage/follow-ups.js';
import { setReportedBack } from '../storage/introductions.js';
import { writeTransaction, type Db } from '../storage/journal.js';
import type { Context } from './context.js';
import { followUpView } from '../output/views/journal-views.js';
import { printWritten } from './print.js';

/** What done, drop and snooze do to an item. */
export type Change = 'done' | 'drop' | 'snooze';

function load(db: Db, ids: readonly number[]): FollowUp[] {
  return ids.map((id) => {
    const f = followUpById(db, id);
    if (!f)
      throw new NotFoundError(`no follow-up ${id}`, "see the ids with 'netjournal follow-ups'");
    return f;
  });
}

function refuse(f: FollowUp, change: Change): UsageError | null {
  const when = f.closed ? ` on ${f.closed}` : '';
  if (change === 'done' && f.status === 'done') {
    return new UsageError(`follow-up ${f.id} is already done${when}`, 'nothing to change');
  }
  if (change === 'drop' && f.status !== 'open') {
    return new UsageError(`follow-up ${f.id} is already ${f.status}${when}`, 'nothing to drop');
  }
  if (change === 'snooze' && f.status !== 'open') {
    return new UsageError(
      `follow-up ${f.id} is ${f.status}${when}`,
      'only open follow-ups can be snoozed',
    );
  }
  return null;
}

/**
 * Apply one change to several follow-ups (or today's birthday and reconnect
 * items), all or none; `draft --done` marks its item done through here too,
 * without printing the records (its stdout is the draft).
 */
export function changeItems(
  ctx: Context,
  rawIds: string[],
  kind: Change,
  until?: string,
  printRecords = true,
): void {
  ctx.format();
  const refs = rawIds.map(parseItemRef);
  const handles = refs.filter((r) => r.kind !== 'followUp');
  const due = kind === 'snooze' ? parseDueDate(until ?? '', ctx.today(), '--until') : null;
  if (handles.length > 0) {
    if (handles.length < refs.length) {
      throw new UsageError(
        "follow-ups and today's birthday or reconnect items go in separate commands",
        `e.g. netjournal ${kind} ${rawIds.filter((r) => !/^[br]/i.test(r.trim())).join(' ')}`,
      );
    }
    changeTodayItems(ctx, handles as TodayRef[], kind, due, printRecords);
    return;
  }
  const ids = [...new Set(refs.map((r) => (r.kind === 'followUp' ? r.id : 0)))];
  const db = ctx.writeJournal();
  const changed = writeTransaction(db, ctx.invocation, () => {
    const items = load(db, ids);
    for (const f of items) {
      const problem = refuse(f, kind);
      if (problem) throw problem;
    }
    for (const f of items) {
      if (kind === 'snooze') setFollowUpDue(db, f.id, due as string);
      else setFollowUpStatus(db, f.id, kind === 'done' ? 'done' : 'dropped', ctx.today());
      // Telling the introducer how it went closes the loop on the introduction.
      if (kind === 'done' && f.kind === 'report_back' && f.introductionId !== null) {
        setReportedBack(db, f.introductionId, true);
      }
    }
    return load(db, ids);
  });
  for (const f of changed) {
    const what =
      kind === 'snooze' ? `snoozed until ${f.due}` : kind === 'done' ? 'done' : 'dropped';
    ctx.info(`Follow-up ${f.id} (${forTerminal(f.contact.name)}: ${forTerminal(f.text)}) ${what}.`);
  }
  if (printRecords) printWritten(ctx, changed, followUpView, false);
}

type TodayRef = Exclude<ItemRef, { kind: 'followUp' }>;

/**
 * done/drop/snooze on `today`'s birthday (b12) and reconnect (r12) items: a
 * birthday is gone for the year (it cannot be snoozed: it is for its day); a
 * reconnect done or dropped counts its cadence again from today, one snoozed
 * comes back on the day given. No meeting is logged: none took place.
 */
function changeTodayItems(
  ctx: Context,
  refs: readonly TodayRef[],
  kind: Change,
  until: string | null,
  printRecords: boolean,
): void {
  const today = ctx.today();
  const handle = (r: TodayRef) =>
    r.kind === 'birthday' ? birthdayHandle(r.contactId) : reconnectHandle(r.contactId);
  const unique = [...new Map(refs.map((r) => [handle(r), r])).values()];
  const missing = (ref: TodayRef) =>
    new NotFoundError(`no contact #${ref.contactId}`, "see today's items with 'netjournal today'");
  if (!ctx.readJournal()) throw missing(unique[0] as TodayRef);
  const status = kind === 'snooze' ? 'snoozed' : kind === 'done' ? 'done' : 'dropped';
  const db = ctx.writeJournal();
  // Checked and written in one transaction: what today shows cannot change in between.
  const changed = writeTransaction(db, ctx.invocation, () => {
    const planned = unique.map((ref) => {
      const state = todayItemState(db, ref.contactId, today);
      if (!state) throw missing(ref);
      return { ref, state, next: nextOf(ref, handle(ref), state, kind, until, today) };
    });
    return planned.map(({ ref, state, next }): TodayAction => {
      if (ref.kind === 'birthday') markBirthdayDone(db, state.id, Number(today.slice(0, 4)));
      else setReconnectAfter(db, state.id, next);
      return {
        id: handle(ref),
        kind: ref.kind,
        contact: state.name,
        contactId: state.id,
        status,
        next,
      };
    });
  });
  for (const a of changed) {
    ctx.info(
      a.kind === 'birthday'
        ? `Birthday of ${forTerminal(a.contact)} (${a.id}) ${status} for ${today.slice(0, 4)}.`
        : `Reconnect with ${forTerminal(a.contact)} (${a.id}) ${status}: next reminder on ${a.next}.`,
    );
  }
  if (printRecords) printWritten(ctx, changed, todayActionView, false);
}

/** When a birthday or reconnect item acted on comes back; throws when it cannot be acted on. */
function nextOf(
  ref: TodayRef,
  handle: string,
  state: TodayItemState,
  kind: Change,
  until: string | null,
  today: string,
): string {
  const name = forTerminal(state.name);
  if (ref.kind === 'reconnect') {
    if (!state.reconnect) {
      throw new UsageError(
        `${handle}: ${name} is not due to reconnect today`,
        "see today's items with 'netjournal today'",
      );
    }
    return until ?? addDays(today, state.reconnect.cadenceDays);
  }
  if (!state.birthday || state.archived || !isBirthdayToday(state.birthday, today)) {
    throw new UsageError(
      `${handle}: ${name}'s birthday is not today${state.birthday ? ` (${state.birthday.slice(-5)})` : ''}`,
      "see today's items with 'netjournal today'",
    );
  }
  if (kind === 'snooze') {
    throw new UsageError(
      `${handle} is a birthday: it is for its day only`,
      `done or drop it: netjournal done ${handle}`,
    );
  }
  const year = Number(today.slice(0, 4));
  if (state.birthdayDone === year) {
    throw new UsageError(
      `${handle}: ${name}'s birthday is already done for ${year}`,
      'nothing to change',
    );
  }
  return nextBirthday(state.birthday, today);
}

/** The next time a birthday (MM-DD or YYYY-MM-DD) comes round after today. */
function nextBirthday(birthday: string, today: string): string {
  const monthDay = birthday.slice(-5);
  const year = Number(today.slice(0, 4)) + 1;
  // 29 February in a common year is kept on the 28th, as today does.
  return isIsoDate(`${year}-${monthDay}`) ? `${year}-${monthDay}` : `${year}-02-28`;
}
