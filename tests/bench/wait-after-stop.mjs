// P1: the wait after Stop. A 60 s answer recorded in headless Chromium over an emulated
// uplink of 1.5x the recording's bitrate (measured first, same fake camera): time from the
// Stop click to the last byte acknowledged (`take-uploaded`). The peer, in the same run
// and page, over the same uplink: the same bytes uploaded only after Stop (tus creation +
// one PATCH), the way Uppy, videojs-record and RecordRTC users do it.
import { startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';
import { part, startAnswer, warmUp } from '../support/flow.mjs';
import { recordedBytes } from '../support/takes.mjs';
import { saveResult } from './result.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ANSWER_SECONDS = Number(process.env.BENCH_ANSWER_SECONDS ?? 60);
const round = (x) => Math.round(x * 100) / 100;

/** A candidate at the question list, and their token. */
async function candidate(browser, server) {
  const page = await newPage(await browser.newContext());
  const invite = server.invite();
  await page.goto(invite);
  await warmUp(page);
  return { page, token: invite.split('/').pop() };
}

/** Records `seconds` of q1 (an uplink of `uplink` bytes/s if given); seconds from Stop to
 * the last byte acknowledged, and the recorded bytes. */
async function answer(page, seconds, uplink) {
  if (uplink) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: uplink });
  }
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
async function uploadAfterStop(page, server, token, bytes) {
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

const server = await startServer();
const browser = await launchChromium();
try {
  const calibration = await candidate(browser, server);
  const sample = await answer(calibration.page, 10);
  const bitrate = sample.bytes.length / 10;
  const uplink = Math.round(bitrate * 1.5);
  await calibration.page.context().close();
  const ours = [];
  const peer = [];
  const sizes = [];
  for (let run = 0; run < RUNS; run += 1) {
    const { page, token } = await candidate(browser, server);
    const take = await answer(page, ANSWER_SECONDS, uplink);
    ours.push(round(take.wait));
    peer.push(round(await uploadAfterStop(page, server, token, take.bytes)));
    sizes.push(take.bytes.length);
    await page.context().close();
  }
  saveResult({
    id: 'P1', title: `Wait after Stop, ${ANSWER_SECONDS} s answer, uplink 1.5x the bitrate`, unit: 's', better: 'lower',
    ours: { name: 'interview-recorder (uploads while recording)', runs: ours },
    peers: [{ name: 'the same bytes uploaded after Stop (tus)', runs: peer }],
    target: { of: 'median', op: '<=', value: 1 },
    notes: [
      `Bitrate measured first (10 s, same fake camera): ${Math.round(bitrate * 8 / 1000)} kbit/s; uplink ${Math.round(uplink * 8 / 1000)} kbit/s`
        + ' (DevTools Network.emulateNetworkConditions, 20 ms latency).',
      `Takes: ${sizes.map((s) => `${Math.round(s / 1024)} KB`).join(', ')}; ${RUNS} runs, ours then the peer in the same page.`,
      'Wait = Stop click to take-uploaded (every byte acknowledged), timed in the page.',
    ],
  });
} finally {
  await browser.close();
  server.stop();
}
