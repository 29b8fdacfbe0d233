// How the widget travels: content-named files cached forever, the loader revalidated by
// its ETag, Brotli or gzip as the browser accepts, and the security headers of every
// response and page. Then a candidate page loads under its Content-Security-Policy with
// no violation and reaches the camera check.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';
import { part } from '../support/flow.mjs';

const cleanup = [];
after(() => cleanup.forEach((stop) => stop()));

/** A GET with `headers` whose body node's fetch leaves as sent (no decompression). */
async function get(url, headers = {}) {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

test('the widget is served compressed, cached by content name, and revalidated by ETag', async () => {
  const server = await startServer();
  cleanup.push(() => server.stop());
  const base = `${server.origin}/recorder`;

  const loader = await get(`${base}/interview-recorder.js`);
  assert.equal(loader.status, 200);
  const [, glue] = String(loader.body).match(/from\s*["']\.\/(widget\.[0-9a-f]{16}\.js)["']/) ?? [];
  const [, wasm] = String(loader.body).match(/["']\.\/(widget_bg\.[0-9a-f]{16}\.wasm)["']/) ?? [];
  assert.ok(glue && wasm, 'the loader names the glue and the wasm by their content');
  assert.match(loader.headers['cache-control'], /no-cache/, 'the loader is revalidated on each use');
  assert.ok(loader.headers.etag, 'the loader has a validator');
  const again = await get(`${base}/interview-recorder.js`, { 'If-None-Match': loader.headers.etag });
  assert.equal(again.status, 304, 'an unchanged loader is not sent again');

  const plain = await get(`${base}/${wasm}`, { 'Accept-Encoding': 'identity' });
  assert.equal(plain.status, 200);
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.headers['content-type'], 'application/wasm');
  assert.deepEqual([...plain.body.subarray(0, 4)], [0, 0x61, 0x73, 0x6d], 'a wasm module');
  const brotli = await get(`${base}/${wasm}`, { 'Accept-Encoding': 'gzip, deflate, br' });
  assert.equal(brotli.headers['content-encoding'], 'br');
  assert.ok(brotliDecompressSync(brotli.body).equals(plain.body), 'the Brotli copy is the wasm');
  assert.ok(brotli.body.length < plain.body.length / 2, `Brotli: ${brotli.body.length} of ${plain.body.length} bytes`);
  const gzip = await get(`${base}/${wasm}`, { 'Accept-Encoding': 'gzip' });
  assert.equal(gzip.headers['content-encoding'], 'gzip');
  assert.ok(gunzipSync(gzip.body).equals(plain.body), 'the gzip copy is the wasm');
  for (const response of [plain, brotli, gzip]) {
    assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(response.headers.vary, /accept-encoding/i);
  }
  const script = await get(`${base}/${glue}`, { 'Accept-Encoding': 'br' });
  assert.equal(script.headers['content-encoding'], 'br');
  assert.match(script.headers['content-type'], /^text\/javascript/);
  assert.equal(script.headers['cache-control'], 'public, max-age=31536000, immutable');

  const [, first] = String(loader.body).match(/["']\.\/(first-screen\.[0-9a-f]{16}\.js)["']/) ?? [];
  assert.ok(first, 'the loader names its first screen by its content');
  const firstFile = await get(`${base}/${first}`, { 'Accept-Encoding': 'br' });
  assert.equal(firstFile.headers['content-encoding'], 'br');
  assert.equal(firstFile.headers['cache-control'], 'public, max-age=31536000, immutable');

  const missing = await get(`${base}/nothing-here.js`);
  assert.equal(missing.status, 404);
  assert.equal(missing.headers['x-content-type-options'], 'nosniff', 'every response, errors too');
});

test('every page carries its security headers; the candidate page runs under its policy', { timeout: 120_000 }, async () => {
  const server = await startServer({ args: ['--frame-ancestors', 'https://careers.example.com'] });
  cleanup.push(() => server.stop());
  const invite = server.invite();
  const token = invite.split('/').pop();
  const pages = {
    candidate: await get(invite),
    demo: await get(`${server.origin}/demo/${token}`),
    review: await get(server.reviewLink()),
    api: await get(`${server.origin}/api/session`, { Authorization: `Bearer ${token}` }),
  };
  for (const [name, response] of Object.entries(pages)) {
    assert.equal(response.status, 200, name);
    assert.equal(response.headers['x-content-type-options'], 'nosniff', name);
    assert.equal(response.headers['referrer-policy'], 'no-referrer', name);
  }
  for (const name of ['candidate', 'demo']) {
    const policy = pages[name].headers['content-security-policy'];
    assert.match(policy, /default-src 'none'/, name);
    assert.match(policy, /script-src 'self' [^;]*'wasm-unsafe-eval'/, name);
    assert.match(policy, /frame-ancestors https:\/\/careers\.example\.com/, name);
    assert.doesNotMatch(policy, /'unsafe-eval'|script-src[^;]*'unsafe-inline'/, name);
  }
  assert.match(pages.candidate.body.toString(), /<link rel="preload" as="fetch" type="application\/wasm" crossorigin href="[^"]+widget_bg\.[0-9a-f]{16}\.wasm">/,
    'the page starts fetching the wasm before the loader asks for it');
  const spanish = await get(`${invite}?lang=es`);
  assert.match(spanish.body.toString(), /<link rel="preload" as="fetch" crossorigin href="[^"]+\/locales\/es\.[0-9a-f]{16}\.ftl">/,
    'and the translations of the language it will speak');
  assert.match(pages.review.headers['content-security-policy'], /frame-ancestors 'none'/);

  const browser = await launchChromium();
  cleanup.push(() => browser.close());
  for (const path of [invite, `${server.origin}/demo/${token}`]) {
    const tab = await newPage(browser);
    const errors = [];
    tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    tab.on('pageerror', (error) => errors.push(error.message));
    const sessionAsked = [];
    tab.on('request', (request) => request.url().endsWith('/api/session') && sessionAsked.push(request.url()));
    await tab.goto(path);
    await part(tab, 'start').click();
    await part(tab, 'level').waitFor();
    assert.deepEqual(errors, [], `${path}: no Content-Security-Policy violation or other error`);
    // The candidate page carries the session in the element: one round trip less.
    assert.equal(sessionAsked.length, path === invite ? 0 : 1, `${path}: GET /api/session`);
    await tab.close();
  }
});
