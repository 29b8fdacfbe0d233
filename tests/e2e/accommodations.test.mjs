// An invite's accommodations (`demo-server invite --extra-time 1.5 --extra-attempts 1
// --no-auto-start`): the overview says so discreetly, think time ends without starting the
// recording, the answer runs to 1.5x the interview's limit and stops there by itself, and
// the server keeps all of it; the loader's first screen says so as the recorder does. Checked
// with axe and photographed on a phone.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';
import { seriousViolations } from '../support/axe.mjs';
import { part, warmUp } from '../support/flow.mjs';
import { probe } from '../support/media.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const shots = join(here, '../../target/e2e/screenshots/accommodations');
const cleanup = [];
after(async () => { for (const stop of cleanup) await stop(); });

test('extra time, an extra take and a manual start, enforced and kept', { timeout: 120_000 }, async () => {
  const server = await startServer({ interviews: join(here, 'accommodation-interview.json') });
  const browser = await launchChromium();
  cleanup.push(() => browser.close(), () => server.stop());
  mkdirSync(shots, { recursive: true });
  const page = await newPage(browser);
  await page.setViewportSize({ width: 360, height: 740 });
  // The loader's first screen says it too, before the wasm (held back here) draws its own.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/\/recorder\/widget_bg\.[0-9a-f]{16}\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(server.invite(null, ['--extra-time', '1.5', '--extra-attempts', '1', '--no-auto-start']));
  await part(page, 'accommodations').waitFor();
  assert.match(await part(page, 'accommodations').evaluate((e) => e.textContent), /start it yourself/);
  release();
  await page.locator('[part~="accommodations"]').last().waitFor();
  assert.match(await part(page, 'accommodations').evaluate((e) => e.textContent), /start it yourself/);
  assert.deepEqual(await seriousViolations(page), [], 'the overview is accessible');
  await page.screenshot({ path: join(shots, '1-overview.png'), fullPage: true });

  await warmUp(page);
  await page.locator('[data-question="q1"] [part~="view-question"]').click();
  await part(page, 'countdown').waitFor();
  // Think time is 2 s x 1.5 = 3 s: well past it, the recording has still not started.
  await page.waitForTimeout(5_000);
  assert.equal(await part(page, 'timer').count(), 0, 'no recording without the candidate');
  assert.deepEqual(await seriousViolations(page), [], 'the manual think screen is accessible');
  await page.screenshot({ path: join(shots, '2-think.png'), fullPage: true });

  await part(page, 'record').click();
  await part(page, 'timer').waitFor();
  assert.match(await part(page, 'timer').evaluate((e) => e.textContent), /0:09/, 'the limit is 6 s x 1.5');
  // Not stopped: the limit stops it, after 9 s rather than 6.
  await part(page, 'submit').waitFor({ timeout: 30_000 });
  await part(page, 'retake').waitFor(); // one attempt in the interview, one more given
  await part(page, 'submit').click();
  await page.locator('[data-question="q1"][data-submitted="true"], [part~="done"]').first().waitFor({ timeout: 60_000 });

  const [upload] = server.uploads().filter((u) => u.question_id === 'q1' && u.completed_at);
  const media = probe(upload.path);
  assert.ok(media.duration > 7, `the stored answer runs past the usual 6 s limit: ${media.duration} s`);
  assert.ok(media.duration < 11, `and stops at about 9 s: ${media.duration} s`);
});
