// The wait after Stop, measured in headless Chromium for the P1 benchmarks: a candidate
// records an answer over an emulated uplink, and the time from the Stop click to the last
// byte acknowledged (`take-uploaded`) is timed in the page; then, in the same page over the
// same uplink, the same bytes are uploaded only after Stop (tus creation + one PATCH), the
// way Uppy, videojs-record and RecordRTC users do it.
import { newPage } from '../support/browser.mjs';
import { part, startAnswer, warmUp } from '../support/flow.mjs';
import { recordedBytes } from '../support/takes.mjs';

/** Limits `page`'s uplink to `uplink` bytes/s (DevTools network emulation, 20 ms latency). */
export async function throttle(page, uplink) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: uplink });
}

/** A candidate at the question list, and their token; with `uplink` (bytes/s), throttled
 * before the page loads, so that the recorder's own connection check sees it. */
export async function candidate(browser, server, uplink) {
  const page = await newPage(await browser.newContext());
  if (uplink) await throttle(page, uplink);
  const invite = server.invite();
  await page.goto(invite);
  await warmUp(page);
  return { page, token: invite.split('/').pop() };
}

/** Records `seconds` of q1 (throttled to `uplink` bytes/s from now if given); seconds from
 * Stop to the last byte acknowledged, and the recorded bytes. */
export async function answer(page, seconds, uplink) {
  if (uplink) await throttle(page, uplink);
  await startAnswer(page, 'q1');
  await page.evaluate(() => {
    const host = document.querySelector('interview-recorder');
    window.__stopAt = null;
    window.__uploaded = new Promise((resolve) => host.addEventListener('take-uploaded', () => resolve(performance.now()), { once: true }));
    host.addEventListener('click', (event) => {
      if (event.composedPath()[0]?.getAttribute?.('part')?.includes('stop')) window.__stopAt = performance.now();
    }, { capture: true });
  });
  await page.waitForTimeout(seconds * 1000);
  await part(page, 'stop').click();
  const wait = await page.evaluate(async () => ((await window.__uploaded) - window.__stopAt) / 1000);
  return { wait, bytes: await recordedBytes(page) };
}

/** The same bytes uploaded from the page after Stop: tus creation, then one PATCH. */
export async function uploadAfterStop(page, server, token, bytes) {
  await fetch(`${server.origin}/api/questions/q2/reveal`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
  return page.evaluate(async ({ endpoint, token, base64 }) => {
    const body = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const started = performance.now();
    const auth = { Authorization: `Bearer ${token}`, 'Tus-Resumable': '1.0.0' };
    const created = await fetch(endpoint, {
      method: 'POST',
      headers: { ...auth, 'Upload-Length': String(body.length), 'Upload-Metadata': `question ${btoa('q2')},filetype ${btoa('video/webm')}` },
    });
    const patched = await fetch(created.headers.get('Location'), {
      method: 'PATCH',
      headers: { ...auth, 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
      body,
    });
    if (patched.status !== 204) throw new Error(`PATCH ${patched.status}`);
    return (performance.now() - started) / 1000;
  }, { endpoint: `${server.origin}/api/uploads`, token, base64: bytes.toString('base64') });
}

/** Rounds to hundredths. */
export const round = (x) => Math.round(x * 100) / 100;
