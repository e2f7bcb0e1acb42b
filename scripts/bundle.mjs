// Bundle the built CLI (dist/) into one CommonJS file, dist/bundle/netjournal.cjs,
// and write the V8 code cache that bin/netjournal.cjs starts it with.
//
// One file instead of ~60 ES modules saves Node's module resolution and its ES
// loader on every start; the code cache saves compiling it (~17 ms of a 60 ms
// start). Libraries that only some commands need stay outside and load on
// demand; so does the SQLite addon. The bundle sits two folders below the
// package root, like dist/<dir>/*.js, so the paths the code builds from
// import.meta.url (migrations/, package.json) still hold. import() of an
// outside library becomes require(): V8 drops the dynamic-import callback of
// code loaded from a code cache, and Node >= 20.19 can require ES modules.
import * as childProcess from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const outfile = 'dist/bundle/netjournal.cjs';

// chalk, cli-table3 and its string-width draw every terminal page: they go
// into the bundle (initialised only when first asked for), which saves
// resolving their files and, for chalk, starting Node's ES module loader.
// string-width is cli-table3's own copy (one module in the bundle). The rest
// of what loadLibrary loads (inquirer, cli-progress, and @viz-js/viz: 1.2 MB of
// Graphviz in WebAssembly that only `--format svg|html` needs) is rare and stays
// outside, required on first use.
const BUNDLED_LIBRARIES = ['chalk', 'cli-table3', 'string-width'];
const bundledLibraries = {
  name: 'bundled-libraries',
  setup(build) {
    build.onLoad({ filter: /[\\/]dist[\\/]load-library\.js$/ }, () => ({
      loader: 'js',
      resolveDir: process.cwd(),
      contents: `
        import { createRequire } from 'node:module';
        const outside = createRequire(import.meta.url);
        export function loadLibrary(name) {
          switch (name) {
            ${BUNDLED_LIBRARIES.map((n) => `case '${n}': return require('${n}');`).join('\n')}
            case 'pg': return outside('./pg.cjs');
            default: return outside(name);
          }
        }`,
    }));
  },
};
rmSync(`${outfile}.cache`, { force: true });
// commander requires child_process (~5 ms to load, with net, dgram and
// stream) for executable subcommands, which netjournal has none of; sync.auto
// spawns with it only when a sync is due. In the bundle it is loaded on first
// use. Its names are taken here, at build time: an ES import of it
// (import { spawn }) copies them when the importing module first runs, and
// asking the module for them then would load it in every command.
const CHILD_PROCESS_NAMES = Object.keys(childProcess).filter((name) => name !== 'default');
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.namespace === 'lazy'
        ? { path: 'node:child_process', external: true }
        : { path: 'child_process', namespace: 'lazy' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      loader: 'js',
      contents: `let loaded;
        const load = () => (loaded ??= require('node:child_process'));
        const names = ${JSON.stringify(CHILD_PROCESS_NAMES)};
        module.exports = new Proxy({}, {
          get: (_, key) => load()[key],
          has: (_, key) => key in load(),
          ownKeys: () => [...names],
          getOwnPropertyDescriptor: (_, key) =>
            names.includes(key)
              ? { value: undefined, writable: true, enumerable: true, configurable: true }
              : undefined,
        });`,
    }));
  },
};

await build({
  entryPoints: ['dist/cli/main.js'],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['@inquirer/prompts', '@viz-js/viz', 'cli-progress', 'csv-parse'],
  plugins: [bundledLibraries, lazyChildProcess],
  define: { 'import.meta.url': '__netjournalUrl' },
  banner: { js: "const __netjournalUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'none',
  logLevel: 'warning',
});

// The bundle is made ASCII: V8 then keeps its 940 KB of source one byte a
// character, and bin/netjournal.cjs reads it as latin1, with no UTF-8 to
// decode (together ~3-4 ms of every start). esbuild escapes what is not ASCII
// in strings and names but leaves it in comments and regular expressions,
// where \uXXXX means the same character (in a /u expression a pair of them is
// one character beyond U+FFFF, as the character itself is). After a
// backslash an escape would mean something else: that stops the build.
const bundled = readFileSync(outfile, 'utf8');
const escapedAfterBackslash = /\\[\u0080-\uffff]/.exec(bundled);
if (escapedAfterBackslash) {
  const line = bundled.slice(0, escapedAfterBackslash.index).split('\n').length;
  console.error(
    `${outfile}:${line}: a backslash before a non-ASCII character; write it as \\uXXXX`,
  );
  process.exit(1);
}
writeFileSync(
  outfile,
  bundled.replace(
    /[\u0080-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  ),
);

// pg (team commands only) in a bundle of its own beside the CLI's, required
// on first use: one file loads in about two thirds of the time of its ~40
// modules. Its optional native and Cloudflare transports stay unresolved.
await build({
  entryPoints: ['pg'],
  outfile: 'dist/bundle/pg.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['pg-native', 'pg-cloudflare'],
  // pg asks whether it runs in a Cloudflare Worker by making a Response, which
  // makes Node load undici and its web streams (~20 ms): here it never does.
  define: { Response: 'undefined' },
  legalComments: 'none',
  logLevel: 'warning',
});

// The cache is taken after running the everyday commands once, so it holds
// their compiled functions too. It is made by a plain `node` (V8 rejects a
// cache made under other flags) in a child process.
const made = childProcess.spawnSync(process.execPath, ['scripts/code-cache.cjs', outfile], {
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: '' },
});
if (made.status !== 0) process.exit(made.status ?? 1);
