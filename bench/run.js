// npm run bench: netjournal against the SQLite floor on generated journals.
// Cases run alternately, BENCH_RUNS times each (default 15) after one untimed round; medians are
// reported with their ratio to the floor, plus peak RSS and import speed.
// NODE_EXTRA_CA_CERTS is unset for every child: it adds ~46 ms to each start.
// BENCH_SIZES=S,M,L chooses the journals (default S,L); BENCH_OUT where the
// results go (default bench/results.json, git-ignored).
// For working on one command: BENCH_CASES=search times only the cases whose
// names contain one of these comma-separated words (and the floor) and skips
// the import runs; BENCH_JOURNALS=DIR keeps the generated journals in DIR and
// reuses them next time (the write cases change them); BENCH_BASELINE=BIN also
// times each chosen netjournal case with another build's bin/netjournal.cjs,
// in the same rounds, as "<case> (baseline)".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateJournal, SIZES } from './generate.js';
import { benchSync } from './sync.js';
import { benchTeam, havePostgreSQL } from './team.js';

const benchStarted = Date.now();
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
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

const only = process.env.BENCH_CASES?.split(',').filter(Boolean);
const baseline = process.env.BENCH_BASELINE;
const keepJournals = process.env.BENCH_JOURNALS;
/** Where each size's journal is (BENCH_JOURNALS keeps them elsewhere than the run's folder). */
const journalPaths = {};

/** A generated journal of this size: from BENCH_JOURNALS when it has one. */
function journal(size) {
  if (!keepJournals) return generateJournal(dir, size, TODAY);
  const meta = join(keepJournals, `journal-${size}.json`);
  if (existsSync(meta) && existsSync(join(keepJournals, `journal-${size}.db`))) {
    return JSON.parse(readFileSync(meta, 'utf8'));
  }
  const made = generateJournal(keepJournals, size, TODAY);
  writeFileSync(meta, JSON.stringify(made));
  return made;
}

const q = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function time(cmd, args, extraEnv, status = 0) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, {
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== status)
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
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

/**
 * A taskwarrior database with 10,000 pending tasks due like the L journal's
 * 10,000 open follow-ups (40 around today, the rest over the next two years),
 * for `task next`; null when taskwarrior is not installed.
 */
function taskwarrior() {
  if (spawnSync('task', ['--version'], { stdio: 'ignore' }).status !== 0) return null;
  const data = join(dir, 'task');
  const taskrc = join(dir, 'taskrc');
  writeFileSync(taskrc, `data.location=${data}\nconfirmation=off\nverbose=nothing\n`);
  const stamp = (days) => {
    const d = new Date(Date.parse(`${TODAY}T00:00:00Z`) + days * 86_400_000);
    return d.toISOString().slice(0, 10).replace(/-/g, '') + 'T120000Z';
  };
  let seed = 7;
  const r = (n) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const tasks = Array.from({ length: 10_000 }, (_, i) => ({
    description: `follow up with person ${i}`,
    status: 'pending',
    entry: stamp(-r(900) - 30),
    due: stamp(i < 40 ? -20 + r(28) : 8 + r(720)),
  }));
  const file = join(dir, 'tasks.json');
  writeFileSync(file, JSON.stringify(tasks));
  const imported = spawnSync('task', ['import', file], { env: { ...env, TASKRC: taskrc } });
  if (imported.status !== 0) throw new Error(`task import failed: ${imported.stderr}`);
  return { TASKRC: taskrc };
}

const results = { date: new Date().toISOString(), runs: RUNS, sizes: {} };
const taskEnv =
  sizes.includes('L') && (!only || only.some((word) => 'task next'.includes(word)))
    ? taskwarrior()
    : null;
for (const size of sizes) {
  const started = Date.now();
  const { path, deepest } = journal(size);
  journalPaths[size] = path;
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
      'jot (a write)',
      node,
      [
        bin,
        'jot',
        `coffee with ${deepest.toLowerCase()} yesterday: notes`,
        '--yes',
        '--no-thank-you',
      ],
    ],
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
    ['today (piped)', node, [bin, 'today']],
    // The whole graph: drawn up to MAX_DRAWN_INTRODUCTIONS (1,000; S has 700), refused at
    // once beyond (L has 20,000: exit 2 with a hint to narrow it), where --of draws a part.
    SIZES[size].introductions <= 1000
      ? ['intros --format svg (drawn)', node, [bin, 'intros', '--format', 'svg']]
      : ['intros --format svg (refused)', node, [bin, 'intros', '--format', 'svg'], 2],
    [
      'intros --format svg --of --depth 3',
      node,
      [bin, 'intros', '--format', 'svg', '--of', deepest, '--depth', '3'],
    ],
  ];
  if (size === 'L' && taskEnv) cases.push(['task next (10,000 pending)', 'task', ['next']]);
  if (only) {
    const chosen = cases.filter(
      ([name]) => name === 'floor' || only.some((word) => name.includes(word)),
    );
    cases.splice(0, cases.length, ...chosen);
  }
  if (baseline) {
    const twins = cases
      .filter(([, , args]) => args.includes(bin))
      .map(([name, cmd, args, status]) => [
        `${name} (baseline)`,
        cmd,
        args.map((a) => (a === bin ? baseline : a)),
        status,
      ]);
    cases.push(...twins);
  }
  const times = cases.map(() => []);
  // One untimed round first: page cache and file system warm, as in daily use.
  cases.forEach(([name, cmd, args, status]) =>
    time(cmd, args, name.startsWith('task') ? taskEnv : jenv, status),
  );
  for (let run = 0; run < RUNS; run++) {
    cases.forEach(([name, cmd, args, status], i) =>
      times[i].push(time(cmd, args, name.startsWith('task') ? taskEnv : jenv, status)),
    );
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
    todayPeakRssMb: only ? null : peakRss([bin, 'today', '--json'], jenv),
  };
  console.log(
    `\n${size}: ${SIZES[size].contacts} contacts, ${SIZES[size].meetings} meetings, ${SIZES[size].followUps} follow-ups, ${SIZES[size].introductions} introductions (generated in ${(generatedIn / 1000).toFixed(1)} s)`,
  );
  console.log('median ms  ×floor  command');
  for (const row of rows)
    console.log(
      `${row.medianMs.toFixed(1).padStart(9)}  ${row.ratioToFloor.toFixed(2).padStart(6)}  ${row.name}`,
    );
  if (!only)
    console.log(`peak RSS of today --json: ${results.sizes[size].todayPeakRssMb ?? '?'} MB`);
}
if (!only || only.includes('sync'))
  results.sync = benchSync({
    node,
    bin,
    floor,
    dir,
    env,
    time,
    median,
    runs: RUNS,
    lJournal: journalPaths.L,
  });
// Teams (issue 22): a local PostgreSQL, 50 members × 30,000 shared contacts with L.
if (!only || only.includes('team')) {
  if (havePostgreSQL()) {
    const t = (results.team = benchTeam({
      node,
      bin,
      dir,
      env,
      time,
      median,
      runs: RUNS,
      large: sizes.includes('L'),
    }));
    console.log(
      `\nteam: ${t.members} members × ${t.contactsEach} contacts (${t.rows} rows): ` +
        `reach Northwind ${t.reachNorthwindMs.toFixed(0)} ms (--version ${t.versionMs.toFixed(0)} ms), a full share of ${t.contactsEach} ` +
        `${t.fullShareMs.toFixed(0)} ms, an unchanged re-share ${t.unchangedShareMs.toFixed(0)} ms (sends nothing)`,
    );
  } else console.log('\nteam: PostgreSQL is not installed (apt-get install postgresql): skipped');
}
if (only) finish();

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

// The same speed for a vCard 3.0 file of 30,000 cards (as Google Contacts or
// macOS Contacts writes one: CRLF, N and FN, escaped commas), into an empty journal.
const cards = [];
for (let i = 0; i < 30_000; i++) {
  cards.push(
    'BEGIN:VCARD',
    'VERSION:3.0',
    `N:Last${i};First${i};;;`,
    `FN:First${i} Last${i}`,
    `ORG:Company ${i % 300}\\, Inc.;`,
    'TITLE:Engineer',
    ...(i % 5 ? [] : [`EMAIL;TYPE=INTERNET;TYPE=WORK:p${i}@example.com`]),
    ...(i % 3 ? [] : [`TEL;TYPE=CELL:+1 555 ${String(i).padStart(7, '0')}`]),
    ...(i % 7 ? [] : [`BDAY:19${String(50 + (i % 50))}-03-14`]),
    ...(i % 10 ? [] : ['NOTE:Met at the meetup\\; wants an intro\\, maybe next month.']),
    'END:VCARD',
  );
}
const vcf = join(dir, 'contacts.vcf');
writeFileSync(vcf, cards.join('\r\n') + '\r\n');
const vcardTimes = [];
for (let run = 0; run < Math.min(RUNS, 5); run++) {
  const target = join(dir, `import-vcard-${run}.db`);
  vcardTimes.push(time(node, [bin, 'import', vcf], { NETJOURNAL_DB: target }));
}
const vcardMs = median(vcardTimes);
results.importVcard = {
  cards: 30_000,
  medianMs: Number(vcardMs.toFixed(0)),
  rowsPerSecond: Math.round(30_000 / (vcardMs / 1000)),
};
console.log(
  `import of 30,000 vCards: ${vcardMs.toFixed(0)} ms median → ${results.importVcard.rowsPerSecond} rows/s`,
);

// The whole L journal through export and import (jsonl), once: every record
// of every kind, into an empty journal.
if (sizes.includes('L')) {
  const jsonl = join(dir, 'L.jsonl');
  const exported = spawnSync('bash', ['-c', `${q(node)} ${q(bin)} export > ${q(jsonl)}`], {
    env: { ...env, NETJOURNAL_DB: journalPaths.L },
  });
  if (exported.status !== 0) throw new Error(`export failed: ${exported.stderr}`);
  const records = readFileSync(jsonl, 'utf8').split('\n').length - 1;
  const ms = time(node, [bin, 'import', jsonl], { NETJOURNAL_DB: join(dir, 'import-L.db') });
  results.importL = {
    rows: records,
    ms: Math.round(ms),
    rowsPerSecond: Math.round(records / (ms / 1000)),
  };
  console.log(
    `import of the L journal (jsonl, ${records} records): ${(ms / 1000).toFixed(1)} s → ${results.importL.rowsPerSecond} rows/s`,
  );
}

const medianOf = (size, name) => results.sizes[size]?.cases.find((c) => c.name === name)?.medianMs;
if (results.sizes.S && results.sizes.L) {
  results.todayLOverS = Number(
    (medianOf('L', 'today --json') / medianOf('S', 'today --json')).toFixed(2),
  );
  // The machine's speed drifts between the two phases; each size's floor shows by how much.
  results.todayLOverSPerFloor = Number(
    (
      medianOf('L', 'today --json') /
      medianOf('L', 'floor') /
      (medianOf('S', 'today --json') / medianOf('S', 'floor'))
    ).toFixed(2),
  );
  console.log(
    `today --json at L / at S: ${results.todayLOverS}× (${results.todayLOverSPerFloor}× taking each size's floor into account)`,
  );
}
const taskNext = medianOf('L', 'task next (10,000 pending)');
if (taskNext) {
  results.taskNextOverToday = Number((taskNext / medianOf('L', 'today (piped)')).toFixed(2));
  console.log(
    `task next / netjournal today, 10,000 open items each: ${results.taskNextOverToday}×`,
  );
} else if (sizes.includes('L')) {
  console.log('taskwarrior: not installed (apt-get install taskwarrior to compare with task next)');
}
finish();

/** Print the whole run's time, write the results and remove the scratch folder; then exit. */
function finish() {
  console.log(`\nwhole run: ${((Date.now() - benchStarted) / 1000).toFixed(0)} s`);
  writeFileSync(
    process.env.BENCH_OUT ?? join(root, 'bench', 'results.json'),
    JSON.stringify(results, null, 2) + '\n',
  );
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
