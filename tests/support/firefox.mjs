// Debian's Firefox ESR, headless, with fake camera and microphone, driven over WebDriver
// BiDi by puppeteer-core (Playwright drives only its own patched Firefox builds, and its
// BiDi mode needs commands this ESR lacks). `newFirefoxPage` wraps a puppeteer page in the
// small part of Playwright's page API that support/flow.mjs uses, so flows are shared.
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

/** Why Firefox tests cannot run here, or null if they can. */
export const firefoxMissing = existsSync(FIREFOX)
  ? null
  : `${FIREFOX} is not installed (cargo xtask test --engines all installs firefox-esr)`;

/** Headless Firefox ESR with fake devices that need no permission prompt. */
export function launchFirefox() {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    dumpio: Boolean(process.env.FIREFOX_DUMPIO),
    extraPrefsFirefox: {
      'media.navigator.streams.fake': true,
      'media.navigator.permission.disabled': true,
      'media.autoplay.default': 0,
      'media.autoplay.block-webaudio': false,
      'media.cubeb.backend': 'alsa',
    },
  });
}

/** A new page, Playwright-shaped (goto, locator, waitForTimeout, evaluate, on), with what
 * the engines' matrix needs besides (setViewport, screenshot, reload, setOffline). Selectors
 * are looked up inside the `<interview-recorder>` shadow root. */
export async function newFirefoxPage(browser) {
  const page = await browser.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') console.log(`[firefox ${message.type()}] ${message.text()}`);
  });
  page.on('pageerror', (error) => console.log(`[firefox page error] ${error.message}`));
  const deep = (selector) => `interview-recorder >>> ${selector}`;
  const element = (selector, timeout = 30_000) => page.waitForSelector(deep(selector), { timeout });
  const locator = (selector) => ({
    first: () => locator(selector),
    click: ({ timeout = 30_000 } = {}) => page.locator(deep(selector)).setTimeout(timeout).click(),
    waitFor: async ({ state = 'visible', timeout = 30_000 } = {}) => {
      const hidden = state === 'hidden' || state === 'detached';
      await page.waitForSelector(deep(selector), hidden ? { hidden: true, timeout } : { visible: true, timeout });
    },
    count: async () => (await page.$$(deep(selector))).length,
    getAttribute: async (name) => (await element(selector)).evaluate((e, n) => e.getAttribute(n), name),
    evaluate: async (fn, arg) => (await element(selector)).evaluate(fn, arg),
  });
  return {
    puppeteer: page,
    goto: (url) => page.goto(url),
    locator,
    waitForTimeout: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    on: (event, listener) => page.on(event, listener),
    close: () => page.close(),
    setViewport: ({ width, height }) => page.setViewport({ width, height, isMobile: width < 600, hasTouch: width < 600 }),
    screenshot: (path) => page.screenshot({ path, fullPage: true }),
    reload: () => page.reload(),
    setOffline: (offline) => page.setOfflineMode(offline),
  };
}
