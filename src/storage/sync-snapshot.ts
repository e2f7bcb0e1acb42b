import { compactChanges } from '../sync/merge.js';
import { parseLoggedChange, type ForeignChange, type LoggedChangeRow } from './change-log.js';
import type { Db } from './journal.js';

/**
 * What a snapshot for new devices holds: this journal's whole change log,
 * every device's changes, each record's compacted (sync/merge.ts) so that
 * it folds to the same records, now and with whatever comes later.
 */
export function snapshotChanges(db: Db): ForeignChange[] {
  return compactLogged(
    db
      .prepare(
        `SELECT hlc, device, record, uid, op, fields, prior FROM changes ORDER BY record, uid`,
      )
      .all() as LoggedChangeRow[],
  );
}

/** Logged changes ordered by record and stable id, each record's compacted. */
export function compactLogged(rows: Iterable<LoggedChangeRow>): ForeignChange[] {
  const out: ForeignChange[] = [];
  let group: ForeignChange[] = [];
  const flush = () => {
    if (group.length === 1) out.push(...group);
    else if (group.length > 1) out.push(...compactChanges(group));
    group = [];
  };
  for (const r of rows) {
    const change = parseLoggedChange(r);
    const first = group[0];
    if (first && (first.uid !== change.uid || first.record !== change.record)) flush();
    group.push(change);
  }
  flush();
  return out;
}
