// The interview in Firefox ESR (WebDriver BiDi): device check, test video, practice, one
// question recorded, retaken and submitted, done. Both stored takes are read by ffprobe
// (codec names printed). Skipped, saying why, when firefox-esr is not installed.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../support/server.mjs';
import { firefoxMissing, launchFirefox, newFirefoxPage } from '../support/firefox.mjs';
import { part, warmUp } from '../support/flow.mjs';
import { probe, sha256 } from '../support/media.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const cleanup = [];
after(async () => { for (const stop of cleanup) await stop(); });

test('the interview in Firefox ESR', { skip: firefoxMissing ?? false, timeout: 180_000 }, async () => {
  const server = await startServer({ interviews: join(here, 'one-question-interview.json') });
  const browser = await launchFirefox();
  cleanup.push(() => browser.close(), () => server.stop());
  const page = await newFirefoxPage(browser);
  await page.goto(server.invite());
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
  for (const take of takes) {
    assert.ok(take.completed_at, `take ${take.id} is complete`);
    const media = probe(take.path);
    console.log(`Firefox take: ${take.filetype}, ${take.length} bytes, ${media.format}, ${media.duration.toFixed(2)} s,`,
      media.streams.map((s) => `${s.type}/${s.codec}`).join(' '));
    assert.ok(media.streams.some((s) => s.type === 'video'), 'has video');
    assert.ok(media.streams.some((s) => s.type === 'audio'), 'has audio');
    assert.ok(media.duration > 1 && media.duration < 5, `about 2 s (${media.duration} s)`);
  }
  const submitted = takes.find((t) => t.sha256 === shown.sha256);
  assert.ok(submitted, 'the receipt names a stored take');
  assert.equal(sha256(submitted.path), shown.sha256, 'byte for byte');
});
