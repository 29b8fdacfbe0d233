// The recorder's language: the page's `lang` wins; without it, the interview's locale;
// without that, the browser's (English here).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';
import { part } from '../support/flow.mjs';

const cleanup = [];
after(() => cleanup.forEach((stop) => stop()));

/** A server whose one interview is in `locale` (none: no locale). */
async function serverIn(locale) {
  const interviews = join(mkdtempSync(join(tmpdir(), 'ir-language-')), 'interviews.json');
  writeFileSync(interviews, JSON.stringify([{
    id: 'demo', title: 'Entrevista', ...(locale ? { locale } : {}),
    questions: [{ id: 'q1', prompt: { text: '¿Por qué nosotros?' }, think_seconds: 30, answer_seconds: 60, attempts: 2 }],
  }]));
  const server = await startServer({ interviews });
  cleanup.push(() => server.stop());
  return server;
}

/** The recorder's `lang`, `dir` and Start button text on `url`. */
async function shown(browser, url) {
  const page = await newPage(browser);
  await page.goto(url);
  await part(page, 'start').waitFor();
  const root = part(page, 'root');
  const result = {
    lang: await root.getAttribute('lang'),
    dir: await root.getAttribute('dir'),
    start: (await part(page, 'start').textContent()).trim(),
  };
  await page.close();
  return result;
}

test("the interview's locale, unless the page asks for another", { timeout: 90_000 }, async () => {
  const browser = await launchChromium();
  cleanup.push(() => browser.close());
  const spanish = await serverIn('es');
  const token = spanish.invite().split('/').pop();
  // The demo page sets no `lang`: the widget learns the locale from the interview.
  assert.deepEqual(await shown(browser, `${spanish.origin}/demo/${token}`),
    { lang: 'es', dir: 'ltr', start: 'Empezar la entrevista' });
  // The candidate page passes the page's choice on.
  assert.deepEqual(await shown(browser, `${spanish.origin}/i/${token}?lang=ar`),
    { lang: 'ar', dir: 'rtl', start: 'ابدأ المقابلة' });

  const unset = await serverIn(null);
  const other = unset.invite().split('/').pop();
  assert.deepEqual(await shown(browser, `${unset.origin}/demo/${other}`),
    { lang: 'en', dir: 'ltr', start: 'Start interview' });
});
