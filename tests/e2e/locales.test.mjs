// Every word in the candidate's language: the plural forms of each locale cover what
// Intl.PluralRules asks for 0, 1, 2, 3, 11 and 100; in each non-English locale a
// one-question interview reads correctly, no English text shows on any screen, and axe
// finds nothing serious; an invalid invite link says so in the candidate's language.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';
import { seriousViolations } from '../support/axe.mjs';
import { part } from '../support/flow.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const localeDir = join(here, '../../widget/locales');
const cleanup = [];
after(() => cleanup.forEach((stop) => stop()));

/** The messages of a translation file: key -> { text } or { variable, variants: { name: text } }. */
function parse(source) {
  const messages = {};
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i].trim();
    if (!line || line.startsWith('#')) continue;
    const [key, ...rest] = line.split('=');
    const value = rest.join('=').trim();
    const select = value.match(/^\{ \$(\S+) ->$/);
    if (!select) {
      messages[key.trim()] = { text: value };
      continue;
    }
    const variants = {};
    for (i += 1; lines[i].trim() !== '}'; i += 1) {
      const [, name, text] = lines[i].trim().match(/^\*?\[([^\]]+)\]\s*(.*)$/);
      variants[name] = text;
    }
    messages[key.trim()] = { variable: select[1], variants };
  }
  return messages;
}

const locales = Object.fromEntries(readdirSync(localeDir).filter((f) => f.endsWith('.ftl'))
  .map((f) => [f.replace('.ftl', ''), parse(readFileSync(join(localeDir, f), 'utf8'))]));
const others = Object.keys(locales).filter((code) => code !== 'en');

test('each locale has the plural forms Intl.PluralRules asks for', () => {
  assert.deepEqual(others.sort(), ['ar', 'de', 'es', 'fr', 'pt-BR']);
  for (const [code, messages] of Object.entries(locales)) {
    const rules = new Intl.PluralRules(code);
    for (const [key, message] of Object.entries(messages)) {
      if (!message.variants) continue;
      for (const n of [0, 1, 2, 3, 11, 100]) {
        const category = rules.select(n);
        assert.ok(category in message.variants || String(n) in message.variants,
          `${code}/${key}: no [${category}] form, which ${code} uses for ${n}`);
      }
    }
  }
  assert.equal(Object.keys(locales.ar['overview-questions'].variants).length, 6, 'Arabic has six forms');
});

/** The English fragments a screen in `code` must not show: each English text cut at its
 * placeholders, leaving out pieces the locale itself writes the same way. */
function englishFragments(code) {
  const own = readFileSync(join(localeDir, `${code}.ftl`), 'utf8');
  const texts = Object.values(locales.en).flatMap((m) => (m.variants ? Object.values(m.variants) : [m.text]));
  return [...new Set(texts.flatMap((text) => text.split(/\{ \$\S+ \}/)).map((f) => f.trim()))]
    .filter((fragment) => fragment.length >= 4 && !own.includes(fragment) && !['ltr', 'rtl', 'sha256'].includes(fragment));
}

for (const code of others) {
  test(`a one-question interview in ${code}: every screen in ${code}`, { timeout: 180_000 }, async () => {
    const server = await startServer({ interviews: join(here, 'one-question-interview.json') });
    const browser = await launchChromium();
    cleanup.push(() => browser.close(), () => server.stop());
    const page = await newPage(browser);
    await page.goto(`${server.invite()}?lang=${code}`);
    const english = englishFragments(code);
    const screen = async (name) => {
      const text = await part(page, 'root').evaluate((root) => root.innerText);
      const shown = english.filter((fragment) => text.includes(fragment));
      assert.deepEqual(shown, [], `${code} ${name}: English on screen:\n${text}`);
      assert.deepEqual(await seriousViolations(page), [], `${code} ${name}: no serious accessibility violations`);
      return text;
    };

    await part(page, 'start').waitFor();
    assert.equal(await part(page, 'root').getAttribute('lang'), code);
    const overview = await screen('overview');
    const one = locales[code]['overview-questions'].variants[new Intl.PluralRules(code).select(1)]
      .replace('{ $count }', new Intl.NumberFormat(code).format(1));
    assert.ok(overview.includes(one.replace(/[\u2068\u2069]/g, '')) || overview.replace(/[\u2068\u2069]/g, '').includes(one),
      `${code}: the overview says "${one}"`);
    await part(page, 'start').click();
    await page.locator('[part~="continue"]:enabled').click({ timeout: 30_000 });
    await part(page, 'record').click();
    await part(page, 'stop').waitFor();
    await screen('test video, recording');
    await page.waitForTimeout(1_000);
    await part(page, 'stop').click();
    await part(page, 'playback').waitFor();
    await screen('test video, review');
    await part(page, 'submit').click();
    await part(page, 'countdown').waitFor();
    await screen('practice, thinking');
    await part(page, 'record').click();
    await page.waitForTimeout(1_000);
    await part(page, 'stop').click();
    await part(page, 'submit').click();
    await part(page, 'question-item').waitFor();
    await screen('questions');
    await part(page, 'view-question').click();
    await part(page, 'countdown').waitFor();
    await screen('question, thinking');
    await part(page, 'record').click();
    await part(page, 'timer').waitFor();
    await page.waitForTimeout(1_500);
    await screen('question, recording');
    await part(page, 'stop').click();
    await part(page, 'playback').waitFor();
    await screen('question, review');
    await part(page, 'submit').click();
    await part(page, 'receipt-item').waitFor({ timeout: 60_000 });
    await screen('done');
  });
}

test('an invalid invite link says so in the candidate\'s language', { timeout: 120_000 }, async () => {
  const server = await startServer();
  const browser = await launchChromium();
  cleanup.push(() => browser.close(), () => server.stop());
  const unknown = 'x'.repeat(43);
  for (const code of Object.keys(locales)) {
    const page = await newPage(browser);
    await page.addInitScript(() => {
      window.recorderErrors = [];
      document.addEventListener('error', (event) => event.detail && window.recorderErrors.push(event.detail));
    });
    await page.goto(`${server.origin}/i/${unknown}?lang=${code}`);
    const error = part(page, 'error');
    await error.waitFor();
    assert.equal((await error.textContent()).trim(), locales[code]['error-invite-invalid'].text, code);
    // The host page hears the server's reason, and the English message, whatever the language.
    const [detail] = await page.evaluate(() => window.recorderErrors);
    assert.equal(detail?.code, 'session', code);
    assert.equal(detail?.reason, 'invite-invalid', code);
    await page.close();
  }
});
