// The whole way to a submitted answer with the keyboard alone: Tab to the
// control, Enter to press it. Focus starts on each new screen's title.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';
import { part } from '../support/flow.mjs';

const cleanup = [];
after(() => cleanup.forEach((stop) => stop()));

/** The `part` of the element focused inside the recorder's shadow root. */
const focusedPart = (page) => page.evaluate(() =>
  document.querySelector('interview-recorder').shadowRoot.activeElement?.getAttribute('part') ?? '');

/** Tabs until the control named `name` has focus, then presses Enter. */
async function press(page, name) {
  await page.locator(`[part~="${name}"]:enabled`).first().waitFor({ timeout: 30_000 });
  for (let tabs = 0; tabs < 40; tabs += 1) {
    const focused = (await focusedPart(page)).split(' ');
    if (focused.includes(name)) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('Tab');
  }
  assert.fail(`could not reach "${name}" with Tab`);
}

test('a question answered with the keyboard alone', { timeout: 120_000 }, async () => {
  const server = await startServer();
  const browser = await launchChromium();
  cleanup.push(() => browser.close(), () => server.stop());
  const page = await newPage(browser);
  await page.goto(server.invite());
  await part(page, 'start').waitFor();
  await press(page, 'start');
  await page.locator('[part~="continue"]:enabled').waitFor({ timeout: 30_000 });
  assert.equal(await focusedPart(page), 'title', 'focus moved to the new screen');
  await press(page, 'continue');
  await press(page, 'record');
  await page.waitForTimeout(1_000);
  await press(page, 'stop');
  await part(page, 'playback').waitFor();
  await press(page, 'submit'); // Looks good
  await press(page, 'record'); // practice
  await page.waitForTimeout(1_000);
  await press(page, 'stop');
  await part(page, 'playback').waitFor();
  await press(page, 'submit'); // Continue to the questions
  await press(page, 'view-question');
  await press(page, 'record');
  await page.waitForTimeout(2_000);
  await press(page, 'stop');
  await part(page, 'playback').waitFor();
  await press(page, 'submit');
  await page.locator('[data-question="q1"][data-submitted="true"]').waitFor({ timeout: 60_000 });
  assert.ok(server.uploads()[0].completed_at, 'the answer reached the server');
});
