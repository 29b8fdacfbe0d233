// A phone's life mid-answer: the page hidden (an app switch, another tab, a locked screen),
// the page frozen, the camera paused by the device (its track's `mute`, as iOS does on
// lock): the take ends as a technical failure that costs no attempt, what it recorded is
// kept and uploads (complete on the server, probed), the candidate reads why, and the next
// take replaces it. Turning the phone mid-answer (the viewport's sides swapped) keeps
// recording. A device with no room to keep a copy (a tiny quota through CDP
// Storage.overrideQuotaForOrigin) says so, and the take uploads from memory, byte for byte. Headless Chromium keeps every page visible (another tab in front, a minimized
// window and CDP Page.setWebLifecycleState change nothing there; measured), so the page's
// side of it is emulated in the page: `document.hidden` and `visibilityState` overridden and
// `visibilitychange` dispatched, or `freeze` dispatched.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';
import { part, startAnswer, warmUp } from '../support/flow.mjs';
import { probe } from '../support/media.mjs';
import { bytesLost, recordedBytes, takeUploaded } from '../support/takes.mjs';
import { word } from '../support/words.mjs';
import { PHONE_AR } from '../support/variants.mjs';

const cleanup = [];
after(async () => { for (const stop of cleanup) await stop(); });

/** A server and a browser of their own, stopped after the tests. */
async function started() {
  const server = await startServer();
  const browser = await launchChromium();
  cleanup.push(() => browser.close(), () => server.stop());
  return { server, browser };
}

/** A candidate on a phone-sized page, recording q1 for a few seconds. */
async function recording(browser, server) {
  const page = await newPage(await browser.newContext({ viewport: PHONE_AR.viewport }));
  await page.goto(server.invite());
  await warmUp(page);
  await startAnswer(page, 'q1');
  await page.waitForTimeout(3_000);
  return page;
}

/** The take ended as a technical failure saying `reason`; recording again replaces it, and
 * the failed one is complete on the server with what it recorded. */
async function failedThenReplaced(page, server, reason) {
  const failed = part(page, 'failed');
  await failed.waitFor({ timeout: 20_000 });
  assert.ok((await failed.textContent()).includes(word('en', reason)), await failed.textContent());
  assert.match(await part(page, 'record').textContent(), /Record/);
  await part(page, 'record').click();
  await part(page, 'timer').waitFor({ timeout: 20_000 });
  await page.waitForTimeout(2_000);
  await part(page, 'stop').click();
  await part(page, 'submit').click();
  await page.locator('[data-question="q1"][data-submitted="true"]').waitFor({ timeout: 60_000 });
  let takes = server.uploads().filter((u) => u.question_id === 'q1');
  for (let i = 0; i < 100 && !takes[0]?.completed_at; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    takes = server.uploads().filter((u) => u.question_id === 'q1');
  }
  assert.equal(takes.length, 2, 'the failed take and the new one');
  assert.equal(takes[0].technical_failure, true, 'the first take counts as a technical failure');
  assert.ok(takes[0].completed_at, 'what the failed take recorded was uploaded whole');
  const media = probe(takes[0].path);
  assert.ok(media.duration > 2, `the failed take keeps its ${media.duration} s`);
  assert.deepEqual(media.streams.map((s) => s.type).sort(), ['audio', 'video']);
  assert.ok(takes[1].completed_at);
}

test('the page hidden mid-answer ends the take as a technical failure, kept and replaced', { timeout: 180_000 }, async () => {
  const { server, browser } = await started();
  const page = await recording(browser, server);
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.waitForTimeout(1_500);
  await page.evaluate(() => {
    delete document.hidden;
    delete document.visibilityState;
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await failedThenReplaced(page, server, 'page-hidden');
});

test('a frozen page mid-answer ends the take as a technical failure, kept and replaced', { timeout: 180_000 }, async () => {
  const { server, browser } = await started();
  const page = await recording(browser, server);
  await page.evaluate(() => document.dispatchEvent(new Event('freeze')));
  await failedThenReplaced(page, server, 'page-hidden');
});

test('a camera paused by the device mid-answer ends the take as a technical failure, kept and replaced', { timeout: 180_000 }, async () => {
  const { server, browser } = await started();
  const page = await recording(browser, server);
  // What iOS does to the camera's track when the screen locks.
  await page.evaluate(() => {
    const preview = document.querySelector('interview-recorder').shadowRoot.querySelector('[part~=preview]');
    preview.srcObject.getVideoTracks()[0].dispatchEvent(new Event('mute'));
  });
  await failedThenReplaced(page, server, 'camera-paused');
});

test('turning the phone mid-answer keeps recording', { timeout: 180_000 }, async () => {
  const { server, browser } = await started();
  const page = await recording(browser, server);
  const { width, height } = PHONE_AR.viewport;
  await page.setViewportSize({ width: height, height: width });
  await page.waitForTimeout(3_000);
  await page.setViewportSize({ width, height });
  await page.waitForTimeout(1_000);
  assert.equal(await part(page, 'failed').count(), 0, 'still recording');
  await part(page, 'stop').click();
  await part(page, 'submit').click();
  await page.locator('[data-question="q1"][data-submitted="true"]').waitFor({ timeout: 60_000 });
  const [take] = server.uploads().filter((u) => u.question_id === 'q1');
  assert.equal(take.technical_failure, false);
  const media = probe(take.path);
  assert.ok(media.duration > 6, `one take through the turn (${media.duration} s)`);
});

test('a device with no room to keep the take says so and uploads it whole from memory', { timeout: 180_000 }, async () => {
  const { server, browser } = await started();
  const page = await newPage(await browser.newContext({ viewport: PHONE_AR.viewport }));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.origin, quotaSize: 10_000 });
  await page.goto(server.invite());
  await warmUp(page);
  await startAnswer(page, 'q1');
  const full = part(page, 'storage-full');
  await full.waitFor({ timeout: 20_000 });
  assert.equal(await full.textContent(), word('en', 'storage-full'));
  await page.waitForTimeout(3_000);
  const uploaded = takeUploaded(page);
  await part(page, 'stop').click();
  const detail = await uploaded;
  const recorded = await recordedBytes(page);
  await part(page, 'submit').click();
  await page.locator('[data-question="q1"][data-submitted="true"]').waitFor({ timeout: 60_000 });
  const [take] = server.uploads().filter((u) => u.question_id === 'q1');
  assert.equal(detail.bytes, recorded.length);
  assert.equal(bytesLost(recorded, take.path), 0, 'every recorded byte is on the server');
  assert.equal(take.sha256, detail.sha256);
});
