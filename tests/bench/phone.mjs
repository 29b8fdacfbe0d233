// P5-phone: navigation to the first usable button on a phone profile (360x740, 1.44 Mbit/s
// down, 562 ms round trip, 4x CPU slowdown, cold cache), for ours (the overview's Start
// button, enabled) and the peers' pages (Uppy's Camera tab, videojs-record's device button),
// all served compressed by the same server; each button is then pressed and the time until
// its next screen is shown reported too. P4-first: the bytes on the wire (as served) until
// that button.
import { startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';
import { buildPeerPages } from './peer-pages.mjs';
import { median, saveResult } from './result.mjs';

const LOADS = Number(process.env.BENCH_PHONE_LOADS ?? 5);
const PHONE = {
  viewport: { width: 360, height: 740 },
  network: { offline: false, latency: 562, downloadThroughput: 1_440_000 / 8, uploadThroughput: 675_000 / 8 },
  cpu: 4,
};
const OURS = {
  name: 'interview-recorder',
  usable: `document.querySelector('interview-recorder')?.shadowRoot?.querySelector('[part~="start"]:not([disabled])')`,
  next: `document.querySelector('interview-recorder')?.shadowRoot?.querySelector('[part~="device-check"]')`,
};

/** One cold load of `url`: { usable, next } in ms from navigation start, and the bytes received until usable. */
async function phoneLoad(browser, url, page) {
  const context = await browser.newContext({ viewport: PHONE.viewport, isMobile: true, hasTouch: true });
  const tab = await newPage(context);
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', PHONE.network);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
  const received = [];
  cdp.on('Network.loadingFinished', (event) => received.push({ at: event.timestamp, bytes: event.encodedDataLength }));
  const watch = (name, expression) => `(() => {
    const check = () => { if (${expression}) { window.${name} = performance.now(); window.${name}Wall = Date.now(); } else requestAnimationFrame(check); };
    requestAnimationFrame(check);
  })()`;
  await tab.addInitScript(watch('__usable', page.usable));
  const navigated = Date.now();
  await tab.goto(url, { waitUntil: 'commit' });
  await tab.waitForFunction(() => window.__usable !== undefined, null, { timeout: 120_000, polling: 50 });
  const { usable, usableWall } = await tab.evaluate(() => ({ usable: window.__usable, usableWall: window.__usableWall }));
  const first = Math.min(...received.map((r) => r.at));
  const bytes = received.filter((r) => (r.at - first) * 1000 <= usableWall - navigated).reduce((sum, r) => sum + r.bytes, 0);
  await tab.evaluate(`${watch('__next', page.next)}; (${page.usable}).click()`);
  await tab.waitForFunction(() => window.__next !== undefined, null, { timeout: 120_000, polling: 50 });
  const next = await tab.evaluate(() => window.__next);
  await context.close();
  return { usable: Math.round(usable), next: Math.round(next), bytes };
}

const server = await startServer();
const { dir, pages } = await buildPeerPages();
const peerServer = await startServer({ args: ['--widget-dir', dir] });
const browser = await launchChromium();
try {
  const all = [{ ...OURS, url: () => server.invite() }, ...pages.map((p) => ({ ...p, url: () => `${peerServer.origin}${p.path}` }))];
  const loads = Object.fromEntries(all.map((p) => [p.name, []]));
  for (let i = 0; i < LOADS; i += 1) { // interleaved
    for (const page of all) loads[page.name].push(await phoneLoad(browser, page.url(), page));
  }
  const runs = (name, key) => loads[name].map((l) => l[key]);
  const kb = (bytes) => Math.round(bytes / 102.4) / 10;
  saveResult({
    id: 'P5-phone', title: 'First usable button on a phone profile, cold', unit: 'ms', better: 'lower',
    ours: { name: OURS.name, runs: runs(OURS.name, 'usable') },
    peers: pages.map((p) => ({ name: p.name, runs: runs(p.name, 'usable') })),
    // Two targets: at most 2.5 s, and no slower than the fastest peer (Uppy, listed first):
    // the report checks the second, the stricter one here; the notes say the first.
    target: { of: 'ratio', op: '<=', value: 1 },
    notes: [`Target: median <= 2500 ms (${median(runs(OURS.name, 'usable')) <= 2500 ? 'met' : 'not met'}: ${median(runs(OURS.name, 'usable'))} ms) and no slower than the fastest peer (the ratio).`,
      `${LOADS} cold loads each, interleaved: 360x740, 1.44 Mbit/s down, 562 ms RTT, 4x CPU, served compressed by demo-server.`,
      'Usable: ours the overview\'s Start button (enabled); Uppy the Camera tab; videojs-record the device button.',
      ...all.map((p) => `${p.name}: button pressed -> next screen shown at median ${median(runs(p.name, 'next'))} ms from navigation`)],
  });
  saveResult({
    id: 'P4-first', title: 'Bytes on the wire before the first usable button', unit: 'KB', better: 'lower',
    ours: { name: OURS.name, runs: loads[OURS.name].map((l) => kb(l.bytes)) },
    peers: pages.map((p) => ({ name: p.name, runs: loads[p.name].map((l) => kb(l.bytes)) })),
    target: { of: 'median', op: '<=', value: 100 },
    notes: ['Encoded (as served) bytes of every response finished before the button was usable, the page included.'],
  });
} finally {
  await browser.close();
  server.stop();
  peerServer.stop();
}
