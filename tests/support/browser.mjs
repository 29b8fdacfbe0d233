// Debian's Chromium, headless, with fake camera and microphone (never a downloaded browser).
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Launches headless Chromium; `fakeMedia` may name a .y4m video and a .wav audio file. */
export async function launchChromium({ video, audio } = {}) {
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    '--autoplay-policy=no-user-gesture-required',
  ];
  if (video) args.push(`--use-file-for-fake-video-capture=${video}`);
  if (audio) args.push(`--use-file-for-fake-audio-capture=${audio}`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args });
}

/** A new page whose console errors are printed, for diagnosing failures. */
export async function newPage(browser) {
  const page = await browser.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      console.log(`[page ${message.type()}] ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
  return page;
}
