// More time: past the deadline the candidate cannot start, but asks the hiring team for
// more time with a short note; the review page grants a new deadline; opening the link
// again, the candidate sees it and answers, and the answer is stored whole. Both steps
// reach the webhook. On a desktop in English and on a phone in Arabic, checked with axe
// and photographed.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';
import { seriousViolations } from '../support/axe.mjs';
import { word } from '../support/words.mjs';
import { VARIANTS } from '../support/variants.mjs';
import { part, startAnswer, warmUp } from '../support/flow.mjs';
import { probe } from '../support/media.mjs';
import { eventually, receiver } from '../support/webhook.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const shots = join(here, '../../target/e2e/screenshots/extension');
const cleanup = [];
after(async () => { for (const stop of cleanup) await stop(); });

for (const variant of VARIANTS) {
  test(`a request for more time after the deadline, granted, then answered (${variant.name})`, { timeout: 180_000 }, async () => {
    const hook = await receiver();
    const server = await startServer({
      interviews: join(here, 'extension-interview.json'),
      args: ['--webhook-url', hook.url, '--webhook-secret', 'e2e-secret'],
    });
    const browser = await launchChromium();
    cleanup.push(() => browser.close(), () => server.stop(), hook.close);
    const dir = join(shots, variant.name);
    mkdirSync(dir, { recursive: true });
    const { lang } = variant;
    const page = await newPage(browser);
    await page.setViewportSize(variant.viewport);
    const link = `${server.invite()}?lang=${lang}`;
    await page.goto(link);
    const checked = async (shot, where) => {
      assert.deepEqual(await seriousViolations(page), [], `${where} is accessible`);
      await page.screenshot({ path: join(dir, `${shot}.png`), fullPage: true });
    };

    // Past the deadline: no Start, a way to ask for more time.
    await part(page, 'ask-extension').waitFor({ timeout: 30_000 });
    assert.match(await part(page, 'deadline').textContent(), new RegExp(word(lang, 'overview-deadline-passed')));
    assert.equal(await page.locator('[part~="start"]').count(), 0, 'nothing to start past the deadline');
    await checked('1-deadline-passed', 'the overview past the deadline');

    // The note: refused when empty, then sent.
    await part(page, 'ask-extension').click();
    await part(page, 'extension-note').waitFor();
    await part(page, 'send-extension').click();
    assert.equal(await page.locator('[part~="error"]').last().textContent(), word(lang, 'extension-note-empty'));
    const note = lang === 'ar' ? 'كنت مريضًا هذا الأسبوع.' : 'I was ill this week.';
    await part(page, 'extension-note').fill(note);
    await checked('2-extension', 'the request for more time');
    await part(page, 'send-extension').click();
    await part(page, 'extension-status').waitFor();
    assert.equal(await page.locator('[part~="ask-extension"]').count(), 0, 'one request at a time');
    await checked('3-pending', 'the overview with a request waiting');
    await page.reload();
    await part(page, 'extension-status').waitFor({ timeout: 30_000 });

    // The hiring team grants it in the review page.
    const review = await newPage(browser);
    await review.goto(server.reviewLink());
    const request = review.locator('[data-extension][data-status="pending"]');
    assert.match(await request.textContent(), new RegExp(note));
    await request.locator('input[name="until"]').fill('2099-12-31');
    await request.locator('button[value="grant"]').click();
    await review.locator('[data-extension][data-status="granted"]').waitFor();
    assert.match(await review.locator('[data-invite="1"]').textContent(), /\(extended\)/);
    await review.screenshot({ path: join(dir, '4-review-granted.png'), fullPage: true });
    await review.close();

    // Back on the link: the new deadline, and the interview goes on.
    await page.reload();
    await part(page, 'start').waitFor({ timeout: 30_000 });
    const extended = word(lang, 'overview-deadline-extended').split('{')[0].trim();
    assert.ok((await part(page, 'overview').textContent()).includes(extended), 'says the team gave more time');
    await checked('5-extended', 'the overview with more time');
    await warmUp(page);
    await startAnswer(page, 'q1');
    await page.waitForTimeout(2_000);
    await part(page, 'stop').click();
    await part(page, 'submit').click();
    await page.locator('[part~="receipt-item"]').first().waitFor({ timeout: 60_000 });
    const [stored] = server.uploads().filter((u) => u.question_id === 'q1' && u.completed_at);
    assert.ok(probe(stored.path).duration > 1, 'the answer is stored and plays');

    assert.ok(await eventually(() => hook.bodies.length >= 3), `webhook bodies: ${JSON.stringify(hook.bodies)}`);
    const events = hook.bodies.map((body) => body.event);
    assert.deepEqual(events.slice(0, 2), ['interview.extension-requested', 'interview.extension-decided']);
    assert.equal(hook.bodies[0].extension.note, note);
    assert.equal(hook.bodies[1].extension.status, 'granted');
    assert.ok(events.includes('interview.completed'));
  });
}
