// P5: time from navigation until the overview is interactive (its Start button is on
// screen and enabled), 10 cold loads (a fresh browser context each), without and with
// 4x CPU throttling. P6: main-thread busy time while recording an answer (Chromium's
// Performance.getMetrics TaskDuration over wall time).
import { startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';
import { part, startAnswer, warmUp } from '../support/flow.mjs';
import { saveResult } from './result.mjs';

const LOADS = Number(process.env.BENCH_LOADS ?? 10);
const RECORDING_RUNS = Number(process.env.BENCH_RECORDING_RUNS ?? 3);
const RECORDING_SECONDS = 20;

/** Milliseconds from navigation start to an enabled Start button, in a fresh context. */
async function coldLoad(browser, url, cpuSlowdown) {
  const context = await browser.newContext();
  const page = await newPage(context);
  const cdp = await context.newCDPSession(page);
  if (cpuSlowdown > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  await page.addInitScript(() => {
    const check = () => {
      const start = document.querySelector('interview-recorder')?.shadowRoot?.querySelector('[part~="start"]');
      if (start && !start.disabled) window.__interactiveAt = performance.now();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__interactiveAt !== undefined, null, { timeout: 30_000 });
  const at = await page.evaluate(() => window.__interactiveAt);
  await context.close();
  return Math.round(at);
}

/** Percent of wall time the main thread was busy while recording. */
async function busyWhileRecording(browser, server) {
  const context = await browser.newContext();
  const page = await newPage(context);
  await page.goto(server.invite());
  await warmUp(page);
  await startAnswer(page, 'q1');
  await page.waitForTimeout(2_000); // the recorder has settled
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics
    .find((m) => m.name === 'TaskDuration').value;
  const [busyBefore, wallBefore] = [await taskSeconds(), Date.now()];
  await page.waitForTimeout(RECORDING_SECONDS * 1000);
  const [busyAfter, wallAfter] = [await taskSeconds(), Date.now()];
  await part(page, 'stop').click();
  await context.close();
  return Math.round((busyAfter - busyBefore) / ((wallAfter - wallBefore) / 1000) * 1000) / 10;
}

const server = await startServer();
const browser = await launchChromium();
try {
  const url = server.invite();
  const plain = [];
  const throttled = [];
  for (let i = 0; i < LOADS; i += 1) { // interleaved
    plain.push(await coldLoad(browser, url, 1));
    throttled.push(await coldLoad(browser, url, 4));
  }
  saveResult({
    id: 'P5', title: 'Overview interactive after a cold load', unit: 'ms', better: 'lower',
    ours: { name: 'interview-recorder', runs: plain },
    target: { of: 'median', op: '<=', value: 300 },
    notes: [`${LOADS} cold loads (fresh browser context) of the candidate page from 127.0.0.1, headless Chromium;`
      + ' interactive = the Start button is on screen and enabled (navigation start to that frame).'],
  });
  saveResult({
    id: 'P5-cpu4x', title: 'Overview interactive after a cold load, 4x CPU throttling', unit: 'ms', better: 'lower',
    ours: { name: 'interview-recorder', runs: throttled },
    target: { of: 'median', op: '<=', value: 1000 },
    notes: ['The same loads interleaved with the plain ones, under Emulation.setCPUThrottlingRate 4.'],
  });
  const busy = [];
  for (let i = 0; i < RECORDING_RUNS; i += 1) busy.push(await busyWhileRecording(browser, server));
  saveResult({
    id: 'P6', title: 'Main thread busy while recording', unit: '%', better: 'lower',
    ours: { name: 'interview-recorder', runs: busy },
    target: { of: 'median', op: '<=', value: 5 },
    notes: [`${RECORDING_RUNS} answers, ${RECORDING_SECONDS} s measured each (after 2 s of settling), fake camera`
      + ' 640x480; busy = Performance.getMetrics TaskDuration / wall time.'],
  });
} finally {
  await browser.close();
  server.stop();
}
