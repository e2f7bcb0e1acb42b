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
