// A hiring site on another origin embeds the widget with one script tag and
// one element, exactly as the README says; an answer goes through (CORS,
// tus discovery included), the page receives the documented events, and
// removing the element turns the camera and microphone off.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { freePort, hostPage, startServer } from '../support/server.mjs';
import { launchChromium, liveTracks, newPage, watchStreams } from '../support/browser.mjs';
import { answer, warmUp } from '../support/flow.mjs';

const cleanup = [];
after(() => cleanup.forEach((stop) => stop()));

test('a host page on another origin embeds the recorder and hears its events', { timeout: 120_000 }, async () => {
  const hostPort = await freePort();
  const hostOrigin = `http://127.0.0.1:${hostPort}`;
  const server = await startServer({ allowedOrigins: [hostOrigin] });
  const token = server.invite().split('/').pop();
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>Careers at Host Inc.</title>
    <script type="module" src="${server.origin}/recorder/interview-recorder.js"></script></head>
    <body><h1>Host Inc.</h1>
    <interview-recorder invite="${token}" api="${server.origin}/api"></interview-recorder>
    <script>
      window.events = [];
      for (const name of ['ready', 'permission-denied', 'question-started', 'take-uploaded', 'completed', 'error']) {
        document.querySelector('interview-recorder').addEventListener(name, (event) => window.events.push({ name, detail: event.detail }));
      }
    </script></body></html>`;
  const host = await hostPage(hostPort, page);
  const browser = await launchChromium();
  cleanup.push(() => browser.close(), () => server.stop(), () => host.close());

  const tab = await newPage(browser);
  await watchStreams(tab);
  const failed = [];
  tab.on('requestfailed', (request) => failed.push(`${request.method()} ${request.url()}`));
  let discovered;
  tab.on('response', (response) => {
    if (response.request().method() === 'OPTIONS' && response.url().endsWith('/api/uploads')
        && response.headers()['tus-extension']) discovered = response.headers()['tus-extension'];
  });
  await tab.goto(hostOrigin);
  await warmUp(tab);
  await answer(tab, 'q1', 2);

  const events = await tab.evaluate(() => window.events);
  const names = events.map((e) => e.name);
  assert.deepEqual(names.filter((n) => n !== 'take-uploaded'), ['ready', 'question-started'], names.join(','));
  assert.equal(events[0].detail.questions.length, 3, 'ready carries the session');
  assert.deepEqual(events[1].detail, { question: 'q1' });
  const uploaded = events.find((e) => e.name === 'take-uploaded');
  assert.ok(uploaded, 'take-uploaded was sent');
  const [stored] = server.uploads();
  assert.equal(uploaded.detail.bytes, stored.length);
  assert.equal(uploaded.detail.sha256, stored.sha256);
  assert.ok(discovered?.includes('checksum'), `tus discovery worked across origins (${discovered})`);
  assert.deepEqual(failed, [], 'no request failed');

  // The host page takes the recorder away: the camera and microphone go off.
  assert.ok(await liveTracks(tab) > 0, 'the camera and microphone are on while the recorder is shown');
  await tab.evaluate(() => document.querySelector('interview-recorder').remove());
  assert.equal(await liveTracks(tab, 5_000), 0, 'removing the recorder releases the camera and microphone');
});
