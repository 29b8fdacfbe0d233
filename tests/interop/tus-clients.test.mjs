// Plain tus clients people use, against the demo server: byte-identical results.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tus from 'tus-js-client';
import { startServer } from '../support/server.mjs';
import { startProxy } from '../support/proxy.mjs';

const run = promisify(execFile);
const cleanup = [];
after(() => cleanup.forEach((stop) => stop()));

/** A demo-server reached only through a proxy that can cut connections. */
async function serverBehindProxy() {
  const proxy = await startProxy();
  const server = await startServer({ publicUrl: proxy.origin });
  proxy.state.target = server.addr;
  cleanup.push(() => server.stop(), () => proxy.close());
  return { server, proxy };
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

function stored(server, url) {
  const upload = server.uploads().find((u) => url.endsWith(u.id));
  assert.ok(upload, `the server knows ${url}`);
  assert.ok(upload.completed_at, 'the upload is complete');
  return readFileSync(upload.path);
}

test('tus-js-client uploads with a deferred length and resumes after the connection is cut', { timeout: 60_000 }, async () => {
  const { server, proxy } = await serverBehindProxy();
  const token = await server.candidate('q1');
  // Not a multiple of the chunk size: tus-js-client hangs on exact multiples (its issue #779).
  const data = randomBytes(3 * 256 * 1024 + 12_345);
  proxy.state.cutAfter = 400 * 1024; // in the middle of the second PATCH
  const url = await new Promise((resolve, reject) => {
    // A Buffer source: tus-js-client's stream sources cannot seek back to an offset the
    // server reports inside a chunk ("slice start is outside of buffer"), a limit of that client.
    const upload = new tus.Upload(data, {
      endpoint: `${proxy.origin}/api/uploads`,
      uploadLengthDeferred: true,
      chunkSize: 256 * 1024,
      retryDelays: [0, 200, 500, 1000],
      headers: { Authorization: `Bearer ${token}` },
      metadata: { question: 'q1', filetype: 'video/webm' },
      onSuccess: () => resolve(upload.url),
      onError: reject,
    });
    upload.start();
  });
  assert.equal(proxy.state.cuts, 1, 'the connection was cut once');
  assert.match(proxy.state.sent, /upload-defer-length: 1/i, 'the upload was created with a deferred length');
  assert.equal(sha256(stored(server, url)), sha256(data), 'byte-identical');
});

test('tuspy uploads with Upload-Checksum on every PATCH', { timeout: 60_000 }, async () => {
  const python = process.env.TUS_PYTHON;
  assert.ok(python, 'set TUS_PYTHON to a python with tuspy installed (cargo xtask test does)');
  const { server, proxy } = await serverBehindProxy();
  const token = await server.candidate('q2');
  const data = randomBytes(700_000);
  const file = join(mkdtempSync(join(tmpdir(), 'ir-tuspy-')), 'take.webm');
  writeFileSync(file, data);
  // Asynchronously: the proxy lives in this process.
  const { stdout } = await run(python, ['peers/tuspy-upload.py', `${proxy.origin}/api/uploads`, token, file, 'q2']);
  const url = stdout.trim();
  assert.match(proxy.state.sent, /upload-checksum: sha1 /i, 'tuspy sent checksums');
  assert.equal(sha256(stored(server, url)), sha256(data), 'byte-identical');
});
