// P1: the wait after Stop. A 60 s answer over an emulated uplink of 1.5x the recording's
// bitrate (measured first, same fake camera), ours against the same bytes uploaded after
// Stop (answer-timing.mjs). The throttle starts after the device check: this measures
// uploading while recording, not the choice of bitrate (P1-weak does).
import { startServer } from '../support/server.mjs';
import { launchChromium } from '../support/browser.mjs';
import { answer, candidate, round, uploadAfterStop } from './answer-timing.mjs';
import { saveResult } from './result.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ANSWER_SECONDS = Number(process.env.BENCH_ANSWER_SECONDS ?? 60);

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
