// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright 2026 The Relay authors
//
// The ewelink-api 3.1.1 npm package is an independent v1 client. This test starts
// relay-sim with --compat and drives that client against it with the simulator's
// SECOND example app pair (so it never signs out a session of the first pair).
//
// The --compat relaxations this client needs, each for a named reason (spec §8.10):
//  - Content-Type: getCredentials sets no header, so its login body goes out as
//    text/plain;charset=UTF-8;
//  - nonce format: Math.random().toString(36).slice(5) is base-36 of varying length (often not 8);
//  - nonce replay: nonce and ts are computed once per process, so the 301 retry of the login
//    (us, then eu) and getRegion's second login send the same signed (appid, nonce) again;
//  - missing nonce on a Bearer GET: getDevices sends lang, appid, ts, version, getTags only.
// Not needed here: the ts window (this run lasts seconds, far below 300 s, although a long-lived
// process of this client would need it), numbers as strings, dispatch without accept (no socket
// is opened) and the device-parameter relaxations (only "switch" is sent).
//
// Usage: node peer-v1.js RELAY_SIM   (RELAY_PEER_MODULES names the node_modules folder)
'use strict';

const assert = require('assert');
const path = require('path');
const { spawn } = require('child_process');
const readline = require('readline');

const modules = process.env.RELAY_PEER_MODULES;
if (!modules) {
  console.error('RELAY_PEER_MODULES is not set: build-aux/run-tests.sh installs ewelink-api');
  process.exit(1);
}
const eWeLink = require(path.join(modules, 'ewelink-api'));

// The published example pair of the CoolKit docs (test data, spec §2.5), and the demo account.
const APP_ID = 'I25m0KljbFfGsTjRc3eTwTEPVwKzsvCF';
const APP_SECRET = 'S1fHFiMqzykNdxlSrk9Pjdczp7rsvt3M';

function startSimulator(simPath) {
  return new Promise((resolve, reject) => {
    const sim = spawn(simPath, ['--demo', '--control', '--compat'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
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

async function simState(url) {
  const response = await fetch(`${url}/_sim/state`);
  assert.strictEqual(response.status, 200);
  return response.json();
}

// /_sim/state: {"devices":[{"deviceid","name","owner","params",...}],"users":[...],...}
function findSimDevice(state, deviceId) {
  assert.ok(Array.isArray(state.devices), 'the state dump lists its devices');
  assert.strictEqual(state.compat, true, 'the simulator runs with --compat');
  const device = state.devices.find((d) => d.deviceid === deviceId);
  assert.ok(device, `device ${deviceId} in the simulator's state`);
  return device;
}

async function main() {
  const { sim, url, email, password } = await startSimulator(process.argv[2]);
  try {
    // Start in the wrong region: the client must follow the 301 to the account's region.
    const client = new eWeLink({ region: 'us', email, password, APP_ID, APP_SECRET });
    client.getApiUrl = function getApiUrl() { return `${url}/${this.region}/api`; };

    const credentials = await client.getCredentials();
    assert.ok(!credentials.error, `getCredentials: ${JSON.stringify(credentials)}`);
    assert.match(credentials.at, /^[0-9a-f]{40}$/);
    assert.strictEqual(credentials.region, 'eu');
    assert.strictEqual(client.region, 'eu');

    const region = await client.getRegion();
    assert.deepStrictEqual(region, { email, region: 'eu' });

    const devices = await client.getDevices();
    assert.ok(Array.isArray(devices), `getDevices: ${JSON.stringify(devices)}`);
    assert.ok(devices.length >= 10, 'the demo account has a dozen devices');

    // A single-channel relay that is online.
    const plug = devices.find((d) => d.online && d.params && typeof d.params.switch === 'string'
      && [1, 6, 14].includes(d.uiid));
    assert.ok(plug, 'an online single-channel relay in the demo set');

    const device = await client.getDevice(plug.deviceid);
    assert.strictEqual(device.deviceid, plug.deviceid);
    assert.strictEqual(device.extra.extra.uiid, plug.uiid);

    const before = await client.getDevicePowerState(plug.deviceid);
    assert.strictEqual(before.status, 'ok', JSON.stringify(before));
    assert.strictEqual(before.state, plug.params.switch);

    const target = before.state === 'on' ? 'off' : 'on';
    const set = await client.setDevicePowerState(plug.deviceid, target);
    assert.strictEqual(set.status, 'ok', JSON.stringify(set));
    assert.strictEqual(findSimDevice(await simState(url), plug.deviceid).params.switch, target);
    assert.strictEqual((await client.getDevicePowerState(plug.deviceid)).state, target);

    const toggled = await client.toggleDevice(plug.deviceid);
    assert.strictEqual(toggled.status, 'ok', JSON.stringify(toggled));
    assert.strictEqual(findSimDevice(await simState(url), plug.deviceid).params.switch, before.state);
    assert.strictEqual((await client.getDevicePowerState(plug.deviceid)).state, before.state);

    console.log(`ewelink-api 3.1.1 against relay-sim --compat: ${url}: all calls succeeded`);
  } finally {
    sim.kill('SIGTERM');
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(error.stack || String(error));
  process.exit(1);
});
