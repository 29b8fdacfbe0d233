// The servers a benchmark compares: demo-server (with an interview whose answers may be
// long enough for 200 MB), and @tus/server + @tus/file-store; both on 127.0.0.1 with a fresh
// data dir; and what the kernel says about a process (CPU seconds, memory).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../support/server.mjs';

const peerScript = new URL('../peers/tus-node-server.mjs', import.meta.url).pathname;

/** demo-server whose questions allow 30-minute answers. */
export async function startDemoServer() {
  const interviews = join(mkdtempSync(join(tmpdir(), 'ir-bench-')), 'interviews.json');
  const question = (id) => ({ id, prompt: { text: `Question ${id}` }, think_seconds: 30, answer_seconds: 1800, attempts: 10 });
  writeFileSync(interviews, JSON.stringify([{
    id: 'demo', title: 'Benchmark interview', branding: { company: 'Bench' },
    practice: question('practice'),
    questions: [question('q1'), question('q2'), question('q3')],
  }]));
  const server = await startServer({ interviews });
  return {
    name: 'demo-server',
    pid: server.pid,
    url: `${server.origin}/api/uploads`,
    server,
    /** Headers that let a new candidate upload an answer to `question`. */
    async uploadHeaders(question = 'q1') {
      const token = await server.candidate(question);
      return { Authorization: `Bearer ${token}` };
    },
    metadata: (question = 'q1') => ({ question, filetype: 'video/webm' }),
    stop: () => server.stop(),
  };
}

/** @tus/server with @tus/file-store (the npm reference server). */
export async function startTusNodeServer() {
  const dir = mkdtempSync(join(tmpdir(), 'ir-bench-tus-'));
  const child = spawn('node', [peerScript, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`@tus/server exited with ${code}`)));
    child.stdout.on('data', (data) => {
      const match = String(data).match(/listening on (\S+)/);
      if (match) resolve(match[1]);
    });
  });
  return {
    name: '@tus/server + @tus/file-store',
    pid: child.pid,
    /** Where @tus/file-store keeps each upload (`<id>` and `<id>.json`). */
    dir,
    url,
    uploadHeaders: async () => ({}),
    metadata: () => ({ filetype: 'video/webm' }),
    stop: () => {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** CPU seconds (user + system) a process has used. */
export function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

/** A process's resident memory now and at its peak, in MB. */
export function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(status.match(new RegExp(`${name}:\\s+(\\d+) kB`))[1]);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}
