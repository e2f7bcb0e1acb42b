import { compactChanges } from '../sync/merge.js';
import type { ForeignChange, LoggedColumns } from './change-log.js';
import type { Db } from './journal.js';

/**
 * What a snapshot for new devices holds: this journal's whole change log,
 * every device's changes, each record's compacted (sync/merge.ts) so that
 * it folds to the same records, now and with whatever comes later.
 */
export function snapshotChanges(db: Db): ForeignChange[] {
  const rows = db
    .prepare(`SELECT hlc, device, record, uid, op, fields, prior FROM changes ORDER BY record, uid`)
    .all() as {
    hlc: string;
    device: string;
    record: string;
    uid: string;
    op: ForeignChange['op'];
    fields: string | null;
    prior: string | null;
  }[];
  const out: ForeignChange[] = [];
  let group: ForeignChange[] = [];
  const flush = () => {
    if (group.length === 1) out.push(...group);
    else if (group.length > 1) out.push(...compactChanges(group));
    group = [];
  };
  for (const r of rows) {
    const change: ForeignChange = {
      hlc: r.hlc,
      device: r.device,
      record: r.record,
      uid: r.uid,
      op: r.op,
      fields: r.fields === null ? null : (JSON.parse(r.fields) as LoggedColumns),
      prior: r.prior === null ? null : (JSON.parse(r.prior) as LoggedColumns),
    };
    const first = group[0];
    if (first && (first.uid !== change.uid || first.record !== change.record)) flush();
    group.push(change);
  }
  flush();
  return out;
}
