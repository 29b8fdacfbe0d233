// The embeddable recorder: <interview-recorder invite="TOKEN" api="https://HOST/api">.
//
//   <script type="module" src="https://HOST/recorder/interview-recorder.js"></script>
//   <interview-recorder invite="TOKEN" api="https://HOST/api"></interview-recorder>
//
// Or from code: `import { mount } from ".../interview-recorder.js";
// const handle = await mount(element, { invite, api }); handle.unmount();`
//
// The build names the files below by their content (so they can be cached
// forever); this loader is the only file a host page names. The overview is
// drawn from here (first-screen.js) while the wasm is on its way.
import * as firstGlue from './widget.js';
import { addStyle, firstScreen } from './first-screen.js';

const GLUE = './widget.js';
const WASM = './widget_bg.wasm';
// The translation files the build ships, by language (English is also
// compiled into the wasm).
const LOCALES = {};
const builtEnglish = LOCALES.en && new URL(LOCALES.en, import.meta.url).href;

// The wasm is fetched and compiled from the moment this script runs, while
// the page goes on loading; every instance is made from this one module.
const wasmUrl = new URL(WASM, import.meta.url);
let compiled = compile(wasmUrl);

async function compile(url) {
  try {
    return await WebAssembly.compileStreaming(fetch(url));
  } catch {
    // A static host that serves the wasm with another type: compile it whole.
    const response = await fetch(url);
    return WebAssembly.compile(await response.arrayBuffer());
  }
}

// What the candidate reads when the recorder cannot go on, if their translations are not here.
const CRASHED = 'The interview recorder stopped because of an error. '
  + 'Your recorded answers are kept on this device: reload the page to continue.';
const LOAD_FAILED = 'The interview recorder could not start. Check your connection, then reload the page.';
const ALREADY_OPEN = 'This interview is already open in another tab or window. '
  + 'Continue there, or close it and reload this page.';

/** Another recorder (on this page, or in another tab or window) has the invite open. */
class AlreadyOpen extends Error {
  code = 'already-open';

  constructor() {
    super('this interview is already open in another recorder (this page, another tab or window); one records at a time');
  }
}

/** How long a recorder waits for another one to let go of its invite (a recorder just
 * removed from the page, a tab being reloaded) before it says the invite is open elsewhere. */
const CLAIM_WAIT_MS = 2_000;

/** The invite's lock across this browser's tabs (Web Locks), held until the returned
 * function is called; `undefined` if another recorder keeps it. Without Web Locks (old
 * browsers), every recorder gets it. */
function claim(invite) {
  // Web Locks came before AbortSignal.timeout in some browsers (Safari 15.4-15.6).
  if (!invite || !navigator.locks || !AbortSignal.timeout) return Promise.resolve(() => {});
  return new Promise((resolve) => {
    const signal = AbortSignal.timeout(CLAIM_WAIT_MS);
    navigator.locks.request(`interview-recorder ${invite}`, { signal }, () => new Promise((release) => {
      resolve(release);
    })).catch((error) => resolve(error?.name === 'TimeoutError' || error?.name === 'AbortError' ? undefined : () => {}));
  });
}

let instances = 0;
let live;

/** The wasm instance recorders mount on; a new one after a bug stopped the last,
 * and a new download after one failed (the connection may be back). */
function instance() {
  live ??= start().catch((error) => {
    live = undefined;
    compiled = compile(wasmUrl);
    throw error;
  });
  return live;
}

async function start() {
  instances += 1;
  // A new instance gets its own glue (a module script runs once per URL):
  // the old one holds the dead instance's memory.
  const glue = instances === 1
    ? firstGlue
    : await import(`${new URL(GLUE, import.meta.url).href}?instance=${instances}`);
  await glue.default({ module_or_path: await compiled });
  const current = { glue, recorders: new Set(), dead: false };
  const started = live;
  glue.onPanic(() => {
    // A dead instance's timers may panic again: say it once, and never
    // forget a newer instance.
    if (current.dead) return;
    current.dead = true;
    if (live === started) live = undefined;
    for (const recorder of current.recorders) recorder.crashed();
  });
  return current;
}

/** `GET {api}/session`, started at once: it travels while the wasm does, and the
 * recorder uses its answer (or asks again if it failed). */
function prefetchSession({ invite, api }) {
  if (!invite || !api) return undefined;
  try {
    const url = new URL(`${api.replace(/\/+$/, '')}/session`, document.baseURI);
    const response = fetch(url, { headers: { Authorization: `Bearer ${invite}` } });
    response.catch(() => {});
    return response;
  } catch {
    return undefined;
  }
}

/** The session a server-rendered page put in the element
 * (`<script type="application/json" data-session>`), answered as the API would. */
function embeddedSession(element) {
  const data = element.querySelector(':scope > script[type="application/json"][data-session]');
  if (!data) return undefined;
  return Promise.resolve(new Response(data.textContent, { headers: { 'Content-Type': 'application/json' } }));
}

/** Where each language's translations are: the built ones, then the host
 * page's `translations` ({ code: URL }, relative to the page) over them. */
function locales(translations) {
  const files = {};
  for (const [code, path] of Object.entries(LOCALES)) files[code] = new URL(path, import.meta.url).href;
  for (const [code, url] of Object.entries(translations ?? {})) {
    try {
      // `pt_BR` is `pt-BR`; a code Intl does not know is left out (with a word in the console).
      const [canonical] = Intl.getCanonicalLocales(code.replace(/_/g, '-'));
      files[canonical] = new URL(url, document.baseURI).href;
    } catch (error) {
      console.warn(`interview recorder: translations for "${code}" not used (${error.message})`);
    }
  }
  return files;
}

/** The `translations` attribute (`{"it": "/i18n/it.ftl"}`), read; one that is not
 * such JSON is left out, with a word in the console. */
function translationsAttribute(json) {
  if (!json) return undefined;
  try {
    const files = JSON.parse(json);
    if (files && typeof files === 'object' && !Array.isArray(files)) return files;
  } catch {
    // said below
  }
  console.warn(`interview recorder: the translations attribute is not JSON like {"it": "/i18n/it.ftl"}; not used`);
  return undefined;
}

/** A recorder on `target` (an element or a shadow root) that reports to
 * `host`: the overview drawn at once from the loader, then the wasm's
 * screens taking over when they are drawn. */
async function mountOn(target, options, host, session = prefetchSession(options ?? {})) {
  const files = locales(options?.translations);
  const removeStyle = addStyle(target);
  const claimed = claim(options?.invite);
  // Read before the wasm reads the body of the same response; drawn once the invite is ours.
  const first = firstScreen(target, options ?? {}, session?.then((response) => response.clone()), files, claimed);
  const release = await claimed;
  /** Nothing of this recorder stays but why, in the candidate's words. */
  const fail = async (key, english, error, wait = 5_000) => {
    release?.();
    first.remove();
    removeStyle();
    target.replaceChildren(await first.alert(key, english, { wait }));
    throw error;
  };
  if (!release) return fail('error-already-open', ALREADY_OPEN, new AlreadyOpen());
  let current;
  try {
    current = await instance();
  } catch (error) {
    return fail('error-load-failed', LOAD_FAILED, error);
  }
  // English is compiled into the wasm: it fetches only other files (or a host's own English).
  const fetched = { ...files };
  if (fetched.en === builtEnglish) delete fetched.en;
  let handle;
  try {
    handle = current.glue.mount(target, { ...options, session, locales: fetched });
  } catch (error) {
    return fail('error-crashed', CRASHED, error, 0);
  }
  const listening = new AbortController();
  const drawn = () => {
    listening.abort();
    // The wasm tells, then draws (in the same task's microtasks).
    requestAnimationFrame(() => first.takeOver());
  };
  host.addEventListener('ready', drawn, { signal: listening.signal });
  host.addEventListener('error', drawn, { signal: listening.signal });
  const recorder = {
    unmount() {
      listening.abort();
      first.remove();
      removeStyle();
      release();
      if (!current.recorders.delete(recorder) || current.dead) return;
      try {
        handle.unmount();
        handle.free();
      } catch {
        // A bug while unmounting: the panic hook has reported it.
      }
    },
    async crashed() {
      listening.abort();
      release();
      current.recorders.delete(recorder);
      // In the candidate's words, which may still be on their way (the wasm may have drawn first).
      target.replaceChildren(await first.alert('error-crashed', CRASHED, { wait: 5_000 }));
      host.dispatchEvent(new CustomEvent('error', {
        bubbles: true,
        composed: true,
        detail: { code: 'crashed', message: 'the recorder stopped after an internal error; reload to continue' },
      }));
    },
  };
  current.recorders.add(recorder);
  return recorder;
}

/** Mounts the recorder into `target` (an element or a shadow root). */
export async function mount(target, options) {
  const host = target instanceof ShadowRoot ? target.host : target;
  const recorder = await mountOn(target, options, host);
  // After the current task: a host's event listener may unmount the recorder
  // while the recorder is still in the middle of telling it something.
  return { unmount: () => queueMicrotask(() => recorder.unmount()) };
}

class InterviewRecorder extends HTMLElement {
  async connectedCallback() {
    if (this.recorder || this.pending) return;
    this.pending = true;
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const options = {
      invite: this.getAttribute('invite') ?? '',
      api: this.getAttribute('api') ?? '',
      lang: this.getAttribute('lang') ?? undefined,
      theme: this.getAttribute('theme') ?? undefined,
      hideSelfView: this.hasAttribute('hide-self-view'),
      translations: translationsAttribute(this.getAttribute('translations')),
    };
    const session = embeddedSession(this) ?? prefetchSession(options);
    try {
      root.replaceChildren();
      const recorder = await mountOn(root, options, this, session);
      if (this.isConnected) this.recorder = recorder;
      else recorder.unmount();
    } catch (error) {
      // mountOn said why in the element.
      this.dispatchEvent(new CustomEvent('error', {
        bubbles: true,
        composed: true,
        detail: { code: error?.code ?? 'load-failed', message: error?.message ?? String(error) },
      }));
    } finally {
      this.pending = false;
    }
  }

  disconnectedCallback() {
    // A move in the page (removed and put back in the same task) keeps the
    // recorder as it is; only an element that stays out of the page ends it.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.recorder?.unmount();
      this.recorder = undefined;
    });
  }
}

if (!customElements.get('interview-recorder')) {
  customElements.define('interview-recorder', InterviewRecorder);
}
