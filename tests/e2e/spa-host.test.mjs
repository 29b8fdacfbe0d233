// A single-page hiring site (history routing, no framework; spa-host/) shows the recorder
// on one route and takes it away on another, 50 times: half by removing the element, half
// by `handle.unmount()`. Each time the camera and microphone go off; at the end no listener
// on window or document and no JS heap is left over from the earlier recorders, nothing
// was logged as an error (the connection checks they left behind, cut short on a slow
// uplink, do not get the next one refused), and an answer still goes through. Then the same app, bundled
// with esbuild from the npm package `cargo xtask package` packs, records an answer.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { freePort, startServer } from '../support/server.mjs';
import { launchChromium, liveTracks, newPage, watchStreams } from '../support/browser.mjs';
import { answer, part, warmUp } from '../support/flow.mjs';

const CYCLES = 50;
const cleanup = [];
after(() => cleanup.forEach((stop) => stop()));

const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.ftl': 'text/plain; charset=utf-8' };

/** Serves the host app at `port`: every path without a file type is its page (history
 * routing). Its scripts come from `site` (a bundle and the package's files), or, with
 * `loader`, from spa-host/ with an import map that points "interview-recorder" there. */
async function hostApp(port, { loader, site = new URL('./spa-host/', import.meta.url).pathname }) {
  const imports = loader ? `<script type="importmap">${JSON.stringify({ imports: { 'interview-recorder': loader } })}</script>` : '';
  const page = readFileSync(new URL('./spa-host/index.html', import.meta.url), 'utf8').replace('<!--IMPORTS-->', imports);
  const host = http.createServer((request, response) => {
    const path = new URL(request.url, 'http://host').pathname;
    const type = TYPES[extname(path)];
    if (!type) {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end(page);
      return;
    }
    try {
      const body = readFileSync(join(site, path));
      response.writeHead(200, { 'Content-Type': type });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => host.listen(port, '127.0.0.1', resolve));
  return host;
}

/** Opens the recorder's route, goes through the warm-up and answers q1: the server stores it,
 * and nothing was logged in `errors`. */
async function answerOnApplyRoute(tab, server, errors) {
  await tab.evaluate(() => window.app.go('/apply'));
  await warmUp(tab);
  await answer(tab, 'q1', 2);
  const [stored] = server.uploads();
  assert.ok(stored?.length > 0, 'the answer was stored');
  assert.deepEqual(errors, [], 'no error was logged');
}

/** Listeners on `window` and on `document`, as DevTools counts them. */
async function listenerCounts(cdp) {
  const counts = {};
  for (const name of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: name });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    counts[name] = listeners.map((l) => l.type).sort().join(',');
  }
  return counts;
}

/** The JS heap in use after a full garbage collection, in bytes. */
async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

test(`a single-page host mounts and unmounts the recorder ${CYCLES} times, then an answer goes through`, { timeout: 600_000 }, async () => {
  const hostPort = await freePort();
  const hostOrigin = `http://127.0.0.1:${hostPort}`;
  const server = await startServer({ allowedOrigins: [hostOrigin] });
  const token = server.invite().split('/').pop();
  const host = await hostApp(hostPort, { loader: `${server.origin}/recorder/interview-recorder.js` });
  const browser = await launchChromium();
  cleanup.push(() => browser.close(), () => server.stop(), () => host.close());

  const tab = await newPage(browser);
  const errors = [];
  tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  tab.on('pageerror', (error) => errors.push(error.message));
  await watchStreams(tab);
  const cdp = await tab.context().newCDPSession(tab);
  await tab.goto(`${hostOrigin}/?invite=${token}&api=${encodeURIComponent(`${server.origin}/api`)}`);

  // A slow uplink: each recorder is taken away while its connection check still sends.
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 64 * 1024,
  });
  let first;
  for (let cycle = 1; cycle <= CYCLES; cycle += 1) {
    const mode = cycle % 2 ? 'element' : 'handle';
    await tab.evaluate((m) => { window.app.mode = m; window.app.go('/apply'); }, mode);
    await part(tab, 'start').click({ timeout: 30_000 });
    await part(tab, 'level').waitFor({ timeout: 30_000 });
    for (let waited = 0; await liveTracks(tab) === 0; waited += 100) {
      assert.ok(waited < 10_000, `cycle ${cycle} (${mode}): the camera did not open`);
      await tab.waitForTimeout(100);
    }
    // Taken away only once its connection check has begun (the server has it): the
    // camera can open before the check's creation reaches the server.
    for (let waited = 0; server.uploads({ probes: true }).length < cycle; waited += 100) {
      assert.ok(waited < 10_000, `cycle ${cycle} (${mode}): no connection check began`);
      await tab.waitForTimeout(100);
    }
    await tab.evaluate(() => window.app.go('/'));
    assert.equal(await liveTracks(tab, 5_000), 0, `cycle ${cycle} (${mode}): the camera and microphone are off`);
    assert.deepEqual(errors, [], `cycle ${cycle} (${mode}): no page or console error`);
    if (cycle === 1) first = { listeners: await listenerCounts(cdp), heap: await heapAfterGc(cdp) };
  }
  assert.deepEqual(await listenerCounts(cdp), first.listeners, 'the same listeners on window and document as after the first cycle');
  // The page is about to be left (as on a link away): nothing of the removed recorders answers.
  await tab.evaluate(() => window.dispatchEvent(new Event('beforeunload', { cancelable: true })));
  assert.deepEqual(errors, [], 'leaving the page after the recorders are gone raises no error');
  const heap = await heapAfterGc(cdp);
  assert.ok(heap - first.heap < 5 * 1024 * 1024,
    `JS heap after ${CYCLES} cycles within 5 MB of the first (${(first.heap / 1e6).toFixed(1)} -> ${(heap / 1e6).toFixed(1)} MB)`);
  const checks = server.uploads({ probes: true });
  assert.ok(checks.length >= CYCLES, `a connection check per recorder (${checks.length})`);
  const kept = checks.filter((c) => !c.deleted_at).length;
  assert.ok(kept <= 5, `the checks the recorders left behind made room for the next (${kept} kept)`);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1,
  });

  await answerOnApplyRoute(tab, server, errors);
});

test('the same host app, bundled with esbuild from the packed npm package, records an answer', { timeout: 180_000 }, async () => {
  const tarball = process.env.PACKAGE_TARBALL;
  assert.ok(tarball, 'PACKAGE_TARBALL names the tarball (cargo xtask test sets it)');
  // A web developer's project: install the tarball, bundle the app, copy the package's
  // assets next to the bundle, as its README says.
  const project = mkdtempSync(join(tmpdir(), 'ir-spa-package-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'careers', private: true }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', tarball], { cwd: project, stdio: 'pipe' });
  cpSync(new URL('./spa-host/app.mjs', import.meta.url), join(project, 'app.mjs'));
  const esbuild = new URL('../../widget/node_modules/.bin/esbuild', import.meta.url).pathname;
  const site = join(project, 'site');
  execFileSync(esbuild, ['app.mjs', '--bundle', '--format=esm', '--minify', `--outfile=${join(site, 'app.mjs')}`, '--log-level=error'], { cwd: project });
  const installed = join(project, 'node_modules/interview-recorder');
  for (const file of readdirSync(installed)) {
    if (/^(widget|widget_bg|first-screen)\.[0-9a-f]{16}\.(js|wasm)$/.test(file) || file === 'locales') cpSync(join(installed, file), join(site, file), { recursive: true });
  }

  const hostPort = await freePort();
  const hostOrigin = `http://127.0.0.1:${hostPort}`;
  const server = await startServer({ allowedOrigins: [hostOrigin] });
  const token = server.invite().split('/').pop();
  const host = await hostApp(hostPort, { site });
  const browser = await launchChromium();
  cleanup.push(() => browser.close(), () => server.stop(), () => host.close());

  const tab = await newPage(browser);
  const errors = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  await tab.goto(`${hostOrigin}/?invite=${token}&api=${encodeURIComponent(`${server.origin}/api`)}&mode=handle`);
  await answerOnApplyRoute(tab, server, errors);
});

test('two recorders on one page both work, and removing one leaves the other running', { timeout: 120_000 }, async () => {
  const hostPort = await freePort();
  const hostOrigin = `http://127.0.0.1:${hostPort}`;
  const server = await startServer({ allowedOrigins: [hostOrigin] });
  const [first, second] = [server.invite(), server.invite()].map((url) => url.split('/').pop());
  const host = await hostApp(hostPort, { loader: `${server.origin}/recorder/interview-recorder.js` });
  const browser = await launchChromium();
  cleanup.push(() => browser.close(), () => server.stop(), () => host.close());
  const tab = await newPage(browser);
  const errors = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  await watchStreams(tab);
  await tab.goto(`${hostOrigin}/?invite=${first}&api=${encodeURIComponent(`${server.origin}/api`)}`);
  await tab.evaluate(({ token, api }) => {
    window.app.go('/apply');
    const other = document.createElement('interview-recorder');
    other.id = 'second';
    other.setAttribute('invite', token);
    other.setAttribute('api', api);
    document.querySelector('main').append(other);
  }, { token: second, api: `${server.origin}/api` });
  const recorders = [tab.locator('main > interview-recorder').first(), tab.locator('#second')];
  for (const recorder of recorders) {
    // `.first()` as `part()` does: while the wasm takes over from the first screen both draw a Start.
    await recorder.locator('[part~="start"]').first().click({ timeout: 30_000 });
    await recorder.locator('[part~="continue"]:enabled').waitFor({ timeout: 30_000 });
  }
  // Leaving the route removes the first; the second goes on to its test video.
  await tab.evaluate(() => {
    const second = document.querySelector('#second');
    window.app.go('/');
    document.querySelector('main').append(second);
  });
  await recorders[1].locator('[part~="continue"]:enabled').click({ timeout: 30_000 });
  await recorders[1].locator('[part~="record"]').waitFor();
  assert.equal(await liveTracks(tab), 2, "the second recorder's camera and microphone are on, the first's off");
  assert.deepEqual(errors, [], 'no page error');
});
