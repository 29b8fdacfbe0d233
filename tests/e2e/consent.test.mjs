// Consent before the camera: the candidate reads the interview's text and its privacy
// link, then agrees (the device check follows) or declines (a polite end that a reload
// keeps). Both answers are recorded by the server, shown in the review page and sent to
// the webhook; a candidate who declined cannot reveal a question. On a desktop in
// English and on a phone in Arabic, checked with axe and photographed.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../support/server.mjs';
import { eventually, receiver } from '../support/webhook.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';
import { seriousViolations } from '../support/axe.mjs';
import { VARIANTS } from '../support/variants.mjs';
import { part } from '../support/flow.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const shots = join(here, '../../target/e2e/screenshots/consent');
const [interview] = JSON.parse(readFileSync(join(here, 'consent-interview.json'), 'utf8'));
const cleanup = [];
after(async () => { for (const stop of cleanup) await stop(); });

for (const variant of VARIANTS) {
  test(`consent agreed and declined are both recorded (${variant.name})`, { timeout: 120_000 }, async () => {
    const hook = await receiver();
    cleanup.push(hook.close);
    const server = await startServer({
      interviews: join(here, 'consent-interview.json'),
      args: ['--webhook-url', hook.url, '--webhook-secret', 'e2e-secret'],
    });
    const browser = await launchChromium();
    cleanup.push(() => browser.close(), () => server.stop());
    const dir = join(shots, variant.name);
    mkdirSync(dir, { recursive: true });
    const open = async (url) => {
      const page = await newPage(browser);
      await page.setViewportSize(variant.viewport);
      await page.goto(`${url}?lang=${variant.lang}`);
      return page;
    };

    // Agreed: the text as written, the privacy link, then the device check.
    const agreeing = await open(server.invite());
    await part(agreeing, 'start').click();
    await part(agreeing, 'consent').waitFor();
    const shown = await part(agreeing, 'consent-text').evaluate((element) => element.innerText);
    assert.equal(shown, interview.consent.text, 'the text as written, its line breaks kept');
    assert.equal(await part(agreeing, 'privacy').getAttribute('href'), 'https://example.com/privacy');
    assert.equal(await part(agreeing, 'preview').count(), 0, 'no camera before consent');
    assert.deepEqual(await seriousViolations(agreeing), [], 'the consent screen is accessible');
    await agreeing.screenshot({ path: join(dir, '1-consent.png'), fullPage: true });
    await part(agreeing, 'agree').click();
    await part(agreeing, 'device-check').waitFor();

    // Declined: a polite end, still there after a reload; nothing can be revealed.
    const invite = server.invite();
    const declining = await open(invite);
    await part(declining, 'start').click();
    await part(declining, 'decline').click();
    await part(declining, 'declined').waitFor();
    assert.deepEqual(await seriousViolations(declining), [], 'the declined screen is accessible');
    await declining.screenshot({ path: join(dir, '2-declined.png'), fullPage: true });
    await declining.reload();
    await part(declining, 'declined').waitFor();
    const token = invite.split('/').pop();
    const reveal = await fetch(`${server.origin}/api/questions/q1/reveal`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(reveal.status, 403, 'a candidate who declined records nothing');
    assert.equal((await reveal.json()).code, 'consent-required');

    // The hiring team sees both, in the review page and through the webhook.
    const review = await newPage(browser);
    await review.goto(server.reviewLink());
    for (const [invite, state] of [[1, 'agreed'], [2, 'declined']]) {
      await review.locator(`article[data-invite="${invite}"][data-consent="${state}"]`).waitFor();
    }
    assert.ok(await eventually(() => hook.bodies.length >= 2), `webhook bodies: ${JSON.stringify(hook.bodies)}`);
    const decisions = hook.bodies
      .filter((body) => body.event === 'interview.consent')
      .map((body) => [body.candidate, body.consent.agreed])
      .sort();
    assert.deepEqual(decisions, [[1, true], [2, false]]);
  });
}
