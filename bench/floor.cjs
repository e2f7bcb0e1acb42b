// The floor: what any Node program that opens SQLite and prints one indexed
// query result must pay (Node + require('better-sqlite3') + open read-only +
// one indexed query + one write). Everything netjournal adds is overhead.
'use strict';
const Database = require('better-sqlite3');

const db = new Database(process.argv[2], { readonly: true, fileMustExist: true });
const row = db
  .prepare('SELECT id, name FROM contacts WHERE name = ? COLLATE NOCASE')
  .get(process.argv[3] ?? '');
process.stdout.write(JSON.stringify(row ?? null) + '\n');
