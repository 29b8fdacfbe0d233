// Two themes on the demo page: the vendor's custom properties and ::part
// styles reach inside the shadow root, and both stay accessible.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';
import { seriousViolations } from '../support/axe.mjs';
import { part } from '../support/flow.mjs';

const shots = join(dirname(fileURLToPath(import.meta.url)), '../../target/e2e/screenshots/themes');
const cleanup = [];
after(() => cleanup.forEach((stop) => stop()));

test('the demo page switches between two themes', { timeout: 60_000 }, async () => {
  const server = await startServer();
  const browser = await launchChromium();
  cleanup.push(() => browser.close(), () => server.stop());
  const page = await newPage(browser);
  await page.setViewportSize({ width: 1280, height: 800 });
  const token = server.invite().split('/').pop();
  await page.goto(`${server.origin}/demo/${token}`);
  mkdirSync(shots, { recursive: true });
  const start = part(page, 'start');
  await start.waitFor();
  const look = () => start.evaluate((button) => {
    const style = getComputedStyle(button);
    return { background: style.backgroundColor, radius: style.borderTopLeftRadius };
  });
  const classic = await look();
  await page.screenshot({ path: join(shots, 'classic.png'), fullPage: true });
  assert.deepEqual(await seriousViolations(page), [], 'classic: accessible');

  await page.getByRole('button', { name: 'Midnight' }).click();
  const midnight = await look();
  await page.screenshot({ path: join(shots, 'midnight.png'), fullPage: true });
  assert.notEqual(midnight.background, classic.background, 'the accent colour comes from the host page');
  assert.equal(midnight.radius, '999px', '::part(button) styles apply');
  assert.deepEqual(await seriousViolations(page), [], 'midnight: accessible');
});
