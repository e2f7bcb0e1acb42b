import type { Contact } from '../domain/contact.js';
import { forTerminal } from '../output/sanitize.js';
import { contactView } from '../output/views/contacts.js';
import { renderJson, renderList } from '../output/render.js';
import type { RecordView } from '../output/record-view.js';
import type { Context } from './context.js';

/**
 * Print what a write command recorded: nothing more on a terminal (the
 * confirmation on stderr says it), one JSON object (or an array for several)
 * with --json, and the records as rows in the other formats.
 */
export function printWritten<R>(
  ctx: Context,
  rows: readonly R[],
  view: RecordView<R>,
  single = rows.length === 1,
): void {
  const format = ctx.format();
  if (format === 'table') return;
  if (format === 'json') {
    const records = rows.map(view.toRecord);
    ctx.out(renderJson(single ? records[0] : records, ctx.term));
    return;
  }
  ctx.out(
    renderList(rows, view, {
      format,
      term: ctx.term,
      today: ctx.today(),
      header: ctx.globals.header,
    }),
  );
}

/** Print a contact a command just changed: stderr says what (sanitised), stdout has the record. */
export function printChangedContact(ctx: Context, contact: Contact, message: string): void {
  ctx.info(forTerminal(message));
  printWritten(ctx, [contact], contactView);
}

/**
 * Print a report about one contact: its page (plain when piped), one JSON
 * object with --json, and the contact's own record with --format csv, tsv
 * or jsonl.
 */
export async function printContactReport(
  ctx: Context,
  contact: Contact,
  report: { page: () => string; record: () => unknown },
): Promise<void> {
  const format = ctx.pageFormat();
  if (format === 'table') await ctx.page(report.page());
  else if (format === 'json') ctx.out(renderJson(report.record(), ctx.term));
  else printWritten(ctx, [contact], contactView);
}
