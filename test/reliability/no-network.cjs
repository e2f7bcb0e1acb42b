/**
 * A preload (`node --require`) that denies the network: every way Node opens a
 * socket or resolves a name throws, and appends a line to the file named by
 * NETJOURNAL_NETLOG so a test can assert that nothing tried.
 */
'use strict';

const fs = require('node:fs');
const net = require('node:net');
const tls = require('node:tls');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');
const http2 = require('node:http2');
const dgram = require('node:dgram');
const { syncBuiltinESMExports } = require('node:module');

const LOG = process.env.NETJOURNAL_NETLOG;

function deny(what) {
  return function denied() {
    const line = `${process.pid} ${what} ${process.argv.slice(1).join(' ')}\n`;
    if (LOG) fs.appendFileSync(LOG, line);
    throw new Error(`no-network: ${what} is not allowed`);
  };
}

net.Socket.prototype.connect = deny('net.Socket.connect');
net.connect = deny('net.connect');
net.createConnection = deny('net.createConnection');
tls.connect = deny('tls.connect');
for (const fn of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) {
  dns[fn] = deny(`dns.${fn}`);
  dns.promises[fn] = deny(`dns.promises.${fn}`);
}
http.request = deny('http.request');
http.get = deny('http.get');
https.request = deny('https.request');
https.get = deny('https.get');
http2.connect = deny('http2.connect');
dgram.createSocket = deny('dgram.createSocket');
globalThis.fetch = deny('fetch');
if (typeof globalThis.WebSocket === 'function') globalThis.WebSocket = deny('WebSocket');

// `import { connect } from 'node:net'` in ESM code sees the patched functions too.
syncBuiltinESMExports();
