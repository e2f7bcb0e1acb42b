import { cadenceWords } from '../../domain/cadence.js';
import type { Contact } from '../../domain/contact.js';
import { CONTACT_FIELDS, contactRecord } from '../record-fields.js';
import type { RecordView } from '../record-view.js';
import { relativeDay } from '../relative.js';

/** The contact record: JSON keys and csv/tsv columns, in this order. */
export const contactView: RecordView<Contact> = {
  fields: CONTACT_FIELDS,
  toRecord: contactRecord,
  columns: (today) => [
    {
      header: 'ID',
      text: (c) => `#${c.id}`,
      style: (t, _c, term) => term.chalk.dim(t),
      align: 'right',
    },
    {
      header: 'NAME',
      text: (c) => c.name,
      style: (t, _c, term) => term.chalk.bold(t),
      shrink: 'last',
    },
    { header: 'COMPANY', text: (c) => c.company ?? '', shrink: 'first' },
    { header: 'ROLE', text: (c) => c.role ?? '', shrink: 'first' },
    { header: 'CIRCLE', text: (c) => c.circle ?? '' },
    // "every 30 days", as pages say it, with its first word as the header.
    {
      header: 'EVERY',
      text: (c) =>
        c.cadenceDays === null ? '' : cadenceWords(c.cadenceDays).slice('every '.length),
    },
    {
      header: 'LAST MET',
      text: (c) => (c.lastMet === null ? 'never' : relativeDay(c.lastMet, today)),
      style: (t, c, term) => (c.lastMet === null ? term.chalk.dim(t) : t),
    },
    {
      header: 'TAGS',
      text: (c) => c.tags.join(', '),
      style: (t, _c, term) => term.chalk.cyan(t),
      shrink: 'first',
    },
  ],
  empty: 'No contacts yet. Add one with: netjournal contact add "Ralph Smith" --company Acme',
};
