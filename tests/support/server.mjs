// Starts a real demo-server on 127.0.0.1 with a fresh data dir, and asks it things.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const binary = process.env.DEMO_SERVER;
const widgetDir = process.env.WIDGET_DIR;

/** A hiring site's page on 127.0.0.1:`port` (another origin than the server): `html` for
 * every request. `close()` it when done. */
export async function hostPage(port, html) {
  const host = http.createServer((_, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.end(html);
  });
  await new Promise((resolve) => host.listen(port, '127.0.0.1', resolve));
  return host;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function launch(addr, dataDir, publicUrl, interviews, allowedOrigins = [], extraArgs = []) {
  const widget = extraArgs.includes('--widget-dir') ? [] : ['--widget-dir', widgetDir];
  const args = ['serve', '--addr', addr, '--data-dir', dataDir, ...widget, ...extraArgs];
  for (const origin of allowedOrigins) args.push('--allowed-origin', origin);
  if (publicUrl) args.push('--public-url', publicUrl);
  if (interviews) args.push('--interviews', interviews);
  // Warnings and errors only: a line per request would bury the test report.
  const env = { ...process.env, RUST_LOG: process.env.RUST_LOG ?? 'warn' };
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'inherit'], env });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('demo-server did not start within 20 s')), 20_000);
    child.once('exit', (code) => reject(new Error(`demo-server exited with ${code}`)));
    child.stdout.on('data', (data) => {
      if (String(data).includes('listening on')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return child;
}

/** A running demo-server; `stop()` kills it. `publicUrl` puts a proxy in front of it;
 * `interviews` is a JSON file of interviews to serve instead of the demo one;
 * `allowedOrigins` are host pages on other origins allowed to call the API;
 * `args` are more `serve` flags. */
export async function startServer({ publicUrl, interviews, allowedOrigins, args: extraArgs } = {}) {
  if (!binary || !widgetDir) {
    throw new Error('set DEMO_SERVER and WIDGET_DIR (cargo xtask test does)');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'ir-e2e-'));
  const addr = `127.0.0.1:${await freePort()}`;
  const cli = (...args) => {
    const withUrl = [...args, ...(publicUrl ? ['--public-url', publicUrl] : []), ...(interviews ? ['--interviews', interviews] : [])];
    return execFileSync(binary, [...withUrl, '--data-dir', dataDir, '--addr', addr]).toString().trim();
  };
  let child = await launch(addr, dataDir, publicUrl, interviews, allowedOrigins, extraArgs);
  return {
    dataDir,
    addr,
    /** The server process's id (for its CPU time and memory). */
    get pid() {
      return child.pid;
    },
    origin: `http://${addr}`,
    /** Creates an invite (to `interview`, else the first; `flags` are more `demo-server
     * invite` flags, such as `--extra-time 1.5`); returns the candidate URL it prints. */
    invite(interview, flags = []) {
      return cli('invite', ...(interview ? ['--interview', interview] : []), ...flags);
    },
    /** An invite's token, with `questions` already revealed. */
    async candidate(...questions) {
      const token = cli('invite').split('/').pop();
      for (const question of questions) {
        const response = await fetch(`http://${addr}/api/questions/${question}/reveal`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}` },
        });
        if (response.status !== 200) throw new Error(`reveal ${question}: ${response.status}`);
      }
      return token;
    },
    /** How many attempts of `question` the server has charged the invite `token`. */
    async attemptsUsed(token, question) {
      const response = await fetch(`http://${addr}/api/session`, { headers: { Authorization: `Bearer ${token}` } });
      const session = await response.json();
      return session.questions.find((q) => q.id === question).attempts_used;
    },
    /** Creates a review link for the hiring team; returns its URL. */
    reviewLink() {
      return cli('review-token');
    },
    /** Every take's upload in the server's SQLite database (its connection checks with `probes`). */
    uploads({ probes = false } = {}) {
      return execFileSync(binary, ['uploads', '--data-dir', dataDir, ...(probes ? ['--probes'] : [])])
        .toString()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line));
    },
    /** SIGKILL, as a crash would. */
    kill() {
      child.kill('SIGKILL');
      return new Promise((resolve) => child.once('exit', resolve));
    },
    /** Starts it again on the same address and data. */
    async restart() {
      child = await launch(addr, dataDir, publicUrl, interviews, allowedOrigins, extraArgs);
    },
    stop() {
      child.kill('SIGKILL');
    },
  };
}
