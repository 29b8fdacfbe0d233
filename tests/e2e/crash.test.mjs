// After a bug stops the wasm (a panic: the module traps and cannot run again), every
// recorder on it says so and emits `error` with code "crashed", and the page can still
// mount a new recorder, which starts on a fresh instance. The panic is simulated where the
// wasm meets the loader: the glue module is served wrapped, so that mounting an invite
// named "crash-me" calls the loader's panic callback and throws the trap's RuntimeError,
// exactly what the module's panic hook and the trap do. The new recorder goes on to
// the screens that come from the wasm parts (fetched into the new instance).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { freePort, hostPage, startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';

const cleanup = [];
after(() => cleanup.forEach((stop) => stop()));

test('a panic shows in each recorder of that instance, and the next recorder starts afresh', { timeout: 120_000 }, async () => {
  const hostPort = await freePort();
  const hostOrigin = `http://127.0.0.1:${hostPort}`;
  const server = await startServer({ allowedOrigins: [hostOrigin] });
  const [first, later] = [server.invite(), server.invite()].map((url) => url.split('/').pop());
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Careers</title>
    <script type="module" src="${server.origin}/recorder/interview-recorder.js"></script></head><body>
    <script>
      window.events = [];
      window.add = (invite, lang) => {
        const element = document.createElement('interview-recorder');
        element.setAttribute('invite', invite);
        if (lang) element.setAttribute('lang', lang);
        element.setAttribute('api', '${server.origin}/api');
        element.addEventListener('error', (event) => window.events.push({ invite, detail: event.detail }));
        document.body.append(element);
        return element;
      };
    </script></body></html>`;
  const host = await hostPage(hostPort, page);
  const browser = await launchChromium();
  cleanup.push(() => browser.close(), () => server.stop(), () => host.close());
  const tab = await newPage(browser);
  const glue = /\/recorder\/widget\.[0-9a-f]{16}\.js$/;
  let wrapped = 0;
  await tab.route((url) => glue.test(url.pathname) && !url.search, async (route) => {
    wrapped += 1;
    const real = `${route.request().url()}?real`;
    await route.fulfill({
      contentType: 'text/javascript',
      headers: { 'Access-Control-Allow-Origin': '*' },
      body: `import * as real from '${real}';
        export * from '${real}';
        export default real.default;
        let panicked;
        export function onPanic(callback) { panicked = callback; return real.onPanic(callback); }
        export function mount(target, options) {
          if (options.invite !== 'crash-me') return real.mount(target, options);
          panicked();
          throw new WebAssembly.RuntimeError('unreachable');
        }`,
    });
  });
  // The second ask for the candidate's words (as a rule the loader's) is answered late: the
  // recorder has drawn its screens when it crashes, the loader waits for its words to say so.
  let askedWords = 0;
  await tab.route((url) => url.pathname.endsWith('.ftl'), async (route) => {
    askedWords += 1;
    if (askedWords === 2) await new Promise((resolve) => { setTimeout(resolve, 2_000); });
    await route.continue();
  });
  await tab.goto(hostOrigin);
  const recorder = (invite) => tab.locator(`interview-recorder[invite="${invite}"]`);

  await tab.evaluate((invite) => window.add(invite, 'es'), first);
  // .first(): while the first screen hands over, it and the recorder each draw a Start.
  await recorder(first).locator('[part~="start"]').first().waitFor();
  await tab.evaluate(() => window.add('crash-me'));
  await recorder(first).locator('[part~="error"]').first().waitFor();
  // Said by the loader, in the candidate's language.
  assert.match(await recorder(first).locator('[part~="error"]').first().textContent(), /se detuvo por un error/);
  const events = await tab.evaluate(() => window.events);
  assert.ok(events.some((e) => e.invite === first && e.detail.code === 'crashed'), JSON.stringify(events));

  await tab.evaluate((invite) => window.add(invite), later);
  // .first() again: the new recorder hands over from its own first screen (a Start pressed
  // there is pressed again in the recorder).
  await recorder(later).locator('[part~="start"]').first().click({ timeout: 30_000 });
  await recorder(later).locator('[part~="level"]').waitFor({ timeout: 30_000 });
  await recorder(later).locator('[part~="continue"]:enabled').click({ timeout: 30_000 });
  await recorder(later).locator('[part~="record"]').waitFor({ timeout: 30_000 });
  assert.equal(wrapped, 1, 'the new recorder runs on a fresh instance (its own glue import)');
});
