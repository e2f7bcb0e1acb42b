/**
 * How far from today the dates users type may be. `parseDate` reads any date
 * of the years 1000-9999; a record's dates are held to what makes sense for
 * it, so a typo (9999-12-31 for a due date, 1026 for 2026) is caught at input,
 * not when a calendar export or a report meets it later.
 */
import { UsageError } from '../errors.js';
import { addDays, addMonths, parseDate } from './dates.js';

/** How far ahead a due or snooze date may be: further is a typo, and a calendar cannot hold the end of the years. */
export const MAX_DUE_YEARS = 100;

/** The earliest year something that happened (a meeting, a note, an introduction) may be dated. */
export const EARLIEST_EVENT_YEAR = 1900;

const LAST_DATE = '9999-12-31';

/** The last due date allowed on a day: 100 years ahead, or the last day of the years when that is nearer. */
export function latestDueDate(today: string): string {
  return Number(today.slice(0, 4)) + MAX_DUE_YEARS > 9999
    ? LAST_DATE
    : addMonths(today, 12 * MAX_DUE_YEARS);
}

/** Why a due date is out of bounds (a sentence naming it), or null when it is within them. */
export function dueDateProblem(due: string, today: string): string | null {
  const latest = latestDueDate(today);
  return due > latest ? `${due} is more than ${MAX_DUE_YEARS} years ahead (after ${latest})` : null;
}

const asOption = (option: string | undefined, value: string): string =>
  option === undefined ? value : `${option} ${value}`;

/**
 * Parse a due or snooze date the user typed (`option` names it in messages,
 * e.g. `--due`; prompts leave it out). Throws UsageError for an unknown date,
 * one before today or one more than 100 years ahead.
 */
export function parseDueDate(input: string, today: string, option?: string): string {
  const due = parseDate(input, today, 'future');
  if (due < today) {
    const examples = ['today', 'friday', '2w'].map((e) => asOption(option, e)).join(', ');
    throw new UsageError(
      `${asOption(option, due)} is in the past: a due date is today or later`,
      `give one ahead, e.g. ${examples}`,
    );
  }
  const problem = dueDateProblem(due, today);
  if (problem === null) return due;
  const examples = ['friday', '2w'].map((e) => asOption(option, e)).join(', ');
  throw new UsageError(
    asOption(option, problem),
    `give a date within ${MAX_DUE_YEARS} years, e.g. ${examples} or ${asOption(option, addMonths(today, 1))}`,
  );
}

/**
 * Parse the date something happened on (a meeting, a note, a gift, an introduction)
 * as the user typed it. Throws UsageError for an unknown date, one after
 * today (it has not happened yet) or one before 1900.
 */
export function parseEventDate(
  input: string,
  today: string,
  option?: string,
  what: 'meeting' | 'note' | 'gift' | 'introduction' = 'meeting',
): string {
  const date = parseDate(input, today, 'past');
  if (date > today) {
    throw new UsageError(
      `${what === 'introduction' ? 'an' : 'a'} ${what} date can't be in the future (${asOption(option, date)})`,
      what === 'meeting'
        ? `to plan one, use netjournal follow-up NAME 'coffee' --due ${date}`
        : `give the date it happened, e.g. ${['today', 'yesterday', '3d'].map((e) => asOption(option, e)).join(', ')}`,
    );
  }
  if (Number(date.slice(0, 4)) >= EARLIEST_EVENT_YEAR) return date;
  const examples = ['yesterday', '3d'].map((e) => asOption(option, e)).join(', ');
  throw new UsageError(
    asOption(option, `${date} is before ${EARLIEST_EVENT_YEAR}`),
    `give the date it happened, e.g. ${examples} or ${asOption(option, addDays(today, -7))}`,
  );
}
