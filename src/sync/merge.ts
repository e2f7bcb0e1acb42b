/**
 * The merge rules of sync, as pure functions of change-log entries: what a
 * record is once every change any device made to it is known, and which
 * fields two devices changed without seeing each other's change. Whatever
 * order changes arrive in, the same set folds to the same record, so every
 * device that has seen the same changes holds the same records.
 *
 * The rules:
 * - Changes to one record apply in clock order: the hybrid logical clock
 *   (hlc), ties broken by device id. Per field, the later change wins.
 * - An insert sets every field (the ones it leaves out are empty); links
 *   (tags, participants) are records of their own, so they merge by element.
 * - A delete is a tombstone: an edit made later on another device, which had
 *   not seen the delete, does not bring the record back (it is reported as a
 *   conflict instead). Only an insert does: `undo` of a delete re-inserts the
 *   record under its stable id, and that wins over the delete it reverts.
 */

export type Value = string | number | null;

/** One change-log entry, values as the log keeps them (references as stable ids). */
export interface MergeChange {
  hlc: string;
  device: string;
  op: 'insert' | 'update' | 'delete';
  fields: Record<string, Value> | null;
}

/** What a record's changes add up to. */
export interface Folded {
  /** 'alive' after an insert, 'dead' after a delete, 'unknown' when the log never inserted it (the user's own contact). */
  state: 'alive' | 'dead' | 'unknown';
  /** The columns set since the last insert (all of them after an insert), by their latest change. */
  fields: Record<string, Value>;
  /** Edits that came after the record was deleted (not applied). */
  afterDelete: MergeChange[];
}

/** Clock order: hlc, then device id. */
export function compareChanges(
  a: { hlc: string; device: string },
  b: { hlc: string; device: string },
): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  return a.device < b.device ? -1 : a.device > b.device ? 1 : 0;
}

/** Fold one record's changes, in clock order, into what the record is. */
export function foldChanges(changes: readonly MergeChange[]): Folded {
  const folded: Folded = { state: 'unknown', fields: {}, afterDelete: [] };
  for (const change of [...changes].sort(compareChanges)) {
    if (change.op === 'insert') {
      folded.state = 'alive';
      folded.fields = { ...change.fields };
    } else if (change.op === 'delete') {
      folded.state = 'dead';
      folded.fields = {};
    } else if (folded.state === 'dead') {
      folded.afterDelete.push(change);
    } else {
      Object.assign(folded.fields, change.fields);
    }
  }
  return folded;
}

/** A field changed on two devices, neither having seen the other's change. */
export interface FieldConflict {
  column: string;
  kept: { value: Value; device: string; hlc: string };
  lost: { value: Value; device: string; hlc: string };
}

/**
 * The fields of one record that this device and a sender both changed
 * without the sender having seen this device's change (its batch says up to
 * which clock it had seen each device's changes: seenOwn). own are this
 * device's changes to the record, incoming the sender's; identity columns
 * are left out (they are what names the record).
 */
export function fieldConflicts(
  own: readonly MergeChange[],
  incoming: readonly MergeChange[],
  seenOwn: string | undefined,
  skip: readonly string[] = [],
): FieldConflict[] {
  const latest = (changes: readonly MergeChange[], unseenAfter?: string) => {
    const byColumn = new Map<string, MergeChange>();
    for (const change of [...changes].sort(compareChanges)) {
      if (change.op !== 'update' || !change.fields) continue;
      if (unseenAfter !== undefined && change.hlc <= unseenAfter) continue;
      for (const column of Object.keys(change.fields)) byColumn.set(column, change);
    }
    return byColumn;
  };
  const mine = latest(own, seenOwn ?? '');
  const theirs = latest(incoming);
  const conflicts: FieldConflict[] = [];
  for (const [column, their] of theirs) {
    const my = mine.get(column);
    if (!my || skip.includes(column)) continue;
    const myValue = my.fields?.[column] ?? null;
    const theirValue = their.fields?.[column] ?? null;
    if (myValue === theirValue) continue;
    const mineWins = compareChanges(my, their) > 0;
    const side = (c: MergeChange, value: Value) => ({ value, device: c.device, hlc: c.hlc });
    conflicts.push({
      column,
      kept: mineWins ? side(my, myValue) : side(their, theirValue),
      lost: mineWins ? side(their, theirValue) : side(my, myValue),
    });
  }
  return conflicts;
}

/**
 * One record's changes reduced to the fewest that fold the same, now and
 * with any change still to come (a snapshot for new devices holds these):
 * everything before the last insert or delete is overwritten by it, and of
 * the updates after it each field keeps only its latest change (after a
 * delete too: an insert still to come with an earlier clock, an undo made
 * offline, brings them back). An update that keeps no field goes. The changes keep their clocks and devices, so a
 * change seen again is still recognised.
 */
export function compactChanges<C extends MergeChange & { prior?: Record<string, Value> | null }>(
  changes: readonly C[],
): C[] {
  const sorted = [...changes].sort(compareChanges);
  let start = 0;
  for (let i = sorted.length - 1; i >= 0; i--)
    if (sorted[i]?.op !== 'update') {
      start = i;
      break;
    }
  const base = sorted[start];
  const updates = base?.op === 'update' ? sorted : sorted.slice(start + 1);
  const owner = new Map<string, C>();
  for (const change of updates)
    for (const column of Object.keys(change.fields ?? {})) owner.set(column, change);
  const kept: C[] = base && base.op !== 'update' ? [base] : [];
  for (const change of updates) {
    const columns = Object.keys(change.fields ?? {}).filter((c) => owner.get(c) === change);
    if (columns.length === 0) continue;
    const pick = (row: Record<string, Value> | null | undefined) =>
      row
        ? Object.fromEntries(columns.filter((c) => c in row).map((c) => [c, row[c] ?? null]))
        : row;
    kept.push({ ...change, fields: pick(change.fields), prior: pick(change.prior) } as C);
  }
  return kept;
}
