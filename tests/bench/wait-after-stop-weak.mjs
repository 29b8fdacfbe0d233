// P1-weak: the wait after Stop on a weak link. A 2-minute answer over an uplink emulated at
// 500 kbit/s from before the page loads, so that the recorder's connection check measures it
// and records within two thirds of it; ours against the same bytes uploaded after Stop
// (answer-timing.mjs). The peer is given our adapted bytes: a recorder at the browser's
// default bitrate would have far more to send.
import { startServer } from '../support/server.mjs';
import { launchChromium } from '../support/browser.mjs';
import { answer, candidate, round, uploadAfterStop } from './answer-timing.mjs';
import { saveResult } from './result.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ANSWER_SECONDS = Number(process.env.BENCH_WEAK_ANSWER_SECONDS ?? 120);
/** 500 kbit/s, in bytes per second. */
const UPLINK = 62_500;

// Answers of up to 3 minutes (the demo interview's stop sooner).
const server = await startServer({ interviews: new URL('./long-answer-interview.json', import.meta.url).pathname });
const browser = await launchChromium();
try {
  const ours = [];
  const peer = [];
  const rates = [];
  for (let run = 0; run < RUNS; run += 1) {
    const { page, token } = await candidate(browser, server, UPLINK);
    const take = await answer(page, ANSWER_SECONDS);
    ours.push(round(take.wait));
    peer.push(round(await uploadAfterStop(page, server, token, take.bytes)));
    rates.push(Math.round(take.bytes.length * 8 / ANSWER_SECONDS / 1000));
    await page.context().close();
  }
  saveResult({
    id: 'P1-weak', title: `Wait after Stop, ${ANSWER_SECONDS} s answer, 500 kbit/s uplink`, unit: 's', better: 'lower',
    ours: { name: 'interview-recorder (bitrate from its connection check, uploads while recording)', runs: ours },
    peers: [{ name: 'the same bytes uploaded after Stop (tus)', runs: peer }],
    target: { of: 'median', op: '<=', value: 2 },
    notes: [
      'Uplink 500 kbit/s from before the page loads (DevTools Network.emulateNetworkConditions, 20 ms latency).',
      `Recorded at ${rates.join(', ')} kbit/s on average (the plan: at most 2/3 of the measured link); ${RUNS} runs, ours then the peer in the same page.`,
      'Wait = Stop click to take-uploaded (every byte acknowledged), timed in the page.',
    ],
  });
} finally {
  await browser.close();
  server.stop();
}
