// The hiring team invites a candidate from the review page, with their name, email and
// accommodations; the page shows the link to send; the candidate who opens it sees the
// adjustments on the overview, and the review page lists them by name. Photographed.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';
import { seriousViolations } from '../support/axe.mjs';
import { part } from '../support/flow.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const shots = join(here, '../../target/e2e/screenshots/review-invite');
const cleanup = [];
after(async () => { for (const stop of cleanup) await stop(); });

test('an invite made in the review page reaches its candidate with their accommodations', { timeout: 120_000 }, async () => {
  const server = await startServer();
  const browser = await launchChromium();
  cleanup.push(() => browser.close(), () => server.stop());
  mkdirSync(shots, { recursive: true });
  const review = await newPage(browser);
  await review.goto(server.reviewLink());
  await review.locator('details.invite summary').first().click();
  const form = review.locator('details.invite form').first();
  await form.locator('input[name="name"]').fill('Ada Lovelace');
  await form.locator('input[name="email"]').fill('ada@example.com');
  await form.locator('select[name="time_percent"]').selectOption('150');
  await form.locator('input[name="manual_start"]').check();
  await review.screenshot({ path: join(shots, '1-form.png'), fullPage: true });
  await form.locator('button').click();
  const link = await review.locator('#invite-link').inputValue();
  assert.match(link, /\/i\/[A-Za-z0-9_-]{43}$/);
  assert.match(await review.locator('h2').textContent(), /Ada Lovelace/);
  assert.deepEqual(await seriousViolations(review), [], 'the page with the link is accessible');
  await review.screenshot({ path: join(shots, '2-link.png'), fullPage: true });

  const candidate = await newPage(browser);
  await candidate.goto(link);
  await part(candidate, 'accommodations').waitFor({ timeout: 30_000 });
  assert.match(await part(candidate, 'accommodations').textContent(), /start it yourself/);

  await review.goto(server.reviewLink());
  assert.match(await review.locator('article h3').first().textContent(), /Ada Lovelace <ada@example.com>/);
  assert.match(await review.locator('article .accommodations').first().textContent(), /150% time/);
});
