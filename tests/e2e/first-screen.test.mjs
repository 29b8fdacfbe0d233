// The overview is drawn by the loader (widget/js/first-screen.js) while the wasm is still
// on its way, then the wasm's own screens take over. Here the wasm is held back until
// the test lets it through, so "before" really is before: the first screen must say the
// same words as the recorder's own overview in every locale (one question and three,
// a deadline, a help contact), and a Start pressed on it must lead to the camera check once the wasm
// has arrived, with nothing pressed twice and no page error.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, hostPage, startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';

const cleanup = [];
after(() => cleanup.forEach((stop) => stop()));

const LOCALES = ['en', 'es', 'fr', 'de', 'pt-BR', 'ar'];
const question = (id, attempts) => ({ id, prompt: { text: `Question ${id}?` }, think_seconds: 20, answer_seconds: 90, attempts });
const INTERVIEWS = [
  {
    id: 'one', title: 'One question', deadline: 1_893_456_000, branding: { company: 'Example Hiring Co.' },
    help: { email: 'jobs@example.com', url: 'https://example.com/help' }, questions: [question('q1', 1)],
  },
  { id: 'three', title: 'Three questions', questions: [question('q1', 2), question('q2', 3), question('q3', 1)] },
];

/** A page whose main wasm is held until `release()`; `served` says whether it went out. */
async function heldBack(browser) {
  const tab = await newPage(browser);
  const errors = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  const held = { tab, errors, served: false, release: () => release() };
  await tab.route(/\/recorder\/widget_bg\.[0-9a-f]{16}\.wasm$/, async (route) => {
    await released;
    held.served = true;
    await route.continue();
  });
  return held;
}

const first = '.ir-first [part~="overview"]';

/** In the page: the help contact under `root`'s screen, as its text and links, or null. */
function contactOf(root) {
  const contact = root.querySelector('[part~="contact"]');
  return contact && [contact.innerText, ...[...contact.querySelectorAll('a')].map((a) => `${a.getAttribute('part')} ${a.href} ${a.dir}`)];
}
const own = '.ir:not(.ir-first) [part~="overview"]';

test('the loader draws the overview before the wasm, in every locale, with the words of the recorder\'s own', { timeout: 240_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ir-first-'));
  writeFileSync(join(dir, 'interviews.json'), JSON.stringify(INTERVIEWS));
  const server = await startServer({ interviews: join(dir, 'interviews.json') });
  const browser = await launchChromium();
  cleanup.push(() => browser.close(), () => server.stop());
  for (const interview of ['one', 'three']) {
    for (const code of LOCALES) {
      const { tab, errors, release, ...held } = await heldBack(browser);
      await tab.goto(`${server.invite(interview)}?lang=${code}`);
      await tab.locator(`${first} [part~="start"]:enabled`).waitFor({ timeout: 30_000 });
      assert.equal(held.served, false, 'drawn while the wasm is held back');
      const drawn = await tab.locator('.ir-first').evaluate((root) => ({
        lang: root.getAttribute('lang'),
        dir: root.getAttribute('dir'),
        text: root.querySelector('[part~="overview"]').innerText,
      }));
      drawn.contact = await tab.locator('.ir-first').evaluate(contactOf);
      release();
      await tab.locator('.ir-first').waitFor({ state: 'detached', timeout: 60_000 });
      const mounted = await tab.locator(own).evaluate((section) => ({
        lang: section.closest('.ir').getAttribute('lang'),
        dir: section.closest('.ir').getAttribute('dir'),
        text: section.innerText,
      }));
      mounted.contact = await tab.locator('.ir:not(.ir-first)').evaluate(contactOf);
      assert.deepEqual(drawn, mounted, `${interview} in ${code}: the first screen is the recorder's overview`);
      assert.equal(drawn.lang, code);
      assert.equal(drawn.contact === null, interview !== 'one', 'the help contact, where the interview has one');
      assert.equal(drawn.dir, code === 'ar' ? 'rtl' : 'ltr');
      assert.deepEqual(errors, []);
      await tab.close();
    }
  }
});

test('Start pressed before the wasm arrives goes on to the camera check when it has', { timeout: 120_000 }, async () => {
  const server = await startServer();
  const browser = await launchChromium();
  cleanup.push(() => browser.close(), () => server.stop());
  const { tab, errors, release, ...held } = await heldBack(browser);
  await tab.goto(server.invite());
  await tab.locator(`${first} [part~="start"]`).click({ timeout: 30_000 });
  assert.equal(held.served, false);
  assert.equal(await tab.locator(`${first} [part~="start"]`).isDisabled(), true, 'pressed once, not twice');
  assert.equal(await tab.locator(`${first} .ir-loading`).count(), 1, 'the candidate sees it is on its way');
  release();
  await tab.locator('[part~="device-check"]').waitFor({ timeout: 60_000 });
  assert.equal(await tab.locator('.ir-first').count(), 0, 'the first screen is gone');
  await tab.locator('[part~="continue"]:enabled').waitFor({ timeout: 30_000 });
  assert.deepEqual(errors, []);
});

test('a vendor\'s translations (the element\'s attribute) reach the first screen, the recorder, and the words when it cannot start', { timeout: 120_000 }, async () => {
  const english = readFileSync(new URL('../../widget/locales/en.ftl', import.meta.url), 'utf8');
  const italian = english
    .replace(/^start-interview = .*$/m, 'start-interview = Inizia il colloquio')
    .replace(/^error-load-failed = .*$/m, 'error-load-failed = Il registratore non è partito: controlla la connessione.');
  const file = `data:text/plain;charset=utf-8,${encodeURIComponent(italian)}`;
  const hostPort = await freePort();
  const hostOrigin = `http://127.0.0.1:${hostPort}`;
  const server = await startServer({ allowedOrigins: [hostOrigin] });
  const invite = server.invite().split('/').pop();
  const html = `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Lavora con noi</title>
    <script type="module" src="${server.origin}/recorder/interview-recorder.js"></script></head><body>
    <interview-recorder invite="${invite}" api="${server.origin}/api" lang="it"
      translations='${JSON.stringify({ it: file }).replace(/'/g, '&#39;')}'></interview-recorder>
    </body></html>`;
  const host = await hostPage(hostPort, html);
  const browser = await launchChromium();
  cleanup.push(() => browser.close(), () => server.stop(), () => host.close());

  const { tab, errors, release } = await heldBack(browser);
  await tab.goto(hostOrigin);
  const start = tab.locator(`${first} [part~="start"]`);
  assert.equal((await start.textContent({ timeout: 30_000 })).trim(), 'Inizia il colloquio');
  release();
  await tab.locator('.ir-first').waitFor({ state: 'detached', timeout: 60_000 });
  assert.equal((await tab.locator(`${own} [part~="start"]`).textContent()).trim(), 'Inizia il colloquio');
  assert.deepEqual(errors, []);
  await tab.close();

  // The wasm cannot be had (the connection dropped): the loader says so, in Italian.
  const failing = await newPage(browser);
  await failing.route(/\/recorder\/widget_bg\.[0-9a-f]{16}\.wasm$/, (route) => route.abort('connectionreset'));
  await failing.addInitScript(() => {
    window.recorderErrors = [];
    document.addEventListener('error', (event) => event.detail && window.recorderErrors.push(event.detail), true);
  });
  await failing.goto(hostOrigin);
  const said = failing.locator('interview-recorder [part~="error"]');
  await said.waitFor({ timeout: 30_000 });
  assert.equal((await said.textContent()).trim(), 'Il registratore non è partito: controlla la connessione.');
  assert.equal(await said.getAttribute('lang'), 'it');
  const detail = await failing.evaluate(() => window.recorderErrors[0]);
  assert.equal(detail?.code, 'load-failed');
});
