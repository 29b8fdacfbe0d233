// A take given up for a retake is the candidate's no more: it is deleted from the server
// (the attempt stays used), and the answer submitted is the retake, also when the first
// take was still uploading over a slow uplink when the candidate retook it, and when it
// was retaken offline and the invite opened again (then it is deleted on that visit).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { startServer } from '../support/server.mjs';
import { launchChromium, liveTracks, newPage, watchStreams } from '../support/browser.mjs';
import { part, startAnswer, warmUp } from '../support/flow.mjs';
import { bytesLost, recordedBytes, takeUploaded, uploadProgress } from '../support/takes.mjs';

/** The takes kept on this device (IndexedDB), for every invite, each as `[key, info]`. */
const keptTakes = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const opened = indexedDB.open('interview-recorder');
  opened.onerror = () => reject(opened.error);
  opened.onsuccess = () => {
    const takes = opened.result.transaction('takes').objectStore('takes').getAll();
    takes.onsuccess = () => resolve(takes.result);
    takes.onerror = () => reject(takes.error);
  };
}));

const interviews = new URL('./one-question-interview.json', import.meta.url).pathname;
const cleanup = [];
after(() => cleanup.forEach((stop) => stop()));

/** A candidate at the question list of a one-question interview (q1: two attempts). */
async function candidate() {
  const server = await startServer({ interviews });
  const browser = await launchChromium();
  cleanup.push(() => browser.close(), () => server.stop());
  const context = await browser.newContext();
  await watchStreams(context);
  const page = await newPage(context);
  page.on('dialog', (dialog) => dialog.accept());
  const invite = server.invite();
  await page.goto(invite);
  await warmUp(page);
  return { server, page, token: invite.split('/').pop() };
}

/** Retakes q1 from its review, records about `seconds`, stops; returns the retake's bytes. */
async function retake(page, seconds) {
  await part(page, 'retake').click();
  await part(page, 'timer').waitFor();
  await page.waitForTimeout(seconds * 1000);
  await part(page, 'stop').click();
  await part(page, 'playback').waitFor();
  return recordedBytes(page);
}

/** Submits, then checks the server has the retake as the answer, byte for byte, still
 * counts both attempts and deleted the first take (one given up offline, once the
 * invite is opened again online). */
async function submitAndCheck({ server, page, token }, retaken) {
  await part(page, 'submit').click();
  await part(page, 'receipt-item').waitFor({ timeout: 90_000 });
  const shown = await part(page, 'receipt-item').evaluate((item) => item.dataset.sha256);
  assert.equal(shown, createHash('sha256').update(retaken).digest('hex'), 'the receipt names the retake');
  assert.equal(await liveTracks(page, 5_000), 0, 'the interview is done: the camera and microphone are off');

  // The first take's deletion may still be on its way.
  let takes = server.uploads();
  for (let waited = 0; waited < 30 && !takes.some((t) => t.deleted_at); waited += 1) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    takes = server.uploads();
  }
  assert.equal(takes.length, 2, 'two takes were started');
  const answer = takes.filter((t) => t.sha256 === shown && !t.deleted_at);
  assert.equal(answer.length, 1, 'the retake is on the server');
  assert.equal(bytesLost(retaken, answer[0].path), 0, "the stored file is the retake's bytes");
  assert.equal(await server.attemptsUsed(token, 'q1'), 2, 'giving a take up gives no attempt back');
  const givenUp = takes.filter((t) => t.deleted_at);
  assert.equal(givenUp.length, 1, 'the take given up is deleted');
  assert.ok(!existsSync(givenUp[0].path), "the deleted take's file is gone");
}

test('a take retaken after it was uploaded is deleted from the server', { timeout: 120_000 }, async () => {
  const session = await candidate();
  const { page } = session;
  const uploaded = takeUploaded(page);
  await startAnswer(page, 'q1');
  await page.waitForTimeout(2_000);
  await part(page, 'stop').click();
  await uploaded;
  await submitAndCheck(session, await retake(page, 2));
});

test('a take retaken while still uploading is dropped, and the retake is the answer', { timeout: 150_000 }, async () => {
  const session = await candidate();
  const { page } = session;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  // Slower than the fake camera records (about 80 KB/s): a backlog builds up.
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 40_000,
  });
  await startAnswer(page, 'q1');
  await page.waitForTimeout(4_000);
  await part(page, 'stop').click();
  await part(page, 'playback').waitFor();
  const backlog = await uploadProgress(page);
  assert.ok(backlog.acknowledged < backlog.recorded, `the first take is still uploading (${JSON.stringify(backlog)})`);
  // Long enough for the first take's backlog to have finished meanwhile, had it gone on.
  await submitAndCheck(session, await retake(page, 10));
});

test('a take retaken offline does not come back when the invite is opened again', { timeout: 150_000 }, async () => {
  const session = await candidate();
  const { page, server } = session;
  const invite = page.url();
  await startAnswer(page, 'q1');
  await page.waitForTimeout(1_500);
  await page.context().setOffline(true);
  await page.waitForTimeout(2_000);
  await part(page, 'stop').click();
  await part(page, 'playback').waitFor();
  const retaken = await retake(page, 2);
  const kept = await keptTakes(page);
  assert.equal(kept.filter(([, info]) => !info.given_up).length, 1, 'only the retake is kept as a take');
  assert.equal(kept.filter(([, info]) => info.given_up).length, 1, 'the first is kept as given up, to delete once online');

  // Leave, come back online, open the invite again: the retake is the take under review.
  const back = await newPage(page.context());
  back.on('dialog', (dialog) => dialog.accept());
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
  await back.context().setOffline(false);
  await back.goto(invite);
  await part(back, 'start').click();
  await back.locator('[part~="continue"]:enabled').click({ timeout: 30_000 });
  await part(back, 'playback').waitFor({ timeout: 30_000 });
  assert.ok(retaken.equals(await recordedBytes(back)), 'the review plays the retake');
  await submitAndCheck({ ...session, page: back }, retaken);
});
