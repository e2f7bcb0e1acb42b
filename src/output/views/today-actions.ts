import type { RecordView } from '../record-view.js';

/** A birthday or reconnect item of `today` after done, drop or snooze acted on it. */
export interface TodayAction {
  /** Its handle: b12, r12. */
  id: string;
  kind: 'birthday' | 'reconnect';
  contact: string;
  contactId: number;
  status: 'done' | 'dropped' | 'snoozed';
  /** When it comes back: next year's birthday, or the next reconnect reminder. */
  next: string;
}

/** The records done, drop and snooze print for birthday and reconnect items. */
export const todayActionView: RecordView<TodayAction> = {
  fields: ['id', 'kind', 'contact', 'contactId', 'status', 'next'],
  toRecord: (a) => ({ ...a }),
  columns: () => [
    { header: 'ID', text: (a) => a.id },
    { header: 'KIND', text: (a) => a.kind },
    { header: 'CONTACT', text: (a) => a.contact, shrink: 'last' },
    { header: 'STATUS', text: (a) => a.status },
    { header: 'NEXT', text: (a) => a.next },
  ],
  empty: 'Nothing changed.',
};
