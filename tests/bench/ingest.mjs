// P2: server ingest. 200 MB in 5 MiB PATCHes to demo-server and to @tus/server +
// @tus/file-store on loopback, runs interleaved, through the same two clients for both:
// the workspace's Rust load generator (`load ingest`, not the bottleneck) and tus-js-client
// (what people use). MB/s, the server's CPU seconds per GB, and the disk's ceiling (dd).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tus from 'tus-js-client';
import { cpuSeconds, startDemoServer, startTusNodeServer } from './peers.mjs';
import { saveResult } from './result.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const MB = 200;
const PATCH = 5 * 1024 * 1024;
const BYTES = MB * 1024 * 1024;
const load = process.env.LOAD ?? new URL('../../target/release/load', import.meta.url).pathname;
const round = (x) => Math.round(x * 10) / 10;

async function fastClient(server) {
  const headers = { ...(await server.uploadHeaders()) };
  const metadata = Object.entries(server.metadata())
    .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`).join(',');
  const args = ['ingest', '--url', server.url, '--mb', String(MB), '--patch-mb', '5', '--header', `Upload-Metadata: ${metadata}`];
  for (const [name, value] of Object.entries(headers)) args.push('--header', `${name}: ${value}`);
  return JSON.parse(execFileSync(load, args).toString()).seconds;
}

const data = Buffer.alloc(BYTES, 7);
async function tusJsClient(server) {
  const headers = await server.uploadHeaders();
  const started = performance.now();
  await new Promise((resolve, reject) => {
    new tus.Upload(data, {
      endpoint: server.url, chunkSize: PATCH, headers, metadata: server.metadata(),
      retryDelays: [], onSuccess: resolve, onError: reject,
    }).start();
  });
  return (performance.now() - started) / 1000;
}

/** MB/s of `client` against `server`, and the server's CPU seconds per GB. */
async function measure(server, client) {
  const cpuBefore = cpuSeconds(server.pid);
  const seconds = await client(server);
  const cpu = cpuSeconds(server.pid) - cpuBefore;
  return { rate: round(MB * 1.048576 / seconds), cpuPerGb: Math.round(cpu / (BYTES / 1e9) * 100) / 100 };
}

function ddRate(sync) {
  const dir = mkdtempSync(join(tmpdir(), 'ir-bench-dd-'));
  try {
    const started = performance.now();
    execFileSync('dd', ['if=/dev/zero', `of=${join(dir, 'dd.bin')}`, `bs=${PATCH}`, `count=${MB / 5}`,
      ...(sync ? ['conv=fdatasync'] : [])], { stdio: 'ignore' });
    return round(MB * 1.048576 / ((performance.now() - started) / 1000));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ours = await startDemoServer();
const peer = await startTusNodeServer();
const results = { fast: { ours: [], peer: [] }, tusJs: { ours: [], peer: [] } };
try {
  // One unmeasured upload each first: node's JIT and both servers' first-use costs.
  for (const server of [ours, peer]) {
    await fastClient(server);
    await tusJsClient(server);
  }
  for (let run = 0; run < RUNS; run += 1) {
    results.fast.ours.push(await measure(ours, fastClient));
    results.fast.peer.push(await measure(peer, fastClient));
    results.tusJs.ours.push(await measure(ours, tusJsClient));
    results.tusJs.peer.push(await measure(peer, tusJsClient));
  }
} finally {
  ours.stop();
  peer.stop();
}
const dd = { sync: ddRate(true), cached: ddRate(false) };
const common = [
  `${MB} MB per upload (length declared), 5 MiB PATCHes, 127.0.0.1, ${RUNS} runs interleaved after one warm-up each.`,
  `Ceiling on this disk: dd bs=5M conv=fdatasync ${dd.sync} MB/s; dd without sync (page cache) ${dd.cached} MB/s.`,
  'demo-server makes every acknowledged PATCH durable (fdatasync; writeback is started per 1 MiB as the body arrives); @tus/file-store does not sync.',
];
// The disk is the ceiling: 2x the peer would need twice this disk. So ingest is held to the
// disk's durable rate measured in this run, and the CPU each GB costs to the peer's.
for (const [id, client, r] of [['P2', 'fast client (load ingest)', results.fast], ['P2-tus-js-client', 'tus-js-client (node)', results.tusJs]]) {
  const peerName = '@tus/server + @tus/file-store';
  saveResult({
    id, title: `Server ingest, ${client}`, unit: 'MB/s', better: 'higher',
    ours: { name: 'demo-server', runs: r.ours.map((x) => x.rate) },
    peers: [{ name: peerName, runs: r.peer.map((x) => x.rate) }],
    target: { of: 'median', op: '>=', value: dd.sync },
    notes: [...common, `Target: the disk's durable rate in this run (dd conv=fdatasync, ${dd.sync} MB/s); CPU per GB is ${id}-cpu.`],
  });
  saveResult({
    id: `${id}-cpu`, title: `Server CPU per GB ingested, ${client}`, unit: 's/GB', better: 'lower',
    ours: { name: 'demo-server', runs: r.ours.map((x) => x.cpuPerGb) },
    peers: [{ name: peerName, runs: r.peer.map((x) => x.cpuPerGb) }],
    target: { of: 'ratio', op: '<', value: 1 },
    notes: [`The server process's user + system CPU seconds during each ${MB} MB upload, per GB; same runs as ${id}.`],
  });
}
