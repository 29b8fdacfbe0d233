// The MP4 path, as on an iPhone: in Chromium with WebM made unsupported, type negotiation
// picks MP4; the take uploads while recording, completes, ffprobe reads it (with a duration,
// from the server's faststart copy) and the review page plays it and seeks in it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';
import { answer, warmUp } from '../support/flow.mjs';
import { probe, sha256 } from '../support/media.mjs';
import { seekInReview } from '../support/review.mjs';

const cleanup = [];
after(() => cleanup.forEach((stop) => stop()));

test('with WebM unsupported, an MP4 take uploads, completes, and plays and seeks in review', { timeout: 120_000 }, async () => {
  const server = await startServer();
  const browser = await launchChromium();
  cleanup.push(() => browser.close(), () => server.stop());
  const page = await newPage(browser);
  await page.addInitScript(() => {
    const supported = MediaRecorder.isTypeSupported.bind(MediaRecorder);
    MediaRecorder.isTypeSupported = (type) => !/webm/i.test(type) && supported(type);
  });
  await page.goto(server.invite());
  await warmUp(page);
  await answer(page, 'q1', 5);

  const [upload] = server.uploads();
  assert.match(upload.filetype, /^video\/mp4/, `negotiated ${upload.filetype}`);
  assert.match(upload.path, /\.mp4$/);
  assert.ok(upload.completed_at, 'the take completed');
  assert.equal(sha256(upload.path), upload.sha256, 'the stored bytes are the ones hashed');
  const media = probe(upload.path);
  console.log(`MP4 take: ${upload.filetype}, ${upload.length} bytes, ${media.format}, ${media.duration.toFixed(2)} s,`,
    media.streams.map((s) => `${s.type}/${s.codec}`).join(' '));
  assert.match(media.format, /mp4/);
  assert.ok(media.streams.some((s) => s.type === 'video' && s.codec === 'h264'), 'H.264 video');
  assert.ok(media.streams.some((s) => s.type === 'audio'), 'has audio');

  let measured;
  for (let i = 0; i < 50 && !measured?.duration_ms; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    [measured] = server.uploads();
  }
  const seekable = probe(upload.path.replace(/\.mp4$/, '.seekable.mp4'), { remux: false });
  assert.ok(seekable.duration > 3.5 && seekable.duration < 7, `the faststart copy has a duration (${seekable.duration} s)`);
  assert.ok(Math.abs(seekable.duration * 1000 - measured.duration_ms) < 50, 'the server measured it');

  const seek = await seekInReview(browser, server, upload.id, 3);
  assert.ok(seek.duration > 3.5, `the review page knows its duration (${seek.duration})`);
  assert.ok(Math.abs(seek.currentTime - 3) < 0.5, `seeked to ${seek.currentTime}`);
});
