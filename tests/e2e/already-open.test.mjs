// One recorder per invite at a time in a browser: a second one (on the same page, or the
// invite opened again in another tab) says so in the candidate's language and emits
// `error` with code `already-open`, while the first goes on; once the first is gone, the
// invite opens again (a recorder removed and put back, a reload).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';
import { word } from '../support/words.mjs';

const cleanup = [];
after(() => cleanup.forEach((stop) => stop()));

async function setUp() {
  const server = await startServer();
  const browser = await launchChromium();
  cleanup.push(() => browser.close(), () => server.stop());
  const context = await browser.newContext();
  return { server, context };
}

/** Adds a recorder of `invite` to `page`; its `error` events go to `window.heard`. */
const add = (page, invite, api, lang) => page.evaluate(([invite, api, lang]) => {
  window.heard ??= [];
  const element = document.createElement('interview-recorder');
  element.setAttribute('invite', invite);
  element.setAttribute('api', api);
  if (lang) element.setAttribute('lang', lang);
  element.addEventListener('error', (event) => window.heard.push(event.detail));
  document.body.append(element);
}, [invite, api, lang]);

test('a second recorder of the same invite on one page says why it cannot, and the first goes on', { timeout: 120_000 }, async () => {
  const { server, context } = await setUp();
  const url = server.invite();
  const invite = url.split('/').pop();
  const page = await newPage(context);
  await page.goto(url);
  const recorders = page.locator('interview-recorder');
  await recorders.nth(0).locator('[part~="start"]').first().waitFor();

  await add(page, invite, `${server.origin}/api`, 'es');
  const second = recorders.nth(1).locator('[part~="error"]');
  await second.waitFor({ timeout: 10_000 });
  assert.equal((await second.textContent()).trim(), word('es', 'error-already-open'));
  assert.equal(await second.getAttribute('lang'), 'es');
  assert.deepEqual((await page.evaluate(() => window.heard)).map((d) => d.code), ['already-open']);
  await recorders.nth(0).locator('[part~="start"]').first().click();
  await recorders.nth(0).locator('[part~="device-check"]').waitFor({ timeout: 30_000 });

  // The first leaves the page; a recorder of the same invite added at once takes over.
  await page.evaluate(() => {
    const [first, second] = document.querySelectorAll('interview-recorder');
    first.remove();
    second.remove();
  });
  await add(page, invite, `${server.origin}/api`);
  await recorders.nth(0).locator('[part~="start"]').first().click({ timeout: 10_000 });
  await recorders.nth(0).locator('[part~="device-check"]').waitFor({ timeout: 30_000 });
  assert.deepEqual((await page.evaluate(() => window.heard)).map((d) => d.code), ['already-open'], 'no second refusal');
});

test('the invite opened again in another tab says so there; after the first tab closes, a reload opens it', { timeout: 120_000 }, async () => {
  const { server, context } = await setUp();
  const url = server.invite();
  const first = await newPage(context);
  await first.goto(url);
  await first.locator('[part~="start"]').first().waitFor();

  const second = await newPage(context);
  await second.goto(url);
  const error = second.locator('[part~="error"]');
  await error.waitFor({ timeout: 10_000 });
  assert.equal((await error.textContent()).trim(), word('en', 'error-already-open'));
  assert.equal(await second.locator('[part~="start"]').count(), 0, 'no overview to start from');

  await first.close();
  await second.reload();
  await second.locator('[part~="start"]').first().click({ timeout: 30_000 });
  await second.locator('[part~="device-check"]').waitFor({ timeout: 30_000 });
});
