// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright 2026 The Relay authors
//
// Issue 4's peer check: ewelink-api 3.1.1's openWebSocket, signed in with the SECOND example app
// pair, receives the pushes for a device that relayctl (the FIRST pair, the same demo account)
// toggles; the cloud relays the command to the other session (spec §4.7.2) and never echoes a
// command to its sender.
//
// relay-sim runs with --compat for the relaxations this client needs (see peer-v1.js); its
// WebSocket handshake also sends a base-36 nonce of varying length.
//
// Usage: node peer-v1-ws.js RELAY_SIM   (RELAY_PEER_MODULES names the node_modules folder;
// RELAYCTL the relayctl binary; a private D-Bus session with an unlocked keyring)
'use strict';

const assert = require('assert');
const path = require('path');
const { spawn, execFile } = require('child_process');
const readline = require('readline');

const modules = process.env.RELAY_PEER_MODULES;
const relayctl = process.env.RELAYCTL;
if (!modules || !relayctl) {
  console.error('RELAY_PEER_MODULES and RELAYCTL must be set (tests/meson.build, build-aux/run-tests.sh)');
  process.exit(1);
}
const eWeLink = require(path.join(modules, 'ewelink-api'));

// The published example pairs of the CoolKit docs (test data, spec §2.5).
const PEER_APP_ID = 'I25m0KljbFfGsTjRc3eTwTEPVwKzsvCF';
const PEER_APP_SECRET = 'S1fHFiMqzykNdxlSrk9Pjdczp7rsvt3M';
const CLI_APP_ID = 'McFJj4Noke1mGDZCR1QarGW7P9Ycp0Vr';
const CLI_APP_SECRET = 'OdPuCZ4PkPPi0rVKRVcGmll2NM6vVk0c';
const DEVICE_NAME = 'Kitchen plug';
const WAIT_MS = 2000;

function startSimulator(simPath) {
  return new Promise((resolve, reject) => {
    const sim = spawn(simPath, ['--demo', '--control', '--compat'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = readline.createInterface({ input: sim.stdout });
    const seen = [];
    const timer = setTimeout(() => reject(new Error('relay-sim did not start')), 5000);
    lines.on('line', (line) => {
      seen.push(line);
      if (seen.length === 2) {
        clearTimeout(timer);
        const url = /^relay-sim listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(seen[0]);
        const account = /^Demo account: (\S+) \/ (\S+)$/.exec(seen[1]);
        if (!url || !account) {
          reject(new Error(`unexpected relay-sim output: ${seen.join(' | ')}`));
          return;
        }
        resolve({ sim, url: url[1], email: account[1], password: account[2] });
      }
    });
    sim.on('exit', (code) => reject(new Error(`relay-sim exited with ${code}`)));
  });
}

async function simDevice(url, name) {
  const response = await fetch(`${url}/_sim/state`);
  assert.strictEqual(response.status, 200);
  const state = await response.json();
  const device = state.devices.find((d) => d.name === name);
  assert.ok(device, `"${name}" in the simulator's state`);
  return device;
}

// Secrets travel in the environment only, never on the command line.
function runRelayctl(url, password, args) {
  const env = { ...process.env, RELAY_PASSWORD: password, RELAY_APP_SECRET: CLI_APP_SECRET };
  const argv = ['--server', `${url}/{region}`, '--app-id', CLI_APP_ID, ...args];
  return new Promise((resolve, reject) => {
    execFile(relayctl, argv, { env, timeout: 10000 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`relayctl ${args.join(' ')} failed: ${error.message}\n${stderr}`));
        return;
      }
      resolve(stdout);
    });
  });
}

// Messages the peer's socket received, and a way to wait for one.
class Inbox {
  constructor() {
    this.messages = [];
    this.waiters = [];
  }

  push(message) {
    this.messages.push(message);
    this.waiters = this.waiters.filter((w) => {
      if (!w.match(message)) return true;
      clearTimeout(w.timer);
      w.resolve(message);
      return false;
    });
  }

  next(match, what) {
    const found = this.messages.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = { match, resolve };
      waiter.timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no ${what} within ${WAIT_MS} ms; got ${JSON.stringify(this.messages)}`));
      }, WAIT_MS);
      this.waiters.push(waiter);
    });
  }
}

async function main() {
  const { sim, url, email, password } = await startSimulator(process.argv[2]);
  let socket = null;
  try {
    const port = new URL(url).port;
    const client = new eWeLink({ region: 'eu', email, password, APP_ID: PEER_APP_ID, APP_SECRET: PEER_APP_SECRET });
    client.getApiUrl = function getApiUrl() { return `${url}/${this.region}/api`; };
    client.getApiWebSocket = () => `ws://127.0.0.1:${port}/api/ws`;
    const credentials = await client.getCredentials();
    assert.ok(!credentials.error, `getCredentials: ${JSON.stringify(credentials)}`);

    const inbox = new Inbox();
    socket = await client.openWebSocket((message) => inbox.push(message));
    const handshake = await inbox.next((m) => typeof m === 'object' && m.error !== undefined && m.config,
      'userOnline answer');
    assert.strictEqual(handshake.error, 0, JSON.stringify(handshake));

    // relayctl, first pair, same account: sign in, then toggle the plug.
    const before = await simDevice(url, DEVICE_NAME);
    const target = before.params.switch === 'on' ? 'off' : 'on';
    await runRelayctl(url, password, ['login', '--email', email]);
    await runRelayctl(url, password, ['toggle', DEVICE_NAME]);
    assert.strictEqual((await simDevice(url, DEVICE_NAME)).params.switch, target, 'relayctl toggled the plug');

    const push = await inbox.next((m) => typeof m === 'object' && m.action === 'update'
      && m.deviceid === before.deviceid, 'update push for the toggled plug');
    assert.strictEqual(push.params.switch, target);
    assert.strictEqual(push.apikey, before.owner);
    assert.strictEqual(push.userAgent, 'app', 'a command relayed from the other session (spec §4.7.2)');

    // The peer commands the plug back over its own socket: acknowledged, never echoed to it.
    const pushesBefore = inbox.messages.filter((m) => m.action === 'update').length;
    const sequence = String(Date.now());
    await socket.send(JSON.stringify({
      action: 'update', apikey: credentials.user.apikey, selfApikey: credentials.user.apikey,
      deviceid: before.deviceid, params: { switch: before.params.switch }, userAgent: 'app', sequence, ts: 0,
    }));
    const ack = await inbox.next((m) => typeof m === 'object' && m.sequence === sequence && m.action === undefined,
      'ack of the peer\'s own update');
    assert.strictEqual(ack.error, 0, JSON.stringify(ack));
    await socket.send('ping');
    await inbox.next((m) => m === 'pong', 'pong');
    assert.strictEqual(inbox.messages.filter((m) => m.action === 'update').length, pushesBefore,
      'no echo of its own command to the sender');
    assert.strictEqual((await simDevice(url, DEVICE_NAME)).params.switch, before.params.switch);

    console.log(`ewelink-api openWebSocket received relayctl's toggle of ${before.deviceid} from ${url}`);
  } finally {
    if (socket) await socket.close().catch(() => {});
    sim.kill('SIGTERM');
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(error.stack || String(error));
  process.exit(1);
});
