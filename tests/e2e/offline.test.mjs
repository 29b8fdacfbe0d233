// 30 seconds offline in the middle of an answer: the recording goes on, the candidate
// is told their answer is kept, and once back online the upload resumes at once; the
// server's file is the recorder's bytes, exactly. SOAK_RUNS repeats it (cargo xtask soak).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';
import { part, startAnswer, stopAndSubmit, warmUp } from '../support/flow.mjs';
import { sha256 } from '../support/media.mjs';
import { bytesLost, uploadProgress } from '../support/takes.mjs';

const runs = Number(process.env.SOAK_RUNS ?? 1);
const OFFLINE_MS = 30_000;
const outcomes = [];
let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.stop();
  const failures = outcomes.filter((o) => !o.ok).length + (runs - outcomes.length);
  const lost = outcomes.reduce((sum, o) => sum + (o.lost ?? 0), 0);
  console.log(`soak summary: offline runs=${runs} failures=${failures} bytes_lost=${lost}`);
});

async function offlineAnswer() {
  const page = await newPage(browser);
  try {
    await page.goto(server.invite());
    await warmUp(page);
    await startAnswer(page, 'q1');
    await page.waitForTimeout(3_000);

    await page.context().setOffline(true);
    await part(page, 'offline').waitFor({ timeout: 5_000 });
    const atCut = await uploadProgress(page);
    await page.waitForTimeout(OFFLINE_MS);
    const afterOffline = await uploadProgress(page);
    assert.ok(afterOffline.recorded > atCut.recorded + 100_000,
      `recording went on offline (${atCut.recorded} -> ${afterOffline.recorded} bytes)`);
    assert.ok(afterOffline.acknowledged <= atCut.recorded, 'nothing recorded offline was acknowledged');

    await page.context().setOffline(false);
    await part(page, 'offline').waitFor({ state: 'detached' });
    await page.waitForTimeout(3_000);
    const backOnline = await uploadProgress(page);
    assert.ok(backOnline.acknowledged > afterOffline.recorded,
      'back online, the upload caught up at once instead of waiting out its backoff');
    const { detail, recorded } = await stopAndSubmit(page, 'q1');

    const take = server.uploads().find((u) => detail.url.endsWith(`/${u.id}`));
    assert.ok(take?.completed_at, 'the take completed on the server');
    const lost = bytesLost(recorded, take.path);
    assert.equal(detail.bytes, recorded.length, 'the event reports every recorded byte');
    assert.equal(sha256(take.path), detail.sha256, "the server's file has the recorder's sha256");
    return { lost };
  } finally {
    await page.close();
  }
}

for (let run = 1; run <= runs; run += 1) {
  test(`30 s offline during an answer loses nothing (run ${run} of ${runs})`, { timeout: 180_000 }, async () => {
    const outcome = { ok: false };
    outcomes.push(outcome);
    Object.assign(outcome, await offlineAnswer());
    assert.equal(outcome.lost, 0, 'no recorded byte is missing or wrong on the server');
    outcome.ok = true;
  });
}
