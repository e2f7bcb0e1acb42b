import { needsAttention, type TodayItem } from '../domain/today.js';
import { todaySummary } from './today-page.js';

// `today --notify`: the morning report as one desktop notification.

const SHOWN = 3;

/** Text in a notification body, which servers may read as markup: & < > escaped. */
function bodyText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The summary line as its title, and the top three items that need attention as its body. */
export function todayNotification(
  items: readonly TodayItem[],
  days: number,
): { title: string; body: string } {
  const title = todaySummary(items, days);
  if (!needsAttention(items)) return { title, body: '' };
  const top = items.filter((i) => i.section !== 'upcoming').slice(0, SHOWN);
  const more = items.filter((i) => i.section !== 'upcoming').length - top.length;
  // One line an item: a name or text with a line break in it stays on it.
  const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();
  const lines = top.map((i) => bodyText(`${i.id}  ${flat(i.contact)}: ${flat(i.text)}`));
  if (more > 0) lines.push(`and ${more} more: netjournal today`);
  return { title, body: lines.join('\n') };
}
