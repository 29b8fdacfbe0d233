// Debian's Chromium, headless, with fake camera and microphone (never a downloaded browser).
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Launches headless Chromium with fake devices; `video` and `audio` may name a .y4m and a
 * .wav file to play; `autoAllow: false` leaves camera permission to the browser's own rules. */
export async function launchChromium({ video, audio, autoAllow = true } = {}) {
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--use-fake-device-for-media-stream',
    '--autoplay-policy=no-user-gesture-required',
  ];
  if (autoAllow) args.push('--use-fake-ui-for-media-stream');
  if (video) args.push(`--use-file-for-fake-video-capture=${video}`);
  if (audio) args.push(`--use-file-for-fake-audio-capture=${audio}`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args });
}

/** A new page (of a browser, or of a context to share its storage) whose console errors
 * and refused API requests (method, path, status, the server's message) are printed, for
 * diagnosing failures. */
export async function newPage(browserOrContext) {
  const page = await browserOrContext.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      console.log(`[page ${message.type()}] ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
  page.on('response', async (response) => {
    const { pathname } = new URL(response.url());
    if (response.status() < 400 || !pathname.startsWith('/api/')) return;
    const message = await response.text().catch(() => '');
    console.log(`[api ${response.status()}] ${response.request().method()} ${pathname} ${message.slice(0, 200)}`);
  });
  return page;
}

/** Keeps every camera/microphone stream the pages of `pageOrContext` are given (call it
 * before they load), so a test can check the recorder turns them off. */
export function watchStreams(pageOrContext) {
  return pageOrContext.addInitScript(() => {
    window.streams = [];
    const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await getUserMedia(constraints);
      window.streams.push(stream);
      return stream;
    };
  });
}

/** How many tracks of the watched streams are still live, after waiting up to
 * `waitMs` for them all to end. */
export async function liveTracks(page, waitMs = 0) {
  const live = () => page.evaluate(() => window.streams.flatMap((s) => s.getTracks())
    .filter((t) => t.readyState === 'live').length);
  for (let waited = 0; waited < waitMs && await live() > 0; waited += 100) {
    await page.waitForTimeout(100);
  }
  return live();
}
