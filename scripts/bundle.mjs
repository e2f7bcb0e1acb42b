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
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
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
// commander requires child_process (~5 ms to load) for executable subcommands,
// which netjournal has none of: in the bundle it is loaded on first use.
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
      // The traps besides get let an ES import of it (import { spawn }) see
      // its names, as esbuild copies them when that import first runs.
      contents: `let loaded;
        const load = () => (loaded ??= require('node:child_process'));
        module.exports = new Proxy({}, {
          get: (_, key) => load()[key],
          has: (_, key) => key in load(),
          ownKeys: () => Reflect.ownKeys(load()),
          getOwnPropertyDescriptor: (_, key) => {
            const found = Reflect.getOwnPropertyDescriptor(load(), key);
            return found && { ...found, configurable: true };
          },
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
const made = spawnSync(process.execPath, ['scripts/code-cache.cjs', outfile], {
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: '' },
});
if (made.status !== 0) process.exit(made.status ?? 1);
