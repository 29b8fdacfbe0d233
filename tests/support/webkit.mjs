// WebKitGTK's MiniBrowser, driven by WebKitWebDriver (WebDriver classic) on its own Xvfb
// display (WebKitGTK has no headless mode), with WebKit's mock camera and microphone.
// `launchWebKit` gives a Playwright-shaped page like support/firefox.mjs (with setViewport,
// screenshot and reload; not setOffline); selectors are
// looked up inside the `<interview-recorder>` shadow root, by script (WebDriver classic
// has no shadow-piercing locators).
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { freePort } from './server.mjs';

const MINIBROWSER = process.env.WEBKIT_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const NEEDED = ['/usr/bin/WebKitWebDriver', '/usr/bin/Xvfb', MINIBROWSER];

/** Why WebKit tests cannot run here, or null if they can. */
export const webkitMissing = NEEDED.filter((path) => !existsSync(path)).length
  ? `${NEEDED.filter((path) => !existsSync(path)).join(', ')} not installed (cargo xtask test --engines all installs them)`
  : null;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The browser itself went away mid-test (MiniBrowser crashed: its WebDriver session is gone). */
export class BrowserGone extends Error {}

/** Ends `child` and resolves once it has exited (SIGKILL if SIGTERM is not enough in 5 s). */
function ended(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => { clearTimeout(hard); resolve(); });
    child.kill();
  });
}

/** A MiniBrowser session; `page` is Playwright-shaped, `close()` ends everything. */
export async function launchWebKit() {
  // Xvfb picks a display no other server holds (one still exiting from the last test
  // would refuse a new server on its number: the browser then drew on a dying one).
  const xvfb = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x800x24'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const display = await new Promise((resolve, reject) => {
    let said = '';
    xvfb.stdout.on('data', (chunk) => {
      said += chunk;
      if (said.includes('\n')) resolve(`:${said.trim()}`);
    });
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before naming its display`)));
  });
  const port = await freePort();
  const output = process.env.WEBKIT_DUMPIO ? 'inherit' : 'ignore';
  const driver = spawn('WebKitWebDriver', [`--port=${port}`], { stdio: ['ignore', output, output], env: { ...process.env, DISPLAY: display } });
  const call = async (method, path, body) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body),
    });
    const { value } = await response.json();
    if (value?.error) {
      const Failure = value.error === 'invalid session id' ? BrowserGone : Error;
      throw new Failure(`WebDriver ${path}: ${value.error}: ${value.message}`);
    }
    return value;
  };
  for (let i = 0; ; i += 1) {
    try {
      await call('GET', '/status');
      break;
    } catch (error) {
      if (i > 100) throw error;
      await sleep(100);
    }
  }
  const { sessionId } = await call('POST', '/session', { capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': {
    binary: MINIBROWSER, args: ['--automation', '--enable-media-stream=true', '--enable-mock-capture-devices=true'],
  } } } });
  const session = `/session/${sessionId}`;
  /** Runs `body` (statements: `arg` is its argument, what it returns the answer, awaited)
   * in the page. Written into WebDriver's script, not evaluated from a string: the candidate
   * page's CSP forbids eval. */
  const run = async (body, arg) => {
    const script = `const arg = arguments[0];
      const done = arguments[arguments.length - 1];
      Promise.resolve().then(async () => { ${body}\n }).then((value) => done({ value }), (error) => done({ error: String(error) }));`;
    const result = await call('POST', `${session}/execute/async`, { script, args: [arg ?? null] });
    if (result?.error) throw new Error(result.error);
    return result?.value;
  };
  /** Runs `fn(arg)` in the page, or `fn` as a script when it is source text (as Playwright does). */
  const evaluate = (fn, arg) => (typeof fn === 'string' ? run(`${fn}\n;return null;`, arg) : run(`return (${fn})(arg);`, arg));
  /** Polls `check(element)` (a function or its source) on the widget element matching
   * `selector` until it returns non-null. */
  const poll = async (selector, check, timeout, what) => {
    const deadline = Date.now() + timeout;
    for (;;) {
      const found = await run(`
        const element = document.querySelector('interview-recorder')?.shadowRoot?.querySelector(arg) ?? null;
        return (${check})(element);`, selector).catch((error) => {
        if (error instanceof BrowserGone) throw error;
        return null;
      });
      if (found !== null && found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`${what} ${selector}: not within ${timeout} ms`);
      await sleep(100);
    }
  };
  const locator = (selector) => ({
    first: () => locator(selector),
    click: ({ timeout = 30_000 } = {}) => poll(selector, (e) => {
      if (!e || e.disabled || !e.getClientRects().length) return null;
      e.click();
      return true;
    }, timeout, 'click'),
    waitFor: ({ state = 'visible', timeout = 30_000 } = {}) => poll(selector, state === 'detached' || state === 'hidden'
      ? (e) => (!e || !e.getClientRects().length ? true : null)
      : (e) => (e && e.getClientRects().length ? true : null), timeout, 'wait for'),
    count: () => evaluate((s) => document.querySelector('interview-recorder')?.shadowRoot?.querySelectorAll(s).length ?? 0, selector),
    getAttribute: (name) => poll(selector, `(e) => (e ? { value: e.getAttribute(${JSON.stringify(name)}) } : null)`, 30_000, 'read')
      .then((r) => r.value),
    evaluate: (fn) => poll(selector, `(e) => (e ? { value: (${fn})(e) } : null)`, 30_000, 'evaluate').then((r) => r.value),
  });
  const page = {
    goto: (url) => call('POST', `${session}/url`, { url }),
    locator,
    waitForTimeout: sleep,
    evaluate,
    on: () => {},
    setViewport: ({ width, height }) => call('POST', `${session}/window/rect`, { width, height }),
    screenshot: async (path) => writeFileSync(path, Buffer.from(await call('GET', `${session}/screenshot`), 'base64')),
    reload: () => call('POST', `${session}/refresh`, {}),
    setOffline: async () => { throw new Error('WebDriver classic cannot take WebKitGTK offline'); },
  };
  return {
    page,
    close: async () => {
      await call('DELETE', session).catch(() => {});
      await Promise.all([ended(driver), ended(xvfb)]);
    },
  };
}
