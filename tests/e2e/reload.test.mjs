// Leaving in the middle of an answer, by a reload or by closing the tab and opening the
// invite again: the page warns first; then the take, kept in IndexedDB, resumes uploading
// from the server's offset and completes, the candidate lands in its review, and the
// attempt is charged once.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';
import { part, startAnswer, warmUp } from '../support/flow.mjs';
import { takeUploaded } from '../support/takes.mjs';

const cleanup = [];
after(() => cleanup.forEach((stop) => stop()));

const ways = {
  async reload(page) {
    await page.reload();
    return page;
  },
  async 'closing the tab and reopening the invite'(page, invite) {
    const reopened = await newPage(page.context());
    const closed = page.waitForEvent('close');
    await page.close({ runBeforeUnload: true });
    await closed;
    await reopened.goto(invite);
    return reopened;
  },
};

for (const [way, leave] of Object.entries(ways)) {
  test(`${way} during an answer loses nothing and charges the attempt once`, { timeout: 120_000 }, async () => {
    const server = await startServer();
    const browser = await launchChromium();
    cleanup.push(() => browser.close(), () => server.stop());
    const page = await newPage(await browser.newContext());
    const dialogs = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      dialog.accept();
    });
    const invite = server.invite();
    await page.goto(invite);
    await warmUp(page);
    await startAnswer(page, 'q1');
    await page.waitForTimeout(3_000);
    assert.ok(server.uploads()[0]?.offset > 0, 'part of the take reached the server');

    const back = await leave(page, invite);
    assert.deepEqual(dialogs, ['beforeunload'], 'the page warned before leaving unsaved bytes');
    const uploaded = takeUploaded(back);
    await part(back, 'start').click();
    await back.locator('[part~="continue"]:enabled').click({ timeout: 30_000 });
    await part(back, 'playback').waitFor({ timeout: 30_000 });
    const detail = await uploaded;
    await part(back, 'submit').click();
    await back.locator('[data-question="q1"][data-submitted="true"]').waitFor({ timeout: 60_000 });

    const takes = server.uploads().filter((u) => u.question_id === 'q1');
    assert.equal(takes.length, 1, 'the same upload was resumed, not a new one');
    assert.ok(takes[0].completed_at, 'and it completed');
    assert.equal(takes[0].sha256, detail.sha256, 'the stored bytes are the bytes kept on the device');
    assert.equal(await server.attemptsUsed(invite.split('/').pop(), 'q1'), 1, 'the attempt was charged once');
  });
}
