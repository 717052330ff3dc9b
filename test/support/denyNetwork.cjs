// Preloaded with `node --require` by the security tests: every way Node opens a network
// connection throws, and is recorded in TRACKPLAN_NETWORK_LOG, so a test can prove none happened.
const fs = require('node:fs');
const log = process.env.TRACKPLAN_NETWORK_LOG;
function deny(what) {
	return function denied() {
		if (log) fs.appendFileSync(log, `${what}\n`);
		throw new Error(`network access denied in tests: ${what}`);
	};
}
const net = require('node:net');
const tls = require('node:tls');
const http = require('node:http');
const https = require('node:https');
const dns = require('node:dns');
const dgram = require('node:dgram');
net.Socket.prototype.connect = deny('net.Socket.connect');
net.connect = net.createConnection = deny('net.connect');
tls.connect = deny('tls.connect');
http.request = http.get = deny('http.request');
https.request = https.get = deny('https.request');
dns.lookup = dns.resolve = deny('dns.lookup');
dns.promises.lookup = dns.promises.resolve = deny('dns.promises.lookup');
dgram.createSocket = deny('dgram.createSocket');
if (typeof globalThis.fetch === 'function') globalThis.fetch = deny('fetch');
