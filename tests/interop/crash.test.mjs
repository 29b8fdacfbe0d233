// The demo server is SIGKILLed in the middle of a PATCH and restarted: what it
// reports is on disk, and the upload completes byte for byte.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { startServer } from '../support/server.mjs';

let server;
after(() => server?.stop());

const tusHeaders = (token, extra = {}) => ({ Authorization: `Bearer ${token}`, 'Tus-Resumable': '1.0.0', ...extra });

async function patch(url, token, offset, body) {
  const response = await fetch(url, {
    method: 'PATCH',
    headers: tusHeaders(token, { 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' }),
    body,
  });
  assert.equal(response.status, 204, await response.text());
  return Number(response.headers.get('Upload-Offset'));
}

test('SIGKILL during a PATCH, restart, resume: the file is byte-identical', { timeout: 60_000 }, async () => {
  server = await startServer();
  const token = await server.candidate('q1');
  const data = randomBytes(6 * 1024 * 1024);
  const created = await fetch(`${server.origin}/api/uploads`, {
    method: 'POST',
    headers: tusHeaders(token, { 'Upload-Defer-Length': '1', 'Upload-Metadata': 'question cTE=,filetype dmlkZW8vd2VibQ==' }),
  });
  const url = created.headers.get('Location');
  const durable = await patch(url, token, 0, data.subarray(0, 1024 * 1024));

  // A second PATCH streams slowly; the server dies while it is being written.
  const request = http.request(url, {
    method: 'PATCH',
    headers: tusHeaders(token, { 'Upload-Offset': String(durable), 'Content-Type': 'application/offset+octet-stream' }),
  });
  request.on('error', () => {});
  request.write(data.subarray(durable, durable + 2 * 1024 * 1024));
  await new Promise((resolve) => setTimeout(resolve, 500));
  await server.kill();
  await server.restart();

  const head = await fetch(url, { method: 'HEAD', headers: tusHeaders(token) });
  const offset = Number(head.headers.get('Upload-Offset'));
  assert.ok(offset >= durable, `the acknowledged ${durable} bytes survived (HEAD says ${offset})`);
  const [upload] = server.uploads();
  const onDisk = readFileSync(upload.path);
  assert.ok(onDisk.length >= offset, 'every reported byte is on disk');
  assert.ok(onDisk.subarray(0, offset).equals(data.subarray(0, offset)), 'and they are the right bytes');

  const response = await fetch(url, {
    method: 'PATCH',
    headers: tusHeaders(token, {
      'Upload-Offset': String(offset),
      'Upload-Length': String(data.length),
      'Content-Type': 'application/offset+octet-stream',
    }),
    body: data.subarray(offset),
  });
  assert.equal(response.status, 204);
  const final = server.uploads()[0];
  assert.ok(final.completed_at);
  assert.equal(statSync(final.path).size, data.length);
  const sha = (bytes) => createHash('sha256').update(bytes).digest('hex');
  assert.equal(sha(readFileSync(final.path)), sha(data), 'byte-identical after the crash');
});

test('a second PATCH takes the upload over from one still writing, and nothing is interleaved', { timeout: 30_000 }, async () => {
  server ??= await startServer();
  const token = await server.candidate('q2');
  const created = await fetch(`${server.origin}/api/uploads`, {
    method: 'POST',
    headers: tusHeaders(token, { 'Upload-Defer-Length': '1', 'Upload-Metadata': 'question cTI=,filetype dmlkZW8vd2VibQ==' }),
  });
  const url = created.headers.get('Location');
  // A PATCH that sends 64 KiB, then goes quiet (a phone that lost its network silently).
  const first = http.request(url, {
    method: 'PATCH',
    headers: tusHeaders(token, { 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' }),
  });
  first.on('error', () => {});
  const firstDone = new Promise((resolve) => first.on('response', resolve));
  first.write(Buffer.alloc(64 * 1024, 1));
  await new Promise((resolve) => setTimeout(resolve, 300));
  // The client's next PATCH (from where it thought it was) takes over at once: the first
  // is told so, what it made durable stays, and the second learns the real offset.
  const second = await fetch(url, {
    method: 'PATCH',
    headers: tusHeaders(token, { 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' }),
    body: Buffer.alloc(1000, 2),
  });
  assert.equal(second.status, 409, await second.text());
  assert.equal((await firstDone).statusCode, 423, 'the quiet PATCH was told another took over');
  first.destroy();
  const head = await fetch(url, { method: 'HEAD', headers: tusHeaders(token) });
  assert.equal(head.headers.get('Upload-Offset'), String(64 * 1024));
  const resumed = await fetch(url, {
    method: 'PATCH',
    headers: tusHeaders(token, { 'Upload-Offset': String(64 * 1024), 'Content-Type': 'application/offset+octet-stream' }),
    body: Buffer.alloc(1000, 2),
  });
  assert.equal(resumed.status, 204);
  const stored = readFileSync(server.uploads().find((u) => url.endsWith(u.id)).path);
  assert.ok(stored.equals(Buffer.concat([Buffer.alloc(64 * 1024, 1), Buffer.alloc(1000, 2)])), 'each PATCH\'s bytes whole, in order');
});
