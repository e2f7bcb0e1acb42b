// Sync's figures for npm run bench: a sync with nothing to do (against the
// floor and against git's own local fetch), 10,000 incoming changes applied,
// and a new device joining from a snapshot of the L journal.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Run the sync cases; returns their figures. `tools` is what run.js measures
 * with: node, the CLI, the floor script, a scratch folder, the environment,
 * time(cmd, args, env) and median(xs).
 */
export function benchSync({ node, bin, floor, dir, env, time, median, runs, lJournal }) {
  const root = join(dir, 'sync-bench');
  mkdirSync(root, { recursive: true });
  const remote = join(root, 'remote.git');
  spawnSync('git', ['init', '-q', '--bare', remote]);
  const devEnv = (name) => ({
    NETJOURNAL_DB: join(root, name, 'journal.db'),
    NETJOURNAL_SYNC_PASSPHRASE: 'bench passphrase',
  });
  const cli = (name, args) => {
    const r = spawnSync(node, [bin, ...args], {
      env: { ...env, ...devEnv(name) },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`${name}: ${args.join(' ')}: ${r.stderr}`);
    return r;
  };
  const out = {};

  // 10,000 contacts imported on one device: 10,000 changes for the other.
  const rows = ['First Name,Last Name,Company'];
  for (let i = 0; i < 10_000; i++) rows.push(`Sync${i},Person${i},Company ${i % 100}`);
  const csv = join(root, 'contacts.csv');
  writeFileSync(csv, rows.join('\n') + '\n');
  cli('laptop', ['contact', 'add', 'First Person']);
  cli('laptop', ['sync', 'init', remote, '--device', 'laptop']);
  cli('desktop', ['sync', 'init', remote, '--device', 'desktop']);
  cli('laptop', ['import', csv]);
  const sent = time(node, [bin, 'sync'], devEnv('laptop'));
  const applied = time(node, [bin, 'sync'], devEnv('desktop'));
  out.incoming10k = { sendMs: Math.round(sent), applyMs: Math.round(applied) };

  // Nothing to do: the floor, git's local fetch alone, and sync, interleaved.
  const clone = join(root, 'desktop', 'sync');
  const idle = { floor: [], fetch: [], sync: [] };
  for (let run = 0; run < runs; run++) {
    idle.floor.push(time(node, [floor, devEnv('desktop').NETJOURNAL_DB, 'Sync1 Person1'], {}));
    idle.fetch.push(time('git', ['-C', clone, 'fetch', '-q', 'origin'], {}));
    idle.sync.push(time(node, [bin, 'sync'], devEnv('desktop')));
  }
  const m = Object.fromEntries(Object.entries(idle).map(([k, v]) => [k, median(v)]));
  out.idle = {
    floorMs: Number(m.floor.toFixed(1)),
    gitFetchMs: Number(m.fetch.toFixed(1)),
    syncMs: Number(m.sync.toFixed(1)),
    syncOverFloorPlusFetch: Number((m.sync / (m.floor + m.fetch)).toFixed(2)),
    budget: '≤ 3× the floor plus the fetch',
    syncOverBudget: Number((m.sync / (3 * m.floor + m.fetch)).toFixed(2)),
  };
  console.log('\nsync');
  console.log(
    `  nothing to do: ${m.sync.toFixed(1)} ms; floor ${m.floor.toFixed(1)} ms, git fetch (local) ${m.fetch.toFixed(1)} ms → ${out.idle.syncOverBudget}× the budget (3× floor + fetch)`,
  );
  console.log(
    `  10,000 changes: sent in ${out.incoming10k.sendMs} ms, applied on the other device in ${out.incoming10k.applyMs} ms (bar: 2,000 ms)`,
  );
  if (lJournal) out.joinL = joinL({ node, bin, root, time, median, lJournal });
  return out;
}

/** The L journal synced once and a snapshot written; then a new device joins from it. */
function joinL({ node, bin, root, time, median, lJournal }) {
  const remote = join(root, 'remote-L.git');
  spawnSync('git', ['init', '-q', '--bare', remote]);
  const copy = join(root, 'L', 'journal.db');
  mkdirSync(join(root, 'L'), { recursive: true });
  spawnSync('sqlite3', [lJournal, `.backup '${copy}'`]);
  const pass = { NETJOURNAL_SYNC_PASSPHRASE: 'bench passphrase' };
  const first = time(node, [bin, 'sync', 'init', remote, '--device', 'big'], {
    ...pass,
    NETJOURNAL_DB: copy,
  });
  const snapshot = time(node, [bin, 'sync', 'snapshot'], { ...pass, NETJOURNAL_DB: copy });
  // Three new devices, one after another: a single join measured right after
  // the snapshot also measured the disk writing back what the snapshot and
  // the first sync wrote (~1.5 GB), which swung it by ±3 s on this machine.
  const joins = [1, 2, 3].map((n) =>
    time(node, [bin, 'sync', 'init', remote, '--device', `new${n}`], {
      ...pass,
      NETJOURNAL_DB: join(root, `new${n}`, 'journal.db'),
    }),
  );
  const joined = median(joins);
  const r = {
    firstSyncMs: Math.round(first),
    snapshotMs: Math.round(snapshot),
    joinMs: Math.round(joined),
    joinRunsMs: joins.map(Math.round),
  };
  console.log(
    `  the L journal: first sync ${(first / 1000).toFixed(1)} s, snapshot ${(snapshot / 1000).toFixed(1)} s; a new device joins from it in ${(joined / 1000).toFixed(1)} s, median of ${joins.map((ms) => (ms / 1000).toFixed(1)).join(', ')} (bar: 30 s)`,
  );
  return r;
}
