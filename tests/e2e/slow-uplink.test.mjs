// An uplink slower than the recording (DevTools network emulation, from after the device
// check measured a fast link): the recording goes on, the backlog is shown, nothing is
// lost, the wait after Stop is the backlog over the bandwidth, and the next take is planned
// at a bitrate the slow link carries. A reload while the backlog is still uploading loses
// nothing either.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';
import { part, startAnswer, warmUp } from '../support/flow.mjs';
import { bytesLost, recordedBytes, takeUploaded, uploadProgress } from '../support/takes.mjs';

/** Bytes per second up; Chrome's fake camera records about 80 KB/s. */
const UPLINK = 40_000;
const cleanup = [];
after(() => cleanup.forEach((stop) => stop()));

/** A candidate at the question list, recording q1 over the slow uplink. */
async function recordOverSlowUplink() {
  const server = await startServer();
  const browser = await launchChromium();
  cleanup.push(() => browser.close(), () => server.stop());
  const page = await newPage(browser);
  page.on('dialog', (dialog) => dialog.accept());
  await page.addInitScript(() => {
    window.__plans = [];
    document.addEventListener('recording-planned', (event) => window.__plans.push(event.detail));
  });
  await page.goto(server.invite());
  await warmUp(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: UPLINK,
  });
  await startAnswer(page, 'q1');
  await page.waitForTimeout(8_000);
  return { server, page };
}

/** The stored take of `detail` is the recorder's bytes, and it completed. */
function assertStored(server, detail, recorded) {
  const take = server.uploads().find((u) => detail.url.endsWith(`/${u.id}`));
  assert.ok(take?.completed_at, 'the take completed');
  assert.equal(detail.bytes, recorded.length);
  assert.equal(bytesLost(recorded, take.path), 0, "the server's file is the recorder's bytes");
  assert.equal(take.sha256, detail.sha256);
}

/** Video and sound together, in bits per second. */
const total = (plan) => (plan.video_bits_per_second ?? 0) + plan.audio_bits_per_second;

test('a slow uplink shows the backlog, loses nothing, the wait is backlog / bandwidth, and the next take is lighter', { timeout: 120_000 }, async () => {
  const { server, page } = await recordOverSlowUplink();
  const during = await uploadProgress(page);
  assert.ok(during.recorded - during.acknowledged > UPLINK,
    `the backlog is shown while recording (${during.acknowledged} of ${during.recorded})`);

  const uploaded = takeUploaded(page);
  const atStop = await uploadProgress(page);
  const stoppedAt = Date.now();
  await part(page, 'stop').click();
  const detail = await uploaded;
  const waited = (Date.now() - stoppedAt) / 1000;
  const expected = (detail.bytes - atStop.acknowledged) / UPLINK;
  console.log(`backlog ${detail.bytes - atStop.acknowledged} bytes at ${UPLINK} B/s: `
    + `expected ${expected.toFixed(1)} s, waited ${waited.toFixed(1)} s`);
  assert.ok(waited <= expected * 1.5 + 2, `the wait (${waited} s) is about backlog / bandwidth (${expected} s)`);
  assert.ok(waited >= expected * 0.5, `the uplink really was slow (${waited} s vs ${expected} s)`);
  assertStored(server, detail, await recordedBytes(page));

  const plans = await page.evaluate(() => window.__plans);
  const [first, next] = [plans[0], plans.at(-1)];
  console.log(`planned ${total(first)} bit/s on the fast link, then ${total(next)} bit/s (${JSON.stringify(next)})`);
  assert.ok(plans.length >= 2, 'a plan after the connection check, another after the take');
  assert.ok(total(next) < total(first), 'the take whose backlog grew lowered the next one');
  assert.ok(total(next) <= UPLINK * 8, 'the next take fits the slow link');
});

test('a reload while the backlog uploads loses nothing', { timeout: 120_000 }, async () => {
  const { server, page } = await recordOverSlowUplink();
  await part(page, 'stop').click();
  await part(page, 'playback').waitFor();
  const backlog = await uploadProgress(page);
  assert.ok(backlog.acknowledged < backlog.recorded, `the review shows the backlog (${JSON.stringify(backlog)})`);
  assert.ok(!server.uploads()[0].completed_at, 'part of the take was still to upload');

  await page.reload();
  const uploaded = takeUploaded(page);
  await part(page, 'start').click();
  await page.locator('[part~="continue"]:enabled').click({ timeout: 30_000 });
  await part(page, 'playback').waitFor({ timeout: 30_000 });
  const detail = await uploaded;
  assertStored(server, detail, await recordedBytes(page));
  assert.equal(server.uploads().length, 1, 'the same upload was resumed');
});
