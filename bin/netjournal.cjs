#!/usr/bin/env node
// The netjournal command. It runs dist/bundle/netjournal.cjs (the whole CLI in
// one file, see scripts/bundle.mjs) with the V8 code cache written next to it
// at build time, so that a start compiles almost nothing. This file is
// CommonJS because Node's ES module loader alone costs ~9 ms per start.
'use strict';
const { readFileSync, statSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const file = join(__dirname, '..', 'dist', 'bundle', 'netjournal.cjs');
// What stack traces call the bundle. A code cache keeps the name the script
// had when the cache was made, whatever name it is loaded under, so an
// absolute path would show the build machine's folder in every install;
// scripts/code-cache.cjs uses this same name, relative to the package.
const scriptName = 'netjournal/dist/bundle/netjournal.cjs';
let cachedData;
try {
  // V8 checks a cache against the length of the source only: a bundle changed
  // after its cache was written (same length or not) is compiled afresh.
  if (statSync(`${file}.cache`).mtimeMs >= statSync(file).mtimeMs) {
    cachedData = readFileSync(`${file}.cache`);
  }
} catch {
  // No cache (a build without one): V8 compiles the bundle as usual.
}
// A cache from another Node version is rejected by V8 and simply not used.
// The bundle is ASCII (scripts/bundle.mjs escapes the rest), so latin1 reads
// it exactly as UTF-8 would, without decoding: ~2 ms of a start.
const script = new vm.Script(Module.wrap(readFileSync(file, 'latin1')), {
  filename: scriptName,
  cachedData,
  importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, Module.createRequire(file), bundle, file, dirname(file));
bundle.exports.main();
