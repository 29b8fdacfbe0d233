// The whole interview, as a candidate goes through it, on a desktop and on a
// phone, in English and in Arabic (right to left): test video re-recorded once,
// practice, three questions (one started by its think countdown and stopped
// by its limit, one retaken until no attempt is left), done. The receipt shown
// equals what the server stored. Every screen is checked with axe-core and
// photographed into target/e2e/screenshots/.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';
import { seriousViolations } from '../support/axe.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const shots = join(here, '../../target/e2e/screenshots');
const cleanup = [];
after(async () => { for (const stop of cleanup) await stop(); });

const desktop = { width: 1280, height: 800 };
const phone = { width: 360, height: 740 };
const variants = [
  { name: 'desktop-en', viewport: desktop, lang: 'en' },
  { name: 'phone-en', viewport: phone, lang: 'en', phone: true },
  { name: 'desktop-ar', viewport: desktop, lang: 'ar' },
  { name: 'phone-ar', viewport: phone, lang: 'ar', phone: true },
];

for (const variant of variants) {
  test(`the whole interview (${variant.name})`, { timeout: 240_000 }, async () => {
    const server = await startServer({ interviews: join(here, 'short-interview.json') });
    const browser = await launchChromium();
    cleanup.push(() => browser.close(), () => server.stop());
    const page = await newPage(browser);
    await page.setViewportSize(variant.viewport);
    await page.goto(`${server.invite()}?lang=${variant.lang}`);
    const dir = join(shots, variant.name);
    mkdirSync(dir, { recursive: true });
    let shot = 0;
    const screen = async (name) => {
      shot += 1;
      await page.screenshot({ path: join(dir, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true });
      assert.deepEqual(await seriousViolations(page), [], `${name}: no serious accessibility violations`);
      if (variant.phone) {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= variant.viewport.width, `${name}: no horizontal scroll (${width} px)`);
      }
    };
    const part = (name) => page.locator(`[part~="${name}"]`);
    const click = async (name, scope = page) => {
      const target = scope.locator(`[part~="${name}"]`).first();
      await target.click({ timeout: 30_000 });
    };
    const direction = await page.locator('interview-recorder').evaluate(
      (element) => new Promise((resolve) => {
        const check = () => {
          const root = element.shadowRoot?.querySelector('[part=root]');
          if (root) resolve(root.getAttribute('dir')); else setTimeout(check, 50);
        };
        check();
      }),
    );
    assert.equal(direction, variant.lang === 'ar' ? 'rtl' : 'ltr');

    await part('start').waitFor();
    await screen('overview');
    await click('start');
    await part('continue').and(page.locator(':enabled')).waitFor({ timeout: 30_000 });
    await screen('device-check');
    await click('continue');

    // Test video, re-recorded once (Re-record starts the new recording).
    await click('record');
    for (const round of [1, 2]) {
      await part('stop').waitFor();
      if (round === 1) await screen('test-video-recording');
      await page.waitForTimeout(1_000);
      await click('stop');
      await part('playback').waitFor();
      if (round === 1) {
        await screen('test-video-review');
        await click('retake');
      }
    }
    await click('submit'); // Looks good

    // Practice, started early.
    await part('countdown').waitFor();
    await screen('practice-think');
    await click('record');
    await page.waitForTimeout(1_000);
    await click('stop');
    await click('submit'); // Continue to the questions
    await part('question-item').first().waitFor();
    await screen('questions');
    assert.equal(server.uploads().length, 0, 'nothing of the warm-up was uploaded');

    // q1: the think countdown (2 s) starts recording, the 5 s limit stops it.
    await click('view-question', page.locator('[data-question="q1"]'));
    await part('countdown').waitFor();
    await screen('question-think');
    const announced = await part('announcer').textContent();
    assert.match(announced, variant.lang === 'ar' ? /يبدأ التسجيل/ : /Recording starts in \d seconds/, 'the countdown is announced');
    await part('timer').waitFor({ timeout: 10_000 });
    await screen('question-recording');
    await part('playback').waitFor({ timeout: 20_000 });
    await screen('question-review');
    assert.equal(await part('retake').count(), 0, 'q1 allows one take: no retake');
    await click('submit');

    // q2: two attempts; retake once, then no retake button.
    await click('view-question', page.locator('[data-question="q2"]'));
    await click('record');
    await page.waitForTimeout(1_500);
    await click('stop');
    await part('playback').waitFor();
    assert.equal(await part('retake').count(), 1);
    await click('retake');
    await page.waitForTimeout(1_500);
    await click('stop');
    await part('playback').waitFor();
    assert.equal(await part('retake').count(), 0, 'attempts used up: the retake button is gone');
    await click('submit');

    // q3, then done.
    await click('view-question', page.locator('[data-question="q3"]'));
    await click('record');
    await page.waitForTimeout(1_500);
    await click('stop');
    await click('submit');
    await part('receipt-item').nth(2).waitFor({ timeout: 60_000 });
    await screen('done');

    // The receipt shown equals the files on the server's disk.
    const shown = await part('receipt-item').evaluateAll((items) => items.map((item) => ({
      question: item.dataset.question, bytes: Number(item.dataset.bytes), sha256: item.dataset.sha256,
    })));
    const uploads = server.uploads();
    assert.equal(shown.length, 3);
    for (const answer of shown) {
      const stored = uploads.filter((u) => u.question_id === answer.question && u.sha256 === answer.sha256);
      assert.equal(stored.length, 1, `${answer.question}: the shown take is on the server`);
      const bytes = readFileSync(stored[0].path);
      assert.equal(bytes.length, answer.bytes, `${answer.question}: size`);
      assert.equal(createHash('sha256').update(bytes).digest('hex'), answer.sha256, `${answer.question}: sha256`);
    }
    assert.equal(uploads.filter((u) => u.question_id === 'q2').length, 2, 'q2 was recorded twice');
  });
}
