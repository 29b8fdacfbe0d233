// The interview in the other engines, each the whole matrix: on a desktop in English and a
// phone in Arabic, overview, device check, test video, practice, one question recorded,
// retaken (the first take deleted) and submitted, done; axe on the device check, the review
// and the receipt, each photographed; the kept take read by ffprobe and stored byte for byte,
// and the review page, in the same engine, plays it and seeks in it.
// Then a reload mid-answer (the take resumes and is submitted once) and a minute's worth of
// offline mid-answer (nothing lost). Firefox ESR over WebDriver BiDi (puppeteer-core);
// WebKitGTK's MiniBrowser over WebDriver classic, when its MediaRecorder can record here (see
// tests/README.md). An engine that is not installed, or cannot record, is skipped with the
// reason. How long each engine took is printed at the end.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../support/server.mjs';
import { firefoxMissing, launchFirefox, newFirefoxPage } from '../support/firefox.mjs';
import { BrowserGone, launchWebKit, webkitMissing } from '../support/webkit.mjs';
import { seriousViolations } from '../support/axe.mjs';
import { seekTake } from '../support/review.mjs';
import { part, pastDeviceCheck, startAnswer, stopAndSubmit, warmUp } from '../support/flow.mjs';
import { probe, sha256 } from '../support/media.mjs';
import { bytesLost, takeUploaded } from '../support/takes.mjs';
import { DESKTOP_EN, VARIANTS } from '../support/variants.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const shots = join(here, '../../target/e2e/screenshots/engines');
const cleanup = [];
const spent = new Map();
after(async () => {
  for (const stop of cleanup) await stop();
  for (const [engine, { ms, runs, skipped }] of spent) {
    console.log(`engine time: ${engine} ${(ms / 1000).toFixed(1)} s for ${runs} tests${skipped ? ` (${skipped} skipped)` : ''}`);
  }
});

const engines = [
  {
    name: 'Firefox ESR',
    slug: 'firefox',
    missing: firefoxMissing,
    async launch() {
      const browser = await launchFirefox();
      return { page: await newFirefoxPage(browser), close: () => browser.close() };
    },
  },
  {
    name: 'WebKitGTK',
    slug: 'webkit',
    missing: webkitMissing,
    launch: launchWebKit,
    cannotGoOffline: 'WebDriver classic cannot take WebKitGTK offline (and BiDi is not in this WebKitWebDriver)',
    // WebDriver classic accepts a beforeunload prompt itself, unseen.
    promptsUnseen: true,
  },
];

/** Why `page` cannot record at all, or null: a 1.5 s MediaRecorder run must yield bytes. */
async function cannotRecord(page) {
  return page.evaluate(async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    const recorder = new MediaRecorder(stream);
    let bytes = 0;
    recorder.ondataavailable = (event) => { bytes += event.data.size; };
    recorder.start(500);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    recorder.stop();
    await new Promise((resolve) => { recorder.onstop = resolve; });
    stream.getTracks().forEach((track) => track.stop());
    return bytes > 0 ? null : `its MediaRecorder (${recorder.mimeType}) produced no bytes in 1.5 s`;
  }).catch((error) => `recording failed: ${error.message}`);
}

/** The duration the server read from take `id`'s seekable copy, in seconds, once made. */
async function seekableSeconds(server, id) {
  for (let i = 0; i < 100; i += 1) {
    const take = server.uploads().find((u) => u.id === id);
    if (take?.duration_ms) return take.duration_ms / 1000;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`take ${id} has no seekable copy after 10 s`);
}

/** Runs `body(page, server)` in `engine` on `variant`'s screen, against a server of
 * `interviews` (the default's three questions if none), timed; skipped, saying why, where
 * the engine is missing, cannot do what the test needs (`skip`), or cannot record (then
 * the candidate must be told so). A browser that crashes under the test (WebKitGTK's
 * MiniBrowser now and then does, here) is said so and the test runs once more in a new one;
 * any other failure fails, with a screenshot of what the candidate saw. */
function inEngine(engine, title, { variant, interviews, skip }, body) {
  test(`${title} in ${engine.name}`, { skip: engine.missing ?? skip ?? false, timeout: 240_000 }, async (t) => {
    const tally = spent.get(engine.name) ?? { ms: 0, runs: 0, skipped: 0 };
    spent.set(engine.name, tally);
    const started = Date.now();
    try {
      await attempt(engine, title, { variant, interviews }, body, t, tally).catch((error) => {
        if (!(error instanceof BrowserGone)) throw error;
        console.log(`${engine.name} crashed during "${title}" (${error.message}); once more in a new browser`);
        return attempt(engine, title, { variant, interviews }, body, t, tally);
      });
    } finally {
      tally.ms += Date.now() - started;
      tally.runs += 1;
    }
  });
}

/** One run of an `inEngine` test, in a new browser against a new server. */
async function attempt(engine, title, { variant, interviews }, body, t, tally) {
  const server = await startServer({ interviews });
  cleanup.push(() => server.stop());
  const { page, close } = await engine.launch();
  cleanup.push(close);
  await page.setViewport(variant.viewport);
  await page.goto(`${server.invite()}?lang=${variant.lang}`);
  const reason = await cannotRecord(page);
  if (reason) {
    // The candidate is told, instead of reviewing an empty take.
    await part(page, 'start').click();
    await page.locator('[part~="continue"]:enabled').click();
    await part(page, 'record').click();
    await page.waitForTimeout(1_500);
    await part(page, 'stop').click();
    await part(page, 'failed').waitFor({ timeout: 10_000 });
    tally.skipped += 1;
    t.skip(`${engine.name} cannot record here: ${reason}; it shows the failure to the candidate`);
    return;
  }
  await body(page, server).catch(async (error) => {
    if (error instanceof BrowserGone) throw error;
    // What the candidate saw when it failed, for whoever reads the failure.
    const shot = join(shots, 'failed', `${engine.slug}-${title.replace(/\W+/g, '-')}.png`);
    mkdirSync(dirname(shot), { recursive: true });
    await page.screenshot(shot).catch((why) => console.log(`no screenshot: ${why.message}`));
    throw error;
  });
}

for (const engine of engines) {
  for (const variant of VARIANTS) {
    const interviews = join(here, '../e2e/one-question-interview.json');
    inEngine(engine, `the interview on ${variant.name}`, { variant, interviews }, async (page, server) => {
      const dir = join(shots, engine.slug, variant.name);
      mkdirSync(dir, { recursive: true });
      const check = async (screen) => {
        assert.deepEqual(await seriousViolations(page), [], `${screen} is accessible in ${engine.name}, ${variant.name}`);
        await page.screenshot(join(dir, `${screen}.png`));
      };
      await part(page, 'start').click();
      // An engine's first start may be slow to open the devices (seen once in WebKitGTK).
      await page.locator('[part~="continue"]:enabled').waitFor({ timeout: 60_000 });
      await check('device-check');
      await pastDeviceCheck(page);

      await page.locator('[data-question="q1"] [part~="view-question"]').click();
      await part(page, 'record').click();
      await page.waitForTimeout(2_000);
      await part(page, 'stop').click();
      await part(page, 'retake').click();
      await page.waitForTimeout(2_000);
      await part(page, 'stop').click();
      await part(page, 'playback').waitFor();
      await check('review');
      await part(page, 'submit').click();
      await part(page, 'receipt-item').waitFor({ timeout: 60_000 });
      await check('done');
      const shown = await part(page, 'receipt-item').evaluate((item) => ({ ...item.dataset }));

      const takes = server.uploads();
      assert.equal(takes.length, 2, 'the take and its retake reached the server');
      const kept = takes.filter((take) => !take.deleted_at);
      assert.equal(kept.length, 1, 'the take given up for the retake was deleted');
      const [take] = kept;
      assert.ok(take.completed_at, `take ${take.id} is complete`);
      const media = probe(take.path);
      console.log(`${engine.name} take (${variant.name}): ${take.filetype}, ${take.length} bytes, ${media.format},`,
        `${media.duration.toFixed(2)} s,`, media.streams.map((s) => `${s.type}/${s.codec}`).join(' '));
      assert.ok(media.streams.some((s) => s.type === 'video'), 'has video');
      assert.ok(media.streams.some((s) => s.type === 'audio'), 'has audio');
      // The length the review page shows, read from the server's seekable copy (WebKitGTK's
      // MP4 starts its timeline at the camera stream's age, not at 0; the copy starts at 0).
      const seconds = await seekableSeconds(server, take.id);
      assert.ok(seconds > 1 && seconds < 5, `about 2 s (${seconds} s; the original's timeline ends at ${media.duration} s)`);
      assert.equal(take.sha256, shown.sha256, 'the receipt names the stored take');
      assert.equal(sha256(take.path), shown.sha256, 'byte for byte');

      // The hiring team's review page, in the same engine, plays it and seeks in it.
      await page.goto(server.reviewLink());
      const seek = await seekTake(page, take.id, 1);
      assert.ok(Math.abs(seek.duration - seconds) < 0.5, `the review page plays ${seek.duration} s`);
      assert.ok(Math.abs(seek.currentTime - 1) < 0.5, `and seeks (to ${seek.currentTime} s)`);
    });
  }

  inEngine(engine, 'a reload mid-answer', { variant: DESKTOP_EN }, async (page, server) => {
    await warmUp(page);
    await startAnswer(page, 'q1');
    await page.waitForTimeout(3_000);
    assert.ok(server.uploads()[0]?.offset > 0, 'part of the take reached the server');
    const dialogs = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      dialog.accept();
    });
    await page.reload();
    if (!engine.promptsUnseen) {
      assert.deepEqual(dialogs, ['beforeunload'], 'the page warned before leaving unsaved bytes');
    }
    const uploaded = takeUploaded(page);
    await part(page, 'start').click();
    await page.locator('[part~="continue"]:enabled').click({ timeout: 30_000 });
    await part(page, 'playback').waitFor({ timeout: 30_000 });
    const detail = await uploaded;
    await part(page, 'submit').click();
    await page.locator('[data-question="q1"][data-submitted="true"]').waitFor({ timeout: 60_000 });
    const takes = server.uploads().filter((u) => u.question_id === 'q1');
    assert.equal(takes.length, 1, 'the same upload was resumed, not a new one');
    assert.ok(takes[0].completed_at, 'and it completed');
    assert.equal(takes[0].sha256, detail.sha256, 'the stored bytes are the bytes kept on the device');
  });

  inEngine(engine, 'offline mid-answer', { variant: DESKTOP_EN, skip: engine.cannotGoOffline }, async (page, server) => {
    await warmUp(page);
    await startAnswer(page, 'q1');
    await page.waitForTimeout(3_000);
    await page.setOffline(true);
    await part(page, 'offline').waitFor({ timeout: 5_000 });
    const during = server.uploads()[0].offset;
    await page.waitForTimeout(10_000);
    assert.equal(server.uploads()[0].offset, during, 'nothing arrived while offline');
    await page.setOffline(false);
    await part(page, 'offline').waitFor({ state: 'detached', timeout: 10_000 });
    const { detail, recorded } = await stopAndSubmit(page, 'q1');
    const take = server.uploads().find((u) => detail.url.endsWith(`/${u.id}`));
    assert.ok(take?.completed_at, 'the take completed on the server');
    assert.ok(take.offset > during, 'what was recorded offline arrived after');
    assert.equal(bytesLost(recorded, take.path), 0, 'every recorded byte, in order');
    assert.equal(sha256(take.path), detail.sha256);
  });
}
