// Help and orientation: the hiring team's contact under every screen, tips for a good
// recording at the device check, a calm progress line (setup, practice, question 2 of
// 2), each question's think time, answer length and takes left (beside its status on a
// desktop, below it on a phone), and the receipt saying when the team will review. On a
// desktop in English and on a phone in Arabic, checked with axe and photographed.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';
import { seriousViolations } from '../support/axe.mjs';
import { word } from '../support/words.mjs';
import { DESKTOP_EN, PHONE_AR } from '../support/variants.mjs';
import { part } from '../support/flow.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const shots = join(here, '../../target/e2e/screenshots/orientation');
const interviews = join(here, 'orientation-interview.json');
const [interview] = JSON.parse(readFileSync(interviews, 'utf8'));
const cleanup = [];
after(async () => { for (const stop of cleanup) await stop(); });

const variants = [{ ...DESKTOP_EN, beside: true }, { ...PHONE_AR, beside: false }];

for (const variant of variants) {
  test(`help, tips, progress, question rules and the review date (${variant.name})`, { timeout: 180_000 }, async () => {
    const server = await startServer({ interviews });
    const browser = await launchChromium();
    cleanup.push(() => browser.close(), () => server.stop());
    const dir = join(shots, variant.name);
    mkdirSync(dir, { recursive: true });
    const page = await newPage(browser);
    await page.setViewportSize(variant.viewport);
    await page.goto(`${server.invite()}?lang=${variant.lang}`);
    const { lang } = variant;

    /** The contact is under the screen, with both ways to reach the team. */
    const contactShown = async (where) => {
      await part(page, 'contact').waitFor();
      assert.equal(await part(page, 'contact-email').getAttribute('href'), `mailto:${interview.help.email}`, where);
      assert.equal(await part(page, 'contact-page').getAttribute('href'), interview.help.url, where);
      assert.equal(await part(page, 'contact-page').textContent(), word(lang, 'contact-page'), where);
    };
    /** The progress line's steps: [text, data-state] each. */
    const steps = () => page.locator('[part~="progress"] li').evaluateAll((items) => items.map((li) => [
      li.textContent, li.dataset.state, li.getAttribute('aria-current'),
    ]));
    const checked = async (name, where) => {
      assert.deepEqual(await seriousViolations(page), [], `${where} is accessible`);
      await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
    };

    // Overview: the contact, no progress yet (the screen says where the candidate is).
    await contactShown('overview');
    assert.equal(await part(page, 'progress').count(), 0);
    await checked('1-overview', 'the overview');

    // Device check: setup is the step; the tips unfold.
    await part(page, 'start').click();
    await page.locator('[part~="continue"]:enabled').waitFor({ timeout: 30_000 });
    await contactShown('device check');
    assert.deepEqual(await steps(), [
      [word(lang, 'progress-setup'), 'current', 'step'],
      [word(lang, 'progress-practice'), 'next', null],
      [word(lang, 'progress-questions'), 'next', null],
    ]);
    await page.locator('[part~="tips"] summary').click();
    const tips = await page.locator('[part~="tips"] li').allTextContents();
    assert.deepEqual(tips, ['tip-quiet', 'tip-light', 'tip-framing', 'tip-connection'].map((k) => word(lang, k)));
    await checked('2-device-check', 'the device check with its tips');

    // Test video (still setup), then practice.
    await part(page, 'continue').click();
    await part(page, 'record').click();
    await page.waitForTimeout(1_000);
    await part(page, 'stop').click();
    await part(page, 'submit').click(); // Looks good
    await part(page, 'record').waitFor();
    await contactShown('practice');
    assert.deepEqual((await steps()).map(([, state]) => state), ['done', 'current', 'next']);
    await part(page, 'record').click();
    await page.waitForTimeout(1_000);
    await part(page, 'stop').click();
    await part(page, 'submit').click(); // Continue to the questions

    // The question list: each question's think time, length and takes left.
    await part(page, 'question-item').waitFor();
    await contactShown('question list');
    const [, , [listed, state]] = await steps();
    assert.equal(state, 'current');
    if (lang === 'en') assert.equal(listed, 'Questions: 0 of 2 answered');
    const rules = await page.locator('[part~="question-rules"]').evaluateAll((lists) => lists.map((list) => [...list.children].map((li) => li.textContent)));
    assert.equal(rules.length, 2);
    for (const [i, question] of interview.questions.entries()) {
      assert.equal(rules[i].length, 3, 'think time, length and takes left');
      if (lang === 'en') {
        assert.match(rules[i][0], new RegExp(`^Think time ${question.think_seconds}\\b`));
        assert.match(rules[i][1], new RegExp(`^Up to ${question.answer_seconds}\\b`));
        assert.equal(rules[i][2], `${question.attempts} of ${question.attempts} takes left`);
      }
    }
    const boxes = await page.locator('[data-question="q1"]').evaluate((item) => {
      const box = (selector) => item.querySelector(selector).getBoundingClientRect();
      const [head, list] = [box('.ir-question-head'), box('[part~="question-rules"]')];
      return { head: { top: head.top, bottom: head.bottom }, rules: { top: list.top } };
    });
    if (variant.beside) assert.ok(boxes.rules.top < boxes.head.bottom, `beside the status on a desktop: ${JSON.stringify(boxes)}`);
    else assert.ok(boxes.rules.top >= boxes.head.bottom - 1, `below the status on a phone: ${JSON.stringify(boxes)}`);
    await checked('3-questions', 'the question list');

    // q1: one take of two, submitted; its takes left drop.
    await page.locator('[data-question="q1"] [part~="view-question"]').click();
    await part(page, 'record').click();
    await part(page, 'timer').waitFor();
    await contactShown('an answer being recorded');
    const [, , [answering]] = await steps();
    if (lang === 'en') assert.equal(answering, 'Question 1 of 2');
    else assert.notEqual(answering, word(lang, 'progress-questions'));
    await checked('4-recording', 'the recording screen');
    await page.waitForTimeout(1_500);
    await part(page, 'stop').click();
    await part(page, 'submit').click();
    await page.locator('[data-question="q1"][data-submitted="true"]').waitFor({ timeout: 60_000 });
    if (lang === 'en') {
      assert.equal((await steps())[2][0], 'Questions: 1 of 2 answered');
      const q1 = await page.locator('[data-question="q1"] [part~="question-rules"] li').allTextContents();
      assert.equal(q1[2], '1 of 2 takes left');
    }

    // q2, then the receipt with the review date.
    await page.locator('[data-question="q2"] [part~="view-question"]').click();
    await part(page, 'record').click();
    await part(page, 'timer').waitFor();
    if (lang === 'en') assert.equal((await steps())[2][0], 'Question 2 of 2');
    await page.waitForTimeout(1_500);
    await part(page, 'stop').click();
    await part(page, 'submit').click();
    await page.locator('[part~="receipt-item"]').nth(1).waitFor({ timeout: 60_000 });
    await contactShown('done');
    const reviewBy = await part(page, 'review-by').textContent();
    const date = await page.evaluate(([ms, tag]) => new Date(ms).toLocaleString(tag, { dateStyle: 'long', timeStyle: 'short' }), [interview.review_by * 1000, lang]);
    assert.ok(reviewBy.includes(date), `the receipt names the review date (${date}): ${reviewBy}`);
    await checked('5-done', 'the receipt');
  });
}
