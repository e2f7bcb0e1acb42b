// npm run bench: time netjournal against the SQLite floor on a generated journal.
// A first cut for the foundation; the performance issue grows it to S/M/L journals.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openJournal, writeTransaction } from '../dist/storage/journal.js';
import { insertContact } from '../dist/storage/contacts.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 1000);
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'netjournal.js');
const dir = mkdtempSync(join(tmpdir(), 'netjournal-bench-'));
const journal = join(dir, 'journal.db');

// Deterministic generator (a linear congruential sequence, fixed seed).
let seed = 42;
const rand = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
const companies = ['Acme', 'Northwind Labs', 'Globex', 'Initech', 'Umbrella', 'Hooli'];
const db = openJournal(journal, { write: true, timestamp: '2026-11-21T00:00:00.000Z' });
writeTransaction(db, () => {
  for (let i = 0; i < CONTACTS; i++) {
    insertContact(
      db,
      {
        name: `Person ${i}`,
        company: companies[rand(companies.length)],
        role: null,
        email: `person${i}@example.com`,
        phone: null,
        url: null,
        location: null,
        circle: ['inner', 'second', 'third'][rand(3)],
        cadenceDays: rand(2) ? 30 + rand(60) : null,
        birthday: null,
        tags: rand(3) ? ['tag' + rand(10)] : [],
        howMet: null,
      },
      '2026-01-01',
    );
  }
});
db.close();

// NODE_EXTRA_CA_CERTS adds ~46 ms to every Node start on these machines.
const env = { ...process.env, NETJOURNAL_DB: journal, NETJOURNAL_NOW: '2026-11-21' };
delete env.NODE_EXTRA_CA_CERTS;

const cases = [
  ['floor (node + better-sqlite3 + query)', [join(root, 'bench', 'floor.js'), journal]],
  ['netjournal --version', [bin, '--version']],
  ['netjournal contacts --json', [bin, 'contacts', '--json']],
];
const times = cases.map(() => []);
for (let r = 0; r < RUNS; r++) {
  cases.forEach(([, args], i) => {
    const start = process.hrtime.bigint();
    const out = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (out.status !== 0) throw new Error(`${args.join(' ')} failed: ${out.stderr}`);
    times[i].push(ms);
  });
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const floor = median(times[0]);
const results = cases.map(([name], i) => ({
  name,
  medianMs: Number(median(times[i]).toFixed(1)),
  ratioToFloor: Number((median(times[i]) / floor).toFixed(2)),
}));
console.log(`${CONTACTS} contacts, ${RUNS} alternating runs each, NODE_EXTRA_CA_CERTS unset`);
console.log('median ms  ×floor  command');
for (const r of results) {
  console.log(
    `${r.medianMs.toFixed(1).padStart(9)}  ${r.ratioToFloor.toFixed(2).padStart(6)}  ${r.name}`,
  );
}
writeFileSync(
  join(root, 'bench', 'results.json'),
  JSON.stringify({ contacts: CONTACTS, runs: RUNS, results }, null, 2) + '\n',
);
rmSync(dir, { recursive: true, force: true });
