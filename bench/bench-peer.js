// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright 2026 The Relay authors
//
// Peer ratios: the same operations timed for Relay's CkApi (bench-peer-ckapi, first example app
// pair) and for the independent ewelink-api 3.1.1 node client (second pair), against one
// relay-sim --compat (the relaxations ewelink-api needs are named in tests/peer/peer-v1.js).
// Each side runs its operations sequentially in its own process, after a few unmeasured ones.
// ewelink-api's setDevicePowerState reads the device first (GET) and then POSTs the status;
// its raw POST (makeRequest) is timed too, so the one-request comparison is like for like.
//
// Usage: node bench-peer.js RELAY_SIM BENCH_PEER_CKAPI   (RELAY_PEER_MODULES: node_modules)
'use strict';

const path = require('path');
const { spawn, execFileSync } = require('child_process');
const readline = require('readline');

const N = 200;
const WARM_UP = 5;
const PLUG_ID = '1000a1b202'; // "Kitchen plug", UIID 1, online in the demo
const APP_ID = 'I25m0KljbFfGsTjRc3eTwTEPVwKzsvCF'; // the second example pair (test data)
const APP_SECRET = 'S1fHFiMqzykNdxlSrk9Pjdczp7rsvt3M';

const modules = process.env.RELAY_PEER_MODULES;
let eWeLink;
try {
  eWeLink = require(path.join(modules || '', 'ewelink-api'));
} catch (error) {
  console.log('SKIP: ewelink-api is not installed (bench/run.sh installs it into <build>/peer)');
  process.exit(77);
}

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

async function time(fn) {
  const samples = [];
  for (let i = 0; i < WARM_UP + N; i++) {
    const start = process.hrtime.bigint();
    const result = await fn(i);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result && result.error) throw new Error(`ewelink-api: ${JSON.stringify(result)}`);
    if (i >= WARM_UP) samples.push(ms);
  }
  return samples;
}

function percentile(sorted, p) {
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

async function main() {
  const [simPath, ckapiPath] = process.argv.slice(2);
  const { sim, url, email, password } = await startSimulator(simPath);
  try {
    const relay = JSON.parse(execFileSync(ckapiPath, [`${url}/{region}`, String(N), PLUG_ID],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));

    const client = new eWeLink({ region: 'eu', email, password, APP_ID, APP_SECRET });
    client.getApiUrl = function getApiUrl() { return `${url}/${this.region}/api`; };
    const peer = {};
    peer.login = await time(() => client.getCredentials());
    peer.list = await time(async () => {
      const devices = await client.getDevices();
      return Array.isArray(devices) ? null : devices;
    });
    peer.status_post = await time((i) => client.makeRequest({
      method: 'post',
      uri: '/user/device/status',
      body: { deviceid: PLUG_ID, params: { switch: i % 2 ? 'on' : 'off' }, appid: APP_ID,
              nonce: Math.random().toString(36).slice(5), ts: Math.floor(Date.now() / 1000), version: 8 },
    }));
    peer.set_power_state = await time((i) => client.setDevicePowerState(PLUG_ID, i % 2 ? 'on' : 'off'));

    console.log(`relay-sim --compat at ${url}; ${N} sequential calls per operation after ${WARM_UP} unmeasured`);
    console.log('operation                          Relay CkApi p50/p95 ms   ewelink-api p50/p95 ms   ratio (p50)');
    const rows = [
      ['login', 'login', 'login (getCredentials)'],
      ['list', 'list', 'device list (getDevices)'],
      ['status_post', 'status_post', 'status POST (makeRequest)'],
      ['status_post', 'set_power_state', 'toggle (setDevicePowerState)'],
    ];
    for (const [relayOp, peerOp, label] of rows) {
      const r = summary(relay[relayOp]);
      const p = summary(peer[peerOp]);
      console.log(`${label.padEnd(34)} ${r.p50.toFixed(3).padStart(8)} / ${r.p95.toFixed(3).padEnd(12)}`
        + ` ${p.p50.toFixed(3).padStart(8)} / ${p.p95.toFixed(3).padEnd(12)} ${(p.p50 / r.p50).toFixed(2)}x`);
      if (relayOp === peerOp) {
        console.log(`RESULT peer.relay.${relayOp}.p50 ${r.p50.toFixed(3)} ms`);
      }
      console.log(`RESULT peer.ewelink.${peerOp}.p50 ${p.p50.toFixed(3)} ms`);
      console.log(`RESULT peer.ratio.${peerOp} ${(p.p50 / r.p50).toFixed(3)} x`);
    }
  } finally {
    sim.kill('SIGTERM');
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(error.stack || String(error));
  process.exit(1);
});
