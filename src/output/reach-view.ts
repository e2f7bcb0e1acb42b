import type { ReachRow } from '../domain/reach.js';
import type { RecordView } from './record-view.js';
import { relativeDay } from './relative.js';

/**
 * `reach` rows: the JSON keys and csv/tsv columns in this order, and on a
 * terminal a table with the reason each person is listed.
 */
export const reachView: RecordView<ReachRow> = {
  fields: ['name', 'contactId', 'distance', 'warmth', 'reason', 'via', 'lastMet', 'meetings'],
  toRecord: (r) => ({
    name: r.name,
    contactId: r.contactId,
    distance: r.distance,
    warmth: r.warmth,
    reason: r.reason,
    via: r.via,
    lastMet: r.lastMet,
    meetings: r.meetings,
  }),
  columns: (today) => [
    {
      header: 'NAME',
      text: (r) => r.name,
      style: (t, _r, term) => term.chalk.bold(t),
      shrink: 'last',
    },
    {
      header: 'HOW',
      text: (r) => (r.distance === 0 ? 'direct' : '1 intro'),
      style: (t, r, term) => (r.distance === 0 ? term.chalk.green(t) : t),
    },
    { header: 'WARMTH', text: (r) => r.warmth.toFixed(2), align: 'right' },
    {
      header: 'LAST MET',
      text: (r) => (r.lastMet === null ? 'never' : relativeDay(r.lastMet, today)),
      style: (t, r, term) => (r.lastMet === null ? term.chalk.dim(t) : t),
    },
    { header: 'WHY', text: (r) => r.reason, shrink: 'first' },
  ],
  empty: 'Nobody yet. Add where people work with: netjournal contact edit NAME --company …',
};
