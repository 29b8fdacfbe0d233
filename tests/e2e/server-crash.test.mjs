// The demo-server is SIGKILLed in the middle of an answer and comes back 4 s later:
// the recording goes on, the upload resumes from what the server kept, and the stored
// file is the recorder's bytes, exactly; the attempt is charged once.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';
import { startAnswer, stopAndSubmit, warmUp } from '../support/flow.mjs';
import { bytesLost } from '../support/takes.mjs';

const cleanup = [];
after(() => cleanup.forEach((stop) => stop()));

test('a server crash during an answer loses nothing', { timeout: 120_000 }, async () => {
  const server = await startServer();
  const browser = await launchChromium();
  cleanup.push(() => browser.close(), () => server.stop());
  const page = await newPage(browser);
  const invite = server.invite();
  await page.goto(invite);
  await warmUp(page);
  await startAnswer(page, 'q1');
  await page.waitForTimeout(3_000);

  await server.kill();
  const kept = server.uploads()[0].offset;
  assert.ok(kept > 0, 'part of the take was durable before the crash');
  await page.waitForTimeout(4_000);
  await server.restart();
  await page.waitForTimeout(3_000);

  const { detail, recorded } = await stopAndSubmit(page, 'q1');

  const takes = server.uploads();
  assert.equal(takes.length, 1, 'the same upload went on after the restart');
  assert.ok(takes[0].completed_at, 'and completed');
  assert.ok(recorded.length > kept, 'bytes recorded during and after the crash were uploaded too');
  assert.equal(detail.bytes, recorded.length);
  assert.equal(bytesLost(recorded, takes[0].path), 0, "the server's file is the recorder's bytes");
  assert.equal(takes[0].sha256, detail.sha256);
  assert.equal(await server.attemptsUsed(invite.split('/').pop(), 'q1'), 1, 'the attempt was charged once');
});
