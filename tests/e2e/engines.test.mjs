// The interview in the other engines: device check, test video, practice, one question
// recorded, retaken (the first take deleted) and submitted, done; the kept take is read by ffprobe (codec names
// printed). Firefox ESR over WebDriver BiDi (puppeteer-core); WebKitGTK's MiniBrowser over
// WebDriver classic, when its MediaRecorder can record here (see tests/README.md). An engine
// that is not installed, or cannot record, is skipped with the reason.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../support/server.mjs';
import { firefoxMissing, launchFirefox, newFirefoxPage } from '../support/firefox.mjs';
import { launchWebKit, webkitMissing } from '../support/webkit.mjs';
import { part, warmUp } from '../support/flow.mjs';
import { probe, sha256 } from '../support/media.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const cleanup = [];
after(async () => { for (const stop of cleanup) await stop(); });

const engines = [
  {
    name: 'Firefox ESR',
    missing: firefoxMissing,
    async launch() {
      const browser = await launchFirefox();
      return { page: await newFirefoxPage(browser), close: () => browser.close() };
    },
  },
  { name: 'WebKitGTK', missing: webkitMissing, launch: launchWebKit },
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

for (const engine of engines) {
  test(`the interview in ${engine.name}`, { skip: engine.missing ?? false, timeout: 180_000 }, async (t) => {
    const server = await startServer({ interviews: join(here, 'one-question-interview.json') });
    cleanup.push(() => server.stop());
    const { page, close } = await engine.launch();
    cleanup.push(close);
    await page.goto(server.invite());
    const reason = await cannotRecord(page);
    if (reason) {
      // The candidate is told, instead of reviewing an empty take.
      await part(page, 'start').click();
      await page.locator('[part~="continue"]:enabled').click();
      await part(page, 'record').click();
      await page.waitForTimeout(1_500);
      await part(page, 'stop').click();
      await part(page, 'failed').waitFor({ timeout: 10_000 });
      t.skip(`${engine.name} cannot record here: ${reason}; it shows the failure to the candidate`);
      return;
    }
    await warmUp(page);

    await page.locator('[data-question="q1"] [part~="view-question"]').click();
    await part(page, 'record').click();
    await page.waitForTimeout(2_000);
    await part(page, 'stop').click();
    await part(page, 'retake').click();
    await page.waitForTimeout(2_000);
    await part(page, 'stop').click();
    await part(page, 'playback').waitFor();
    await part(page, 'submit').click();
    await part(page, 'receipt-item').waitFor({ timeout: 60_000 });
    const shown = await part(page, 'receipt-item').evaluate((item) => ({ ...item.dataset }));

    const takes = server.uploads();
    assert.equal(takes.length, 2, 'the take and its retake reached the server');
    const kept = takes.filter((take) => !take.deleted_at);
    assert.equal(kept.length, 1, 'the take given up for the retake was deleted');
    for (const take of kept) {
      assert.ok(take.completed_at, `take ${take.id} is complete`);
      const media = probe(take.path);
      console.log(`${engine.name} take: ${take.filetype}, ${take.length} bytes, ${media.format}, ${media.duration.toFixed(2)} s,`,
        media.streams.map((s) => `${s.type}/${s.codec}`).join(' '));
      assert.ok(media.streams.some((s) => s.type === 'video'), 'has video');
      assert.ok(media.streams.some((s) => s.type === 'audio'), 'has audio');
      assert.ok(media.duration > 1 && media.duration < 5, `about 2 s (${media.duration} s)`);
    }
    const submitted = kept.find((take) => take.sha256 === shown.sha256);
    assert.ok(submitted, 'the receipt names a stored take');
    assert.equal(sha256(submitted.path), shown.sha256, 'byte for byte');
  });
}
