// npm run bench: netjournal against the SQLite floor on generated journals.
// Cases run alternately, BENCH_RUNS times each (default 10); medians are
// reported with their ratio to the floor, plus peak RSS and import speed.
// NODE_EXTRA_CA_CERTS is unset for every child: it adds ~46 ms to each start.
// BENCH_SIZES=S,M,L chooses the journals (default S,L).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateJournal, SIZES } from './generate.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const sizes = (process.env.BENCH_SIZES ?? 'S,L').split(',').filter((s) => s in SIZES);
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'netjournal.cjs');
const floor = join(root, 'bench', 'floor.cjs');
const node = process.execPath;
const TODAY = '2026-11-21';
const dir = mkdtempSync(join(tmpdir(), 'netjournal-bench-'));
const env = { ...process.env, NETJOURNAL_NOW: TODAY, HOME: dir };
delete env.NODE_EXTRA_CA_CERTS;
delete env.NETJOURNAL_DB;

const q = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function time(cmd, args, extraEnv) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, {
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** Peak resident memory (MB) of one run, from GNU time when present. */
function peakRss(args, extraEnv) {
  if (!existsSync('/usr/bin/time')) return null;
  const r = spawnSync('/usr/bin/time', ['-f', '%M', node, ...args], {
    env: { ...env, ...extraEnv },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const kb = Number(r.stderr.trim().split('\n').pop());
  return Number.isFinite(kb) ? Math.round(kb / 102.4) / 10 : null;
}

const results = { date: new Date().toISOString(), runs: RUNS, sizes: {} };
for (const size of sizes) {
  const started = Date.now();
  const { path, deepest } = generateJournal(dir, size, TODAY);
  const generatedIn = Date.now() - started;
  const jenv = { NETJOURNAL_DB: path };
  const pty = (command) => ['script', ['-qec', command, '/dev/null']];
  const cases = [
    ['floor', node, [floor, path, deepest]],
    ['--version', node, [bin, '--version']],
    ['today --json', node, [bin, 'today', '--json']],
    ['intros --chain (12 deep)', node, [bin, 'intros', '--chain', deepest, '--json']],
    ['search perception', node, [bin, 'search', 'perception', '--json', '--limit', '20']],
    ['add (a write)', node, [bin, 'add', 'Bench Person', '--no-thank-you']],
    [
      'floor | head',
      'bash',
      ['-c', `${q(node)} ${q(floor)} ${q(path)} ${q(deepest)} | head -c 1000 >/dev/null`],
    ],
    [
      'contacts --json | head',
      'bash',
      ['-c', `${q(node)} ${q(bin)} contacts --json | head -c 1000 >/dev/null`],
    ],
    ['floor on a terminal', ...pty(`${q(node)} ${q(floor)} ${q(path)} ${q(deepest)}`)],
    ['today on a terminal', ...pty(`${q(node)} ${q(bin)} today`)],
  ];
  const times = cases.map(() => []);
  for (let run = 0; run < RUNS; run++) {
    cases.forEach(([, cmd, args], i) => times[i].push(time(cmd, args, jenv)));
  }
  const medians = Object.fromEntries(cases.map(([name], i) => [name, median(times[i])]));
  const ratio = (name, base = 'floor') => medians[name] / medians[base];
  const rows = cases.map(([name]) => ({
    name,
    medianMs: Number(medians[name].toFixed(1)),
    ratioToFloor: Number(
      ratio(
        name,
        name.includes('| head')
          ? 'floor | head'
          : name.includes('terminal')
            ? 'floor on a terminal'
            : 'floor',
      ).toFixed(2),
    ),
  }));
  results.sizes[size] = {
    ...SIZES[size],
    generatedInMs: generatedIn,
    cases: rows,
    todayPeakRssMb: peakRss([bin, 'today', '--json'], jenv),
  };
  console.log(
    `\n${size}: ${SIZES[size].contacts} contacts, ${SIZES[size].meetings} meetings, ${SIZES[size].followUps} follow-ups, ${SIZES[size].introductions} introductions (generated in ${(generatedIn / 1000).toFixed(1)} s)`,
  );
  console.log('median ms  ×floor  command');
  for (const row of rows)
    console.log(
      `${row.medianMs.toFixed(1).padStart(9)}  ${row.ratioToFloor.toFixed(2).padStart(6)}  ${row.name}`,
    );
  console.log(`peak RSS of today --json: ${results.sizes[size].todayPeakRssMb ?? '?'} MB`);
}

// Import speed: the L-sized LinkedIn export (30,000 rows) into an empty journal.
const rows = [
  'Notes:',
  '"Some e-mail addresses are missing."',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
];
for (let i = 0; i < 30_000; i++)
  rows.push(
    `First${i},Last${i},https://www.linkedin.com/in/p${i},${i % 5 ? '' : `p${i}@example.com`},"Company ${i % 300}, Inc.",Engineer,12 Mar 2024`,
  );
const csv = join(dir, 'Connections.csv');
writeFileSync(csv, rows.join('\n') + '\n');
const importTimes = [];
for (let run = 0; run < Math.min(RUNS, 5); run++) {
  const target = join(dir, `import-${run}.db`);
  importTimes.push(time(node, [bin, 'import', csv], { NETJOURNAL_DB: target }));
}
const importMs = median(importTimes);
results.import = {
  rows: 30_000,
  medianMs: Number(importMs.toFixed(0)),
  rowsPerSecond: Math.round(30_000 / (importMs / 1000)),
};
console.log(
  `\nimport of 30,000 LinkedIn rows: ${importMs.toFixed(0)} ms median → ${results.import.rowsPerSecond} rows/s`,
);
const task = spawnSync('task', ['--version'], { encoding: 'utf8' });
console.log(
  task.status === 0
    ? 'taskwarrior is installed: compare with `task next` by hand'
    : 'taskwarrior: not installed (apt-get install taskwarrior to compare)',
);

writeFileSync(join(root, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
rmSync(dir, { recursive: true, force: true });
