// A real audio check: the device check tells speech at a good level, too quiet, clipping and
// a steady noise without speech apart, each with its own advice; a test video that was mostly
// silent gets a warning in its review, one with speech does not. The microphone plays files
// made here (ffmpeg's flite voice, pink noise), with the browser's audio processing off so
// that the levels are the files' own. On a desktop in English and a phone in Arabic, checked
// with axe and photographed.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';
import { seriousViolations } from '../support/axe.mjs';
import { word } from '../support/words.mjs';
import { VARIANTS } from '../support/variants.mjs';
import { part } from '../support/flow.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const shots = join(here, '../../target/e2e/screenshots/sound-check');
const dir = mkdtempSync(join(tmpdir(), 'ir-sound-'));
const cleanup = [];
after(async () => { for (const stop of cleanup) await stop(); });

const SENTENCE = 'Good morning. I am applying for the support role, because I enjoy helping people solve their problems.';

/** A mono 48 kHz wav made by ffmpeg from the lavfi `source`, through `filter`. */
function wav(name, source, filter = 'anull') {
  const path = join(dir, `${name}.wav`);
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', source, '-af', filter,
    '-ac', '1', '-ar', '48000', '-c:a', 'pcm_s16le', path]);
  return path;
}

const speech = `flite=text='${SENTENCE}':voice=slt`;
const FIXTURES = {
  good: () => wav('good', speech, 'volume=-6dB'),
  'too-quiet': () => wav('too-quiet', speech, 'volume=-34dB'),
  clipping: () => wav('clipping', speech, 'volume=18dB'),
  'no-speech': () => wav('no-speech', 'anoisesrc=color=pink:amplitude=0.25:duration=8'),
  // "Hi." then eleven seconds of silence, over and over.
  'mostly-silent': () => wav('mostly-silent', "flite=text='Hi.':voice=slt", 'volume=-6dB,apad=whole_dur=12'),
};

const HINTS = { good: 'device-heard', 'too-quiet': 'sound-too-quiet', clipping: 'sound-clipping', 'no-speech': 'sound-no-speech' };

/** A page of `browser` in `variant` whose microphone comes without the browser's echo
 * cancellation, noise suppression and gain control, at the device check of a new invite. */
async function deviceCheck(browser, server, variant) {
  const page = await newPage(browser);
  await page.setViewportSize(variant.viewport);
  await page.addInitScript(() => {
    const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    const raw = { echoCancellation: false, noiseSuppression: false, autoGainControl: false };
    navigator.mediaDevices.getUserMedia = (constraints) => getUserMedia({ ...constraints, audio: raw });
  });
  await page.goto(`${server.invite()}?lang=${variant.lang}`);
  await part(page, 'start').click();
  await part(page, 'level').waitFor({ timeout: 30_000 });
  return page;
}

for (const [advice, hint] of Object.entries(HINTS)) {
  test(`the device check says ${advice} with its own advice`, { timeout: 120_000 }, async () => {
    const server = await startServer();
    const browser = await launchChromium({ audio: FIXTURES[advice]() });
    cleanup.push(() => browser.close(), () => server.stop());
    for (const variant of VARIANTS) {
      const page = await deviceCheck(browser, server, variant);
      const said = page.locator(`[part~="mic-hint"][data-advice="${advice}"]`);
      await said.waitFor({ timeout: 20_000 });
      assert.equal(await said.textContent(), word(variant.lang, hint), `${advice} in ${variant.lang}`);
      assert.deepEqual(await seriousViolations(page), [], `${advice} is accessible`);
      mkdirSync(join(shots, variant.name), { recursive: true });
      await page.screenshot({ path: join(shots, variant.name, `${advice}.png`), fullPage: true });
      await page.close();
    }
  });
}

for (const [fixture, warned] of [['mostly-silent', true], ['good', false]]) {
  test(`a test video that was ${fixture} ${warned ? 'is' : 'is not'} called mostly silent in its review`, { timeout: 120_000 }, async () => {
    const server = await startServer();
    const browser = await launchChromium({ audio: FIXTURES[fixture]() });
    cleanup.push(() => browser.close(), () => server.stop());
    for (const variant of warned ? VARIANTS : VARIANTS.slice(0, 1)) {
      const page = await deviceCheck(browser, server, variant);
      await page.locator('[part~="continue"]:enabled').click({ timeout: 30_000 });
      await part(page, 'record').click();
      await part(page, 'stop').waitFor();
      await page.waitForTimeout(4_000);
      await part(page, 'stop').click();
      await part(page, 'playback').waitFor({ timeout: 20_000 });
      const warning = page.locator('[part~="silent-warning"]');
      assert.equal(await warning.count(), warned ? 1 : 0);
      if (warned) {
        assert.equal(await warning.textContent(), word(variant.lang, 'take-mostly-silent'));
        assert.deepEqual(await seriousViolations(page), [], 'the warning is accessible');
        mkdirSync(join(shots, variant.name), { recursive: true });
        await page.screenshot({ path: join(shots, variant.name, 'mostly-silent-review.png'), fullPage: true });
      }
      await page.close();
    }
  });
}
