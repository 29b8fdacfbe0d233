// Starts a real demo-server on 127.0.0.1 with a fresh data dir, and asks it things.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const binary = process.env.DEMO_SERVER;
const widgetDir = process.env.WIDGET_DIR;

async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** A running demo-server; `stop()` kills it. */
export async function startServer() {
  if (!binary || !widgetDir) {
    throw new Error('set DEMO_SERVER and WIDGET_DIR (cargo xtask test does)');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'ir-e2e-'));
  const addr = `127.0.0.1:${await freePort()}`;
  const child = spawn(binary, ['serve', '--addr', addr, '--data-dir', dataDir, '--widget-dir', widgetDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
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
  return {
    dataDir,
    origin: `http://${addr}`,
    /** Creates an invite; returns the candidate URL that `demo-server invite` prints. */
    invite() {
      return execFileSync(binary, ['invite', '--data-dir', dataDir, '--addr', addr]).toString().trim();
    },
    /** Creates a review link for the hiring team; returns its URL. */
    reviewLink() {
      return execFileSync(binary, ['review-token', '--data-dir', dataDir, '--addr', addr]).toString().trim();
    },
    /** Every upload in the server's SQLite database. */
    uploads() {
      return execFileSync(binary, ['uploads', '--data-dir', dataDir])
        .toString()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line));
    },
    stop() {
      child.kill('SIGKILL');
    },
  };
}
