// P7: capacity. Candidates recording at once, each paced as the recorder sends a take (a
// 1 s chunk of 2 Mbit/s every second for 60 s, deferred length: `load --record-kbps`);
// the largest number at which the p99 PATCH acknowledgement stays within 500 ms with no
// error and no byte lost (every stored byte checked). demo-server on files (invites and
// revealed questions) and @tus/server + @tus/file-store (plain tus), same generator, same run,
// the rows side by side (one level of each in turn, so the shared host's load falls on all
// alike): doubling from START until a level fails, then halving the gap to within 10 %; a
// level that fails is tried once more before it counts as failed.
import { execFileSync } from 'node:child_process';
import { statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startTusNodeServer } from './peers.mjs';
import { saveResult } from './result.mjs';

const SECONDS = Number(process.env.BENCH_CAPACITY_SECONDS ?? 60);
const KBPS = 2000;
const START = Number(process.env.BENCH_CAPACITY_START ?? 250);
const MAX = Number(process.env.BENCH_CAPACITY_MAX ?? 2000);
const P99_MS = 500;
const load = process.env.LOAD ?? new URL('../../target/release/load', import.meta.url).pathname;
const server = process.env.DEMO_SERVER;
const takeBytes = (KBPS * 1000 / 8) * SECONDS;

/** `load`'s JSON result for `candidates` against the target `args` name. */
function loadRun(candidates, args) {
  const paced = ['--candidates', String(candidates), '--questions', 'q1', '--cut-percent', '0',
    '--record-kbps', String(KBPS), '--record-seconds', String(SECONDS)];
  let out;
  try {
    out = execFileSync(load, [...args, ...paced], { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 }).toString();
  } catch (error) {
    out = String(error.stdout ?? ''); // a run with errors exits non-zero; its result line says why
  }
  const line = out.split('\n').find((l) => l.startsWith('load result: '));
  if (!line) throw new Error(`load printed no result:\n${out}`);
  return JSON.parse(line.slice('load result: '.length));
}

/** The most takes the disk holds with room to spare, in steps of 25. */
function diskHolds() {
  const { bavail, bsize } = statfsSync(tmpdir());
  return Math.floor(bavail * bsize * 0.8 / takeBytes / 25) * 25;
}

/**
 * One row's search for the largest level `run` passes, a level at a time: `next()` names the
 * level to try (null once the search is over), `attempt(n)` tries it. Doubling from START
 * until a level fails, then halving the gap to within 10 %; a level that fails is tried once
 * more (at the row's next turn) and fails only if that fails too. Outcome: `capacity`,
 * `bound` (why the search stopped short of a failing level, if it did) and `tried`.
 */
class Search {
  constructor(name, run) {
    Object.assign(this, { name, run, tried: [], passed: 0, failed: null, bound: null, again: null, atDisk: null });
  }

  get capacity() { return this.passed; }

  next() {
    if (this.again !== null) return this.again;
    if (this.failed === null) {
      if (this.bound) return null;
      const n = this.passed ? this.passed * 2 : START;
      if (n > MAX) {
        this.bound = `the benchmark's ceiling (${MAX}; BENCH_CAPACITY_MAX)`;
        return null;
      }
      const fits = diskHolds();
      if (n <= fits) return n;
      // The most the disk holds, then no further: a level past it cannot be checked.
      const full = `the free disk (${n} takes of ${takeBytes / 1e6} MB would not fit; ${fits} do)`;
      if (fits <= this.passed) {
        this.bound = full;
        return null;
      }
      this.atDisk = full;
      return fits;
    }
    if (this.failed - this.passed <= Math.max(25, this.passed * 0.1)) return null;
    return Math.round((this.passed + this.failed) / 2 / 25) * 25;
  }

  async attempt(candidates) {
    const again = this.again !== null;
    const result = await this.run(candidates);
    const ok = result.errors === 0 && result.bytes_lost === 0 && result.p99_ms <= P99_MS;
    this.tried.push({ candidates, again, p99: Math.round(result.p99_ms), errors: result.errors, lost: result.bytes_lost, rss: result.peak_rss_mb, ok });
    console.log(`P7 ${this.name}: ${candidates} candidates${again ? ' (again)' : ''}: p99 ${result.p99_ms.toFixed(1)} ms, ${result.errors} errors, ${result.bytes_lost} bytes lost: ${ok ? 'within' : 'over'}`);
    if (!ok && !again) {
      this.again = candidates;
      return;
    }
    this.again = null;
    if (ok) {
      this.passed = candidates;
      if (this.atDisk) this.bound = this.atDisk;
    } else {
      this.failed = candidates;
    }
    this.atDisk = null;
  }
}

/** Runs the searches side by side, one level of each in turn, until every one is over: the
 * host's load over the hour falls on every row alike. */
async function sideBySide(searches) {
  for (let busy = true; busy;) {
    busy = false;
    for (const search of searches) {
      const n = search.next();
      if (n === null) continue;
      busy = true;
      await search.attempt(n);
    }
  }
}

const demo = new Search('demo-server', async (n) => loadRun(n, ['--server', server]));
// `cargo xtask bench --scale` starts a throwaway PostgreSQL and names it here.
const postgres = process.env.BENCH_POSTGRES_URL;
const onPostgres = postgres && new Search('demo-server on PostgreSQL', async (n) => {
  const database = `${postgres.slice(0, postgres.lastIndexOf('/'))}/p7_${n}_${Date.now()}`;
  return loadRun(n, ['--server', server, '--database-url', database]);
});
// `cargo xtask bench --scale` also starts Garage (S3) and names its bucket here
// (credentials in AWS_*): demo-server on PostgreSQL + Garage, one instance, then two
// behind a round-robin proxy, all on this one machine.
const bucket = process.env.BENCH_STORAGE_URL;
const onObjects = (instances) => postgres && bucket && new Search(
  `demo-server on PostgreSQL + Garage, ${instances} instance${instances > 1 ? 's' : ''}`,
  async (n) => {
    const stamp = `p7_${instances}_${n}_${Date.now()}`;
    const database = `${postgres.slice(0, postgres.lastIndexOf('/'))}/${stamp}`;
    const storage = bucket.replace('?', `/${stamp}?`);
    return loadRun(n, ['--server', server, '--database-url', database, '--storage', storage,
      '--instances', String(instances)]);
  },
);
const onObjectsOne = onObjects(1);
const onObjectsTwo = onObjects(2);
const peer = new Search('@tus/server', async (n) => {
  const tus = await startTusNodeServer();
  try {
    return loadRun(n, ['--tus-url', tus.url, '--tus-dir', tus.dir, '--tus-pid', String(tus.pid)]);
  } finally {
    tus.stop();
  }
});
await sideBySide([demo, onPostgres, onObjectsOne, onObjectsTwo, peer].filter(Boolean));
const describe = (name, r) => `${name}: capacity ${r.capacity}${r.bound ? `, not searched further: ${r.bound}` : ''}; tried `
  + r.tried.map((t) => `${t.candidates}${t.again ? ' again' : ''} (p99 ${t.p99} ms${t.errors ? `, ${t.errors} errors` : ''}${t.lost ? `, ${t.lost} bytes lost` : ''}${t.rss ? `, RSS ${Math.round(t.rss)} MB` : ''})`).join(', ');
const peerRow = { name: '@tus/server + @tus/file-store', runs: [peer.capacity] };
const common = [
  `Each candidate: one take, a ${KBPS / 8000} MB chunk every second for ${SECONDS} s as one PATCH (deferred length, set by the last), started at a random point of the first second; a level passes when p99 PATCH latency <= ${P99_MS} ms, no request failed, and every stored byte matches.`,
  'The load generator (a thread per candidate) runs on the same machine as the server; demo-server makes every acknowledged PATCH durable (fdatasync), @tus/file-store does not.',
  'The rows are searched side by side, one level of each in turn; a level that fails is tried once more at its row\'s next turn and passes if that try does (both tries are listed).',
];
if (onPostgres) {
  saveResult({
    id: 'P7-postgres', title: `Capacity on PostgreSQL 15 (media on files, one instance), same run as P7`,
    unit: 'candidates', better: 'higher',
    ours: { name: 'demo-server on PostgreSQL', runs: [onPostgres.capacity] },
    peers: [peerRow],
    target: { of: 'ratio', op: '>=', value: 2 },
    notes: [...common, describe('demo-server on PostgreSQL', onPostgres), describe('@tus/server', peer)],
  });
}
for (const [id, instances, result] of [['P7-s3', 'one instance', onObjectsOne], ['P7-s3-two', 'two instances behind a round-robin proxy', onObjectsTwo]]) {
  if (!result) continue;
  const name = `demo-server on PostgreSQL + Garage, ${instances}`;
  saveResult({
    id, title: `Capacity on PostgreSQL 15 + Garage (S3), ${instances}, same run as P7`,
    unit: 'candidates', better: 'higher',
    ours: { name, runs: [result.capacity] },
    peers: [peerRow],
    target: [],
    notes: [...common, 'PostgreSQL, Garage (one node, SQLite metadata), the instances and the load generator share the same 2 cores; each PATCH is an object put in Garage before its acknowledgement.',
      describe(name, result), describe('@tus/server', peer)],
  });
}
saveResult({
  id: 'P7', title: `Capacity: paced candidates (${KBPS / 1000} Mbit/s, ${SECONDS} s takes) with p99 ack <= ${P99_MS} ms`,
  unit: 'candidates', better: 'higher',
  ours: { name: 'demo-server on files', runs: [demo.capacity] },
  peers: [peerRow],
  target: [{ of: 'median', op: '>=', value: 1000 }, { of: 'ratio', op: '>=', value: 2 }],
  notes: [...common, describe('demo-server', demo), describe('@tus/server', peer)],
});
