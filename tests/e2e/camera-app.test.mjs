// Where the browser has no camera API but its file inputs open the camera app (an app's
// webview or a phone browser without getUserMedia: LinkedIn's in-app user agent, the API
// removed, `capture` known as on phones), the candidate answers with the camera app. A video
// too long for the answer is refused on the device, at no attempt's cost; one that fits is
// uploaded over tus (a take marked `source: camera-app`), played back for review, retaken
// with the camera app (the first take deleted), submitted,
// and stored byte for byte; ffprobe reads it. On a desktop in English and a phone in Arabic,
// checked with axe and photographed.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';
import { seriousViolations } from '../support/axe.mjs';
import { part } from '../support/flow.mjs';
import { probe, sha256 } from '../support/media.mjs';
import { word } from '../support/words.mjs';
import { VARIANTS } from '../support/variants.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const shots = join(here, '../../target/e2e/screenshots/camera-app');
const LINKEDIN = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]';
const cleanup = [];
after(async () => { for (const stop of cleanup) await stop(); });

/** A phone camera app's video of `seconds`: H.264 and AAC in MP4 (fast start, as phones write). */
function video(dir, seconds) {
  const path = join(dir, `answer-${seconds}s.mp4`);
  execFileSync('ffmpeg', ['-v', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=duration=${seconds}:size=320x240:rate=30`,
    '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest',
    '-movflags', '+faststart', path]);
  return path;
}

let fixtures;
before(() => {
  const dir = mkdtempSync(join(tmpdir(), 'ir-camera-app-'));
  fixtures = { practice: video(dir, 3), fits: video(dir, 6), long: video(dir, 20) };
});

/** Hands `path` to the camera app's button `name` (its file input). */
const handOver = (page, name, path) => page.locator(`[part~="${name}"] input[type="file"]`).setInputFiles(path);

test('without a camera API the camera app records each answer, checked for length before and after', { timeout: 180_000 }, async () => {
  const server = await startServer({ interviews: join(here, 'camera-app-interview.json') });
  const browser = await launchChromium();
  cleanup.push(() => browser.close(), () => server.stop());
  for (const variant of VARIANTS) {
    const context = await browser.newContext({ userAgent: LINKEDIN, viewport: variant.viewport, isMobile: variant.name.startsWith('phone'), hasTouch: true });
    const page = await newPage(context);
    await page.addInitScript(() => {
      delete Navigator.prototype.mediaDevices;
      // A phone's file input knows `capture` (desktop Chromium's does not).
      Object.defineProperty(HTMLInputElement.prototype, 'capture', {
        configurable: true,
        get() { return this.getAttribute('capture') ?? ''; },
        set(value) { this.setAttribute('capture', value); },
      });
    });
    const link = `${server.invite()}?lang=${variant.lang}`;
    const token = link.split('?')[0].split('/').pop();
    await page.goto(link);
    await part(page, 'start').click();
    await part(page, 'camera-app').waitFor({ timeout: 20_000 });
    assert.ok((await part(page, 'camera-app').textContent()).includes(word(variant.lang, 'camera-app-offer')));
    assert.deepEqual(await seriousViolations(page), [], `the offer is accessible in ${variant.lang}`);
    mkdirSync(join(shots, variant.name), { recursive: true });
    await page.screenshot({ path: join(shots, variant.name, 'offer.png'), fullPage: true });
    await part(page, 'use-camera-app').click();

    // The practice question: no test video, no camera preview; played back, never sent.
    await part(page, 'camera-app-hint').waitFor();
    assert.equal(await page.locator('[part~="preview"]').count(), 0, 'no live camera here');
    const input = page.locator('[part~="record"] input[type="file"]');
    assert.equal(await input.getAttribute('accept'), 'video/*');
    assert.equal(await input.getAttribute('capture'), 'user');
    await handOver(page, 'record', fixtures.practice);
    await part(page, 'playback').waitFor();
    await part(page, 'submit').click();

    // The answer: too long first (refused here, no attempt used), then one that fits.
    await page.locator('[data-question="q1"] [part~="view-question"]').click();
    await part(page, 'camera-app-hint').waitFor();
    await page.waitForTimeout(6_000); // past its think time: nothing starts by itself
    assert.equal(await page.locator('[part~="timer"]').count(), 0);
    const uploadsBefore = server.uploads().length;
    await handOver(page, 'record', fixtures.long);
    const error = page.locator('[part~="error"]');
    await error.filter({ hasText: /\S/ }).waitFor({ timeout: 15_000 });
    const refusal = await error.textContent();
    assert.ok(refusal.startsWith(word(variant.lang, 'camera-app-too-long').split('{')[0].trim()), refusal);
    assert.equal(server.uploads().length, uploadsBefore, 'nothing uploaded');
    assert.equal(await server.attemptsUsed(token, 'q1'), 0, 'no attempt used');

    await handOver(page, 'record', fixtures.fits);
    /** The length of the video the review plays, once it reads it. */
    const played = () => part(page, 'playback').evaluate((video) => new Promise((resolve) => {
      const read = () => (Number.isFinite(video.duration) ? resolve(video.duration) : setTimeout(read, 100));
      read();
    }));
    await part(page, 'playback').waitFor();
    const first = await played();
    assert.ok(Math.abs(first - 6) < 0.5, `the review plays the camera app's video (${first} s)`);
    assert.deepEqual(await seriousViolations(page), [], `the review is accessible in ${variant.lang}`);
    await page.screenshot({ path: join(shots, variant.name, 'review.png'), fullPage: true });
    // A retake, with the camera app again: the first take is given up (deleted).
    await handOver(page, 'retake', fixtures.practice);
    await page.waitForFunction(() => {
      const video = document.querySelector('interview-recorder').shadowRoot.querySelector('[part~="playback"]');
      return video && Math.abs(video.duration - 3) < 0.5;
    }, null, { timeout: 15_000 });
    await part(page, 'submit').click();
    await part(page, 'receipt-item').waitFor({ timeout: 60_000 });
    assert.equal(await server.attemptsUsed(token, 'q1'), 2);
    await context.close();
  }

  const takes = server.uploads();
  assert.equal(takes.length, 2 * VARIANTS.length, 'per candidate: the answer and its retake');
  const kept = takes.filter((take) => !take.deleted_at);
  assert.equal(kept.length, VARIANTS.length, 'the take given up for the retake was deleted');
  for (const take of takes) {
    assert.equal(take.filetype, 'video/mp4');
    assert.ok(take.metadata.includes(`source ${Buffer.from('camera-app').toString('base64')}`), take.metadata);
  }
  for (const take of kept) {
    assert.ok(take.completed_at, 'complete');
    assert.equal(sha256(take.path), sha256(fixtures.practice), 'byte for byte the camera app\'s video');
    const media = probe(take.path);
    assert.ok(Math.abs(media.duration - 3) < 0.5, `${media.duration} s`);
    assert.deepEqual(media.streams.map((s) => s.type).sort(), ['audio', 'video']);
    assert.ok(Math.abs(take.duration_ms - 3000) < 500, 'the server read its length when it was submitted');
  }
});
