// What the recorder produced, next to what the server stored.
import { readFileSync } from 'node:fs';

/** Resolves with the `take-uploaded` event's detail (url, bytes, sha256) of the next take. */
export function takeUploaded(page) {
  return page.evaluate(() => new Promise((resolve) => {
    document.querySelector('interview-recorder')
      .addEventListener('take-uploaded', (event) => resolve(event.detail), { once: true });
  }));
}

/** The bytes the recorder produced for the take under review (the playback's blob). */
export async function recordedBytes(page) {
  const base64 = await page.locator('[part~="playback"]').evaluate(async (video) => {
    const bytes = new Uint8Array(await (await fetch(video.src)).arrayBuffer());
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    }
    return btoa(text);
  });
  return Buffer.from(base64, 'base64');
}

/** How many recorded bytes are missing or wrong in the stored file at `path`:
 * everything after the first difference counts as lost. */
export function bytesLost(recorded, path) {
  const stored = readFileSync(path);
  let same = 0;
  while (same < recorded.length && same < stored.length && recorded[same] === stored[same]) same += 1;
  return recorded.length - same + Math.max(0, stored.length - recorded.length);
}

/** Recorded and acknowledged bytes, as the widget shows them while recording or submitting. */
export async function uploadProgress(page) {
  const status = page.locator('[part~="upload-progress"]');
  return {
    recorded: Number(await status.getAttribute('data-recorded')),
    acknowledged: Number(await status.getAttribute('data-acknowledged')),
  };
}
