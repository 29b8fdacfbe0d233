// The hiring team's review page, as a browser plays it.
import { newPage } from './browser.mjs';

/** Opens the review page in `browser`, seeks the take `uploadId` to `seconds`; its duration
 * and where it landed. */
export async function seekInReview(browser, server, uploadId, seconds) {
  const review = await newPage(browser);
  await review.goto(server.reviewLink());
  try {
    return await seekTake(review, uploadId, seconds);
  } finally {
    await review.close();
  }
}

/** On the review page open in `page` (any engine's Playwright-shaped page), seeks the take
 * `uploadId` to `seconds`; its duration and where it landed. */
export function seekTake(page, uploadId, seconds) {
  return page.evaluate(([id, to]) => new Promise((resolve, reject) => {
    const element = document.querySelector(`[data-take="${id}"] video`);
    if (!element) return reject(new Error(`no video of take ${id}`));
    const fail = setTimeout(() => reject(new Error(`no seek within 10 s (error ${element.error?.code})`)), 10_000);
    const go = () => {
      element.addEventListener('seeked', () => {
        clearTimeout(fail);
        resolve({ duration: element.duration, currentTime: element.currentTime });
      }, { once: true });
      element.currentTime = to;
    };
    if (element.readyState >= 1) go(); else element.addEventListener('loadedmetadata', go, { once: true });
  }), [uploadId, seconds]);
}
