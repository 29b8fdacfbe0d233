// P5-phone: navigation to the first usable button on a phone profile (360x740, 1.44 Mbit/s
// down, 562 ms round trip, 4x CPU slowdown, cold cache): the overview's Start button on
// screen and enabled; the bench then presses it and also times the next screen (the camera
// check's title). P4-first: the bytes on the wire (as served, compressed) until that button.
// Ours only so far: the peers' pages are not served by the same server yet.
import { startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';
import { saveResult } from './result.mjs';

const LOADS = Number(process.env.BENCH_PHONE_LOADS ?? 5);
const PHONE = {
  viewport: { width: 360, height: 740 },
  network: { offline: false, latency: 562, downloadThroughput: 1_440_000 / 8, uploadThroughput: 675_000 / 8 },
  cpu: 4,
};

/** One cold load: { usable, next } in ms from navigation start, and the bytes received until usable. */
async function phoneLoad(browser, url) {
  const context = await browser.newContext({ viewport: PHONE.viewport, isMobile: true, hasTouch: true });
  const page = await newPage(context);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', PHONE.network);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
  const received = [];
  cdp.on('Network.loadingFinished', (event) => received.push({ at: event.timestamp, bytes: event.encodedDataLength }));
  await page.addInitScript(() => {
    const check = () => {
      const start = document.querySelector('interview-recorder')?.shadowRoot?.querySelector('[part~="start"]');
      if (start && !start.disabled) {
        window.__usableAt = performance.now();
        window.__usableWall = Date.now();
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  const navigated = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__usableAt !== undefined, null, { timeout: 120_000, polling: 50 });
  const usable = await page.evaluate(() => window.__usableAt);
  const usableWall = await page.evaluate(() => window.__usableWall);
  // Monotonic CDP timestamps: those finished within the wall time until usable.
  const first = Math.min(...received.map((r) => r.at));
  const bytes = received.filter((r) => (r.at - first) * 1000 <= usableWall - navigated).reduce((sum, r) => sum + r.bytes, 0);
  await page.locator('[part~="start"]').click();
  await page.locator('[part~="device-check"]').waitFor({ timeout: 120_000 });
  const next = await page.evaluate(() => performance.now());
  await context.close();
  return { usable: Math.round(usable), next: Math.round(next), bytes };
}

const server = await startServer();
const browser = await launchChromium();
try {
  const loads = [];
  for (let i = 0; i < LOADS; i += 1) loads.push(await phoneLoad(browser, server.invite()));
  saveResult({
    id: 'P5-phone', title: 'First usable button on a phone profile, cold', unit: 'ms', better: 'lower',
    ours: { name: 'interview-recorder', runs: loads.map((l) => l.usable) },
    target: { of: 'median', op: '<=', value: 2500 },
    notes: [`${LOADS} cold loads of the candidate page: 360x740, 1.44 Mbit/s down, 562 ms RTT, 4x CPU.`,
      `Start pressed -> camera check shown, ms from navigation: ${JSON.stringify(loads.map((l) => l.next))}.`,
      'Peers (Uppy webcam, video.js-record) not measured here yet.'],
  });
  saveResult({
    id: 'P4-first', title: 'Bytes on the wire before the first usable button', unit: 'KB', better: 'lower',
    ours: { name: 'interview-recorder', runs: loads.map((l) => Math.round(l.bytes / 102.4) / 10) },
    target: { of: 'median', op: '<=', value: 100 },
    notes: ['Encoded (compressed) bytes of every response finished before the button was usable, page included.'],
  });
} finally {
  await browser.close();
  server.stop();
}
