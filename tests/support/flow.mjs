// Steps of the candidate's flow, by the widget's `part` names (stable across languages).
import { recordedBytes, takeUploaded } from './takes.mjs';

/** The element with `part` name `name` (inside the shadow root; Playwright pierces it). */
export const part = (page, name) => page.locator(`[part~="${name}"]`).first();

/** Overview -> device check -> test video -> practice -> the question list. */
export async function warmUp(page) {
  await part(page, 'start').click();
  await pastDeviceCheck(page);
}

/** Device check -> test video -> practice -> the question list. */
export async function pastDeviceCheck(page) {
  await page.locator('[part~="continue"]:enabled').click({ timeout: 30_000 });
  await part(page, 'record').click();
  await page.waitForTimeout(1_000);
  await part(page, 'stop').click();
  await part(page, 'submit').click(); // Looks good
  await part(page, 'record').click(); // practice, before its think time ends
  await page.waitForTimeout(1_000);
  await part(page, 'stop').click();
  await part(page, 'submit').click(); // Continue to the questions
  await part(page, 'question-item').waitFor();
}

/** Reveals `question` and starts recording it; returns once the timer runs. */
export async function startAnswer(page, question) {
  await page.locator(`[data-question="${question}"] [part~="view-question"]`).click();
  await part(page, 'record').click();
  await part(page, 'timer').waitFor();
}

/** Stops the answer being recorded and submits it once uploaded: the `take-uploaded`
 * detail and the bytes the recorder produced. */
export async function stopAndSubmit(page, question) {
  const uploaded = takeUploaded(page);
  await part(page, 'stop').click();
  const detail = await uploaded;
  const recorded = await recordedBytes(page);
  await part(page, 'submit').click();
  await page.locator(`[data-question="${question}"][data-submitted="true"]`).waitFor({ timeout: 60_000 });
  return { detail, recorded };
}

/** Reveals `question`, records about `seconds`, stops and submits; waits until it is submitted. */
export async function answer(page, question, seconds) {
  await startAnswer(page, question);
  await page.waitForTimeout(seconds * 1000);
  await part(page, 'stop').click();
  await part(page, 'submit').click();
  await page.locator(`[data-question="${question}"][data-submitted="true"]`).waitFor({ timeout: 60_000 });
}
