// A link that adapts: on an uplink throttled to 500 kbit/s (DevTools network emulation, set
// before the page loads), the device check measures the link with a scratch upload that is
// deleted afterwards, records answers at most two thirds of it, and a 60 s answer is saved
// within 2 s of Stop. Where even the interview's video floor does not fit and it allows
// sound only, the candidate is offered it, and the answer in sound only is recorded,
// uploaded and playable in the review page; where it does not allow it, the candidate is told
// that answers take longer to finish. On a desktop in English and a phone in Arabic, checked
// with axe and photographed.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';
import { seriousViolations } from '../support/axe.mjs';
import { probe } from '../support/media.mjs';
import { VARIANTS } from '../support/variants.mjs';
import { part, pastDeviceCheck, startAnswer } from '../support/flow.mjs';
import { bytesLost, recordedBytes, takeUploaded } from '../support/takes.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const shots = join(here, '../../target/e2e/screenshots/link');
const interviews = join(here, 'link-interview.json');
/** 500 kbit/s, in bytes per second. */
const UPLINK = 62_500;
const cleanup = [];
after(async () => { for (const stop of cleanup) await stop(); });

/** A page of `browser` in `variant` on the throttled uplink, at the device check of a new
 * invite to `interview`, its `recording-planned` events kept in `window.__plans`. */
async function deviceCheck(browser, server, variant, interview) {
  const page = await newPage(browser);
  await page.setViewportSize(variant.viewport);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: UPLINK,
  });
  await page.addInitScript(() => {
    window.__plans = [];
    document.addEventListener('recording-planned', (event) => window.__plans.push(event.detail));
  });
  await page.goto(`${server.invite(interview)}?lang=${variant.lang}`);
  await part(page, 'start').click();
  return page;
}

/** The connection note once it says `state`: checked with axe and photographed as `name`. */
async function connectionSays(page, variant, state, name) {
  await page.locator(`[part~="connection"][data-state="${state}"]`).waitFor({ timeout: 60_000 });
  assert.deepEqual(await seriousViolations(page), [], `${state} is accessible in ${variant.lang}`);
  mkdirSync(join(shots, variant.name), { recursive: true });
  await page.screenshot({ path: join(shots, variant.name, `${name}.png`), fullPage: true });
  return page.evaluate(() => window.__plans.at(-1));
}

/** Seconds from the Stop click to `take-uploaded`, timed in the page. */
async function stopAndTime(page) {
  await page.evaluate(() => {
    const host = document.querySelector('interview-recorder');
    window.__uploaded = new Promise((resolve) => host.addEventListener('take-uploaded', (event) => resolve({ at: performance.now(), detail: event.detail }), { once: true }));
    host.addEventListener('click', (event) => {
      if (event.composedPath()[0]?.getAttribute?.('part')?.includes('stop')) window.__stopAt = performance.now();
    }, { capture: true });
  });
  await part(page, 'stop').click();
  return page.evaluate(async () => {
    const { at, detail } = await window.__uploaded;
    return { wait: (at - window.__stopAt) / 1000, detail };
  });
}

test('on a 500 kbit/s uplink answers are recorded within two thirds of it and saved at once after Stop', { timeout: 300_000 }, async () => {
  const server = await startServer({ interviews });
  const browser = await launchChromium();
  cleanup.push(() => browser.close(), () => server.stop());
  const pages = [];
  for (const variant of VARIANTS) {
    const page = await deviceCheck(browser, server, variant);
    const plan = await connectionSays(page, variant, 'good', 'connection-good');
    console.log(`${variant.name}: ${JSON.stringify(plan)}`);
    assert.ok(plan.uplink_bits_per_second > 250_000 && plan.uplink_bits_per_second < 650_000,
      `the check measured the emulated 500 kbit/s (${plan.uplink_bits_per_second})`);
    assert.ok(plan.video_bits_per_second <= 333_333, `video at ${plan.video_bits_per_second} bit/s`);
    assert.ok(plan.video_bits_per_second + plan.audio_bits_per_second <= plan.uplink_bits_per_second * 2 / 3);
    assert.equal(plan.height, 360);
    assert.ok(plan.fits);
    pages.push(page);
  }
  const probes = server.uploads({ probes: true });
  assert.equal(probes.length, 2, 'one connection check per candidate');
  assert.ok(probes.every((p) => p.deleted_at), 'each check was deleted once measured');

  const page = pages[0];
  await pastDeviceCheck(page);
  await startAnswer(page, 'q1');
  await page.waitForTimeout(60_000);
  const uploaded = takeUploaded(page);
  const { wait, detail } = await stopAndTime(page);
  await uploaded;
  console.log(`60 s answer of ${detail.bytes} bytes (${Math.round(detail.bytes * 8 / 60_000)} kbit/s): saved ${wait.toFixed(2)} s after Stop`);
  assert.ok(wait <= 2, `the wait after Stop (${wait} s) is at most 2 s`);
  const recorded = await recordedBytes(page);
  const take = server.uploads().find((u) => detail.url.endsWith(`/${u.id}`));
  assert.equal(bytesLost(recorded, take.path), 0);
  const media = probe(take.path);
  assert.deepEqual(media.streams.map((s) => s.type).sort(), ['audio', 'video']);
  assert.ok(media.duration > 55, `about 60 s recorded (${media.duration})`);
  assert.ok(detail.bytes * 8 / media.duration < 450_000, 'the recording kept near its planned bitrate');
});

test('below the video floor the candidate may answer with sound only, stored and playable in review', { timeout: 240_000 }, async () => {
  const server = await startServer({ interviews });
  const browser = await launchChromium();
  cleanup.push(() => browser.close(), () => server.stop());
  const pages = [];
  for (const variant of VARIANTS) {
    const page = await deviceCheck(browser, server, variant, 'sound-only');
    const offered = await connectionSays(page, variant, 'offer', 'connection-offer');
    assert.ok(!offered.fits && offered.sound_only_offered, JSON.stringify(offered));
    assert.ok(offered.video_bits_per_second >= 600_000, 'video never below the floor');
    await part(page, 'sound-only').click();
    const chosen = await connectionSays(page, variant, 'sound-only', 'connection-sound-only');
    assert.equal(chosen.video_bits_per_second, null);
    assert.ok(chosen.fits);
    pages.push(page);
  }
  const page = pages[0];
  await pastDeviceCheck(page);
  await startAnswer(page, 'q1');
  await page.waitForTimeout(6_000);
  const { detail } = await stopAndTime(page);
  await part(page, 'submit').click();
  await page.locator('[part~="receipt-item"][data-question="q1"]').waitFor({ timeout: 60_000 });
  const take = server.uploads().find((u) => detail.url.endsWith(`/${u.id}`));
  assert.match(take.filetype, /^audio\//);
  const media = probe(take.path);
  assert.deepEqual(media.streams.map((s) => s.type), ['audio'], 'sound only');
  assert.ok(media.duration > 4, `about 6 s recorded (${media.duration})`);

  // The review page plays it, once the server has made it seekable.
  for (let i = 0; i < 100 && !server.uploads().find((u) => u.id === take.id).duration_ms; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const review = await newPage(browser);
  await review.goto(server.reviewLink());
  const audio = review.locator(`[data-take="${take.id}"] audio`);
  const duration = await audio.evaluate((element) => new Promise((resolve) => {
    if (element.readyState >= 1) resolve(element.duration);
    element.addEventListener('loadedmetadata', () => resolve(element.duration));
    element.addEventListener('error', () => resolve(-1));
  }));
  assert.ok(duration > 4 && duration < 10, `the review page plays it (${duration} s)`);
});

test('below the video floor without sound only the candidate is told answers take longer to save', { timeout: 120_000 }, async () => {
  const server = await startServer({ interviews });
  const browser = await launchChromium();
  cleanup.push(() => browser.close(), () => server.stop());
  for (const variant of VARIANTS) {
    const page = await deviceCheck(browser, server, variant, 'strict');
    const plan = await connectionSays(page, variant, 'slow', 'connection-slow');
    assert.ok(!plan.fits && !plan.sound_only_offered, JSON.stringify(plan));
    assert.equal(plan.video_bits_per_second, 600_000, 'the floor');
    assert.equal(await part(page, 'sound-only').count(), 0, 'no sound-only choice');
    await page.close();
  }
});
