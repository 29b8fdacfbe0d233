// The candidate's flow up to one submitted answer: camera -> MediaRecorder -> tus upload while
// recording -> demo-server -> disk, checked with ffprobe and played back in the review page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';
import { probe, sha256 } from '../support/media.mjs';
import { seekInReview } from '../support/review.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

test('overview, device check, test video, practice, then an answer that uploads while recording and is submitted', { timeout: 120_000 }, async () => {
  const page = await newPage(browser);
  await page.goto(server.invite());
  const button = (name) => page.getByRole('button', { name, exact: true });

  // Overview, then the device check: Continue is enabled once the microphone was heard.
  await button('Start interview').click();
  await button('Continue').click({ timeout: 30_000 });
  // Test video (local only): record, stop, looks good.
  await button('Record test video').click();
  await page.waitForTimeout(1_500);
  await button('Stop').click();
  await button('Looks good').click();
  // Practice question (local only), started before its think time ends.
  await button('Start recording now').click();
  await page.waitForTimeout(1_500);
  await button('Stop').click();
  await button('Continue to the questions').click();
  assert.equal(server.uploads().length, 0, 'the test video and the practice answer were never uploaded');

  // Question 1: reveal, record about 5 s while it uploads, stop, submit.
  await page.locator('[data-question="q1"]').getByRole('button', { name: 'View question' }).click();
  await page.getByText('Tell us about yourself.').waitFor();
  const uploaded = page.evaluate(() => new Promise((resolve) => {
    document.querySelector('interview-recorder')
      .addEventListener('take-uploaded', (event) => resolve(event.detail), { once: true });
  }));
  await button('Start recording now').click();
  await page.locator('[data-status="recording"]').waitFor();
  await page.waitForTimeout(5_000);
  const duringRecording = server.uploads();
  assert.equal(duringRecording.length, 1, 'the upload was created while recording');
  assert.ok(duringRecording[0].offset > 0, 'bytes arrived on the server before Stop');
  assert.equal(duringRecording[0].length, null, 'the length is still deferred while recording');

  await button('Stop').click();
  await button('Submit answer').click();
  const detail = await uploaded;
  await page.locator('[data-question="q1"][data-submitted="true"]').waitFor({ timeout: 60_000 });

  const uploads = server.uploads();
  assert.equal(uploads.length, 1, 'exactly one upload');
  const [upload] = uploads;
  assert.equal(upload.question_id, 'q1');
  assert.ok(upload.completed_at, 'the upload is complete');
  assert.equal(upload.offset, upload.length);
  assert.equal(statSync(upload.path).size, upload.length, 'every acknowledged byte is on disk');
  assert.equal(detail.bytes, upload.length);
  assert.equal(sha256(upload.path), detail.sha256, 'the stored bytes are the recorded bytes');

  const media = probe(upload.path);
  console.log(`stored take: ${upload.length} bytes, ${media.format}, ${media.duration.toFixed(2)} s,`,
    media.streams.map((s) => `${s.type}/${s.codec}`).join(' '));
  assert.match(media.format, /webm/);
  assert.ok(media.streams.some((s) => s.type === 'video'), 'has a video stream');
  assert.ok(media.streams.some((s) => s.type === 'audio'), 'has an audio stream');
  assert.ok(media.duration >= 3.5 && media.duration <= 7, `duration ${media.duration} s is about 5 s`);

  // The server makes a seekable copy (Chrome's WebM has no duration or cues) and measures it.
  let measured;
  for (let i = 0; i < 50 && !measured?.duration_ms; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    [measured] = server.uploads();
  }
  assert.ok(measured.duration_ms, 'the server measured the take');
  const seekable = probe(upload.path.replace(/\.webm$/, '.seekable.webm'), { remux: false });
  assert.ok(Math.abs(seekable.duration * 1000 - measured.duration_ms) < 50, 'the seekable copy has a duration');

  // The hiring team's review page plays the take and seeks in it.
  const seek = await seekInReview(browser, server, upload.id, 3);
  assert.ok(Number.isFinite(seek.duration) && seek.duration > 3.5, `the video knows its duration (${seek.duration})`);
  assert.ok(Math.abs(seek.currentTime - 3) < 0.5, `seeked to ${seek.currentTime}`);
});
