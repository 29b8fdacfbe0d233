// The device check: silence keeps recording locked with its explanation, and a
// refused permission shows help; granting it and "Try again" recovers without a reload.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';
import { part } from '../support/flow.mjs';
import { seriousViolations } from '../support/axe.mjs';

const cleanup = [];
after(() => cleanup.forEach((stop) => stop()));

test('silence keeps Continue disabled and says why', { timeout: 60_000 }, async () => {
  const silent = join(mkdtempSync(join(tmpdir(), 'ir-silence-')), 'silent.wav');
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=mono', '-t', '10', silent]);
  const server = await startServer();
  const browser = await launchChromium({ audio: silent });
  cleanup.push(() => browser.close(), () => server.stop());
  const page = await newPage(browser);
  await page.goto(server.invite());
  await part(page, 'start').click();
  await part(page, 'level').waitFor();
  await page.waitForTimeout(4_000);
  assert.equal(await part(page, 'continue').isDisabled(), true, 'Continue stays disabled in silence');
  assert.match(await part(page, 'mic-hint').textContent(), /Say something/);
  assert.deepEqual(await seriousViolations(page), [], 'the locked state is accessible');
  const described = await part(page, 'continue').getAttribute('aria-describedby');
  assert.equal(described, 'ir-mic-hint', 'the button points to its explanation');
});

test('a refused camera shows help, and Try again recovers once allowed', { timeout: 60_000 }, async () => {
  const server = await startServer();
  const browser = await launchChromium({ autoAllow: false });
  cleanup.push(() => browser.close(), () => server.stop());
  const context = await browser.newContext();
  const page = await newPage(context);
  await page.goto(server.invite());
  const denied = page.evaluate(() => new Promise((resolve) => {
    document.querySelector('interview-recorder')
      .addEventListener('permission-denied', (event) => resolve(event.detail), { once: true });
  }));
  await part(page, 'start').click();
  await part(page, 'help').waitFor({ timeout: 20_000 });
  assert.match(await part(page, 'help').textContent(), /blocked the camera.*Try again/, 'steps for this browser');
  assert.deepEqual(await seriousViolations(page), [], 'the help is accessible');
  assert.equal((await denied).code, 'media');

  await context.grantPermissions(['camera', 'microphone'], { origin: server.origin });
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.locator('[part~="continue"]:enabled').waitFor({ timeout: 30_000 });
});
