// Compile the bundle exactly as bin/netjournal.cjs does, run the everyday
// commands once against a scratch journal, and save V8's code cache beside it.
'use strict';
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { tmpdir } = require('node:os');
const { dirname, join, resolve } = require('node:path');
const vm = require('node:vm');

const file = resolve(process.argv[2]);
// The cache keeps this name for the script wherever it is installed: the
// package-relative one bin/netjournal.cjs gives, never this machine's folder.
const script = new vm.Script(Module.wrap(readFileSync(file, 'latin1')), {
  filename: 'netjournal/dist/bundle/netjournal.cjs',
  importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, Module.createRequire(file), bundle, file, dirname(file));

const dir = mkdtempSync(join(tmpdir(), 'netjournal-cache-'));
const sink = { write: () => true, isTTY: false };
const io = {
  stdout: sink,
  stderr: sink,
  stdin: { isTTY: false },
  env: { ...process.env, NETJOURNAL_DB: join(dir, 'journal.db'), NETJOURNAL_NOW: '2026-01-15' },
};
const terminal = {
  ...io,
  stdout: { write: () => true, isTTY: true, columns: 100 },
  stdin: { isTTY: false },
};
const everyday = [
  ['--version'],
  ['add', 'Ada Lovelace', '--via', 'Grace Hopper', '--learned', 'likes engines'],
  ['jot', 'tea with ada yesterday: engines +learned counts in base 8', '--yes'],
  ['today', '--json'],
  ['today'],
  ['intros', '--chain', 'Ada', '--json'],
  ['contacts', '--json'],
  ['search', 'engines', '--json'],
];
(async () => {
  try {
    const runs = [
      ...everyday.map((argv) => [argv, io]),
      // The coloured pages a terminal gets (chalk and cli-table3 included).
      [['today'], terminal],
      [['contacts'], terminal],
    ];
    for (const [argv, where] of runs) {
      const code = await bundle.exports.run(argv, where);
      if (code !== 0) throw new Error(`netjournal ${argv.join(' ')} exited ${code}`);
    }
    writeFileSync(`${file}.cache`, script.createCachedData());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})().catch((err) => {
  console.error(`code cache: ${err.message}`);
  process.exit(1);
});
