// The camera and microphone go away in the middle of an answer: the take ends
// as a technical failure with a clear message, the attempt is given back (on
// the server too), and the next take records and submits normally.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';
import { part, warmUp } from '../support/flow.mjs';

const cleanup = [];
after(() => cleanup.forEach((stop) => stop()));

test('a device lost mid-take is a technical failure that costs no attempt', { timeout: 120_000 }, async () => {
  const server = await startServer();
  const browser = await launchChromium();
  cleanup.push(() => browser.close(), () => server.stop());
  const page = await newPage(browser);
  await page.goto(server.invite());
  await warmUp(page);

  await page.locator('[data-question="q3"] [part~="view-question"]').click();
  await part(page, 'record').click();
  await part(page, 'timer').waitFor();
  await page.waitForTimeout(2_500);
  // The devices go away: every track of the camera's stream ends.
  await page.evaluate(() => {
    const preview = document.querySelector('interview-recorder').shadowRoot.querySelector('[part~=preview]');
    preview.srcObject.getTracks().forEach((track) => track.stop());
  });
  await part(page, 'failed').waitFor({ timeout: 20_000 });
  assert.match(await part(page, 'failed').textContent(), /disconnected.*does not count/);

  // Record again: the camera reopens and the new take replaces the failed one.
  await part(page, 'record').click();
  await part(page, 'timer').waitFor({ timeout: 20_000 });
  await page.waitForTimeout(2_000);
  await part(page, 'stop').click();
  await part(page, 'submit').click();
  await page.locator('[data-question="q3"][data-submitted="true"]').waitFor({ timeout: 60_000 });

  const takes = server.uploads().filter((u) => u.question_id === 'q3');
  assert.equal(takes.length, 2, 'the failed take and the new one');
  assert.equal(takes[0].technical_failure, true, 'the server marked the first take as a technical failure');
  assert.equal(takes[1].technical_failure, false);
  assert.ok(takes[1].completed_at, 'the new take is complete');
});
