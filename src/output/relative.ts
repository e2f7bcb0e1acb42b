import { daysBetween } from '../domain/dates.js';

/** "today", "yesterday", "3 days ago", "in 2 weeks": a date as a person reads it. */
export function relativeDay(date: string, today: string): string {
  const days = daysBetween(today, date);
  if (days === 0) return 'today';
  if (days === -1) return 'yesterday';
  if (days === 1) return 'tomorrow';
  const n = Math.abs(days);
  const span =
    n < 14
      ? `${n} days`
      : n < 60
        ? `${Math.round(n / 7)} weeks`
        : n < 730
          ? `${Math.round(n / 30)} months`
          : `${Math.round(n / 365)} years`;
  return days < 0 ? `${span} ago` : `in ${span}`;
}

/**
 * When something is due, said one way on every page and table: "3 days
 * late", "due today", "due tomorrow", "due in 9 days". In days, exactly:
 * the morning page's reconnect texts count days too ("added 173 days ago").
 */
export function dueWords(due: string, today: string): string {
  const days = daysBetween(today, due);
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  const n = Math.abs(days);
  const span = `${n} day${n === 1 ? '' : 's'}`;
  return days < 0 ? `${span} late` : `due in ${span}`;
}

/**
 * A follow-up's state, one way everywhere: when it is due while it is open,
 * else "done 2026-12-18" or "dropped 2026-12-18" (the day it was closed).
 */
export function followUpState(
  f: { status: string; due: string; closed: string | null },
  today: string,
): string {
  return f.status === 'open' ? dueWords(f.due, today) : `${f.status} ${f.closed ?? ''}`.trim();
}
