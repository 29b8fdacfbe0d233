// The overview, drawn by the loader while the wasm is still on its way: on a
// phone the candidate reads what the interview asks for, and may press Start,
// a second or more before the recorder itself has arrived. The wasm then draws
// the same screen under it and takes over (`takeOver`); a Start pressed here
// is pressed again there.
//
// It speaks the recorder's translation files, of which it reads the subset the
// overview uses: `key = value`, `{ $name }` placeholders and plural selectors
// (widget/src/i18n.rs reads the same files for every other screen; the
// end-to-end test `first-screen` checks that both draw the same words in
// every locale). When anything it needs is missing it draws nothing, and
// the candidate sees the recorder's own overview a little later.

// widget/src/style.css, put here by the build: the recorder's one stylesheet.
const STYLE = '';

/** Adds the recorder's stylesheet to `target` (a shadow root or an element);
 * returns a function that removes it again. */
export function addStyle(target) {
  const style = document.createElement('style');
  style.textContent = STYLE;
  target.prepend(style);
  return () => style.remove();
}

/**
 * Draws the overview into `target` once the session (a `fetch` Response
 * promise) and the translation file of the chosen language are here, and
 * `allowed` (a promise) came true, unless `takeOver` or `remove` came first.
 *
 * ```js
 * const first = firstScreen(root, { lang, theme }, session, { en: 'locales/en.1234.ftl' });
 * // the wasm mounted into `root` and drew its own overview:
 * first.takeOver();
 * ```
 */
export function firstScreen(target, options, session, files, allowed = Promise.resolve(true)) {
  let container;
  let started = false;
  let done = false;
  // The candidate's words: from the session's language if it comes, else the page's and
  // the browser's (they also say why the recorder could not start).
  let t;
  const read = (async () => {
    const response = await Promise.resolve(session).catch(() => undefined);
    const view = response?.ok ? await response.json().catch(() => undefined) : undefined;
    const lang = pick([options.lang, view?.locale, ...(navigator.languages ?? [])], Object.keys(files)) ?? 'en';
    if (!files[lang]) return undefined;
    const source = await fetch(files[lang]).then((r) => (r.ok ? r.text() : '')).catch(() => '');
    t = translator(lang, catalog(source));
    return view;
  })();
  Promise.all([read, allowed]).then(([view, yes]) => yes && draw(view)).catch(() => {});

  function draw(view) {
    if (done || !view || !plain(view) || !OVERVIEW.every((key) => t.has(key))) return;
    container = overview(view, t, options.theme);
    container.querySelector('[part~="start"]').addEventListener('click', (event) => {
      started = true;
      event.currentTarget.disabled = true;
      event.currentTarget.closest('section').setAttribute('aria-busy', 'true');
      event.currentTarget.after(Object.assign(document.createElement('div'), { className: 'ir-loading' }));
    });
    // Before the wasm's screens if they are already there (hidden until they take over).
    target.prepend(container);
  }

  return {
    /** The wasm drew its screens into `target` too: they replace this one,
     * with a Start pressed here pressed there, and focus and a playing intro
     * video carried over. */
    takeOver() {
      done = true;
      if (!container) return;
      const focused = container.contains(target.activeElement ?? document.activeElement);
      const video = container.querySelector('[part~="intro-video"]');
      const playing = video && { at: video.currentTime, paused: video.paused };
      container.remove();
      const next = (part) => target.querySelector(`[part~="${part}"]`);
      if (playing?.at > 0 && next('intro-video')) {
        next('intro-video').currentTime = playing.at;
        if (!playing.paused) next('intro-video').play().catch(() => {});
      }
      if (started) next('start')?.click();
      else if (focused) next('start')?.focus();
    },
    /** Gone without a successor (the recorder was unmounted or failed). */
    remove() {
      done = true;
      container?.remove();
    },
    /** A paragraph saying `key` in the candidate's language (English until, or
     * unless, their translations are here), with `part="error"` and `role="alert"`. */
    async alert(key, english, { wait = 0 } = {}) {
      if (wait) await Promise.race([read.catch(() => {}), new Promise((resolve) => { setTimeout(resolve, wait); })]);
      const said = Boolean(t?.has(key));
      const paragraph = document.createElement('p');
      paragraph.setAttribute('part', 'error');
      paragraph.setAttribute('role', 'alert');
      paragraph.lang = said ? t.lang : 'en';
      paragraph.dir = said && t.rtl ? 'rtl' : 'ltr';
      paragraph.textContent = said ? t(key) : english;
      return paragraph;
    },
  };
}

/** How near the deadline a candidate may ask for more time (recorder_core's EXTENSION_WINDOW_SECONDS). */
const EXTENSION_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

/** Whether `view`'s overview is the plain one drawn here. The recorder's own says more near
 * or past the deadline and after a request for more time, and a candidate who declined
 * consent sees a screen of their own: those wait for the wasm rather than change under
 * the candidate's eyes. */
function plain(view) {
  const near = Boolean(view.deadline) && view.deadline * 1000 - Date.now() < EXTENSION_WINDOW_MS;
  return !near && !view.extension && view.consent_answer?.agreed !== false;
}

/** The messages the overview needs. */
const OVERVIEW = ['overview-questions', 'overview-attempts', 'overview-length',
  'overview-deadline', 'overview-how', 'start-interview'];

/** The overview of `view` (the session), as widget/src/screens/overview.rs draws it. */
function overview(view, t, theme) {
  const questions = view.questions ?? [];
  const attempts = Math.max(1, ...questions.map((q) => q.attempts));
  const longest = Math.max(0, ...questions.map((q) => q.answer_seconds));
  const el = (tag, attributes = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  };
  const facts = [
    t('overview-questions', { count: number(questions.length) }),
    t('overview-attempts', { attempts: number(attempts) }),
    t('overview-length', { minutes: unit(Math.ceil(longest / 60), 'minute') }),
  ];
  if (view.deadline) facts.push(t('overview-deadline', { date: date(view.deadline * 1000) }));
  const intro = view.intro_video
    ? [el('video', { class: 'ir-intro', part: 'intro-video', src: view.intro_video, controls: '', playsinline: '', preload: 'metadata' })]
    : [];
  const given = view.accommodations;
  const adjusted = given && t.has('overview-adjusted')
    ? [el('p', { class: 'ir-note', part: 'accommodations' },
      given.manual_start ? `${t('overview-adjusted')} ${t('overview-manual-start')}` : t('overview-adjusted'))]
    : [];
  const help = view.help && t.has('contact') && t.has('contact-page') ? contact(view.help, t, el) : [];
  const section = el('section', { class: 'ir-screen', part: 'overview', 'aria-labelledby': 'ir-title' },
    el('p', { class: 'ir-company' }, view.branding?.company ?? ''),
    el('h2', { id: 'ir-title', part: 'title', tabindex: '-1' }, view.title),
    ...intro,
    el('ul', { class: 'ir-facts' }, ...facts.map((fact) => el('li', {}, fact))),
    ...adjusted,
    el('p', { class: 'ir-note' }, t('overview-how')),
    el('button', { part: 'button start', class: 'ir-button' }, t('start-interview')));
  const themed = /^[A-Za-z0-9-]+$/.test(theme ?? '') ? ` ir-theme-${theme}` : '';
  return el('div', { part: 'root', class: `ir ir-first${themed}`, lang: t.lang, dir: t.rtl ? 'rtl' : 'ltr' },
    el('div', {}, section, ...help));
}

/** The hiring team's contact under the screen, as widget/src/screens/contact.rs draws it. */
function contact(help, t, el) {
  const links = [];
  if (help.email) links.push(el('a', { part: 'contact-email', href: `mailto:${help.email}`, dir: 'ltr' }, help.email));
  if (/^https?:\/\//i.test(help.url ?? '')) links.push(el('a', { part: 'contact-page', href: help.url, target: '_blank', rel: 'noopener noreferrer' }, t('contact-page')));
  if (links.length === 2) links.splice(1, 0, ' · ');
  return [el('p', { class: 'ir-note ir-contact', part: 'contact' }, t('contact'), ' ', ...links)];
}

// Values for placeholders: each knows how to write itself for a language, and
// numbers also choose plural forms.
const number = (n) => ({ n, write: (lang) => new Intl.NumberFormat(lang).format(n) });
const unit = (n, name) => ({
  n, write: (lang) => new Intl.NumberFormat(lang, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: 0 }).format(n),
});
const date = (ms) => ({ write: (lang) => new Date(ms).toLocaleString(lang, { dateStyle: 'long', timeStyle: 'short' }) });

/** `t(key, values)` for `lang`: the plural form chosen by the locale's CLDR
 * rules (`[0]` matches exactly 0), each value isolated in right-to-left text. */
function translator(lang, words) {
  const rtl = words.direction === 'rtl';
  const plurals = new Intl.PluralRules(lang);
  const t = (key, values = {}) => {
    const message = words[key];
    let template = message;
    if (typeof message === 'object') {
      const n = values[message.variable]?.n;
      const chosen = n === undefined ? undefined
        : message.variants.find(([name]) => /^\d+$/.test(name) && Number(name) === n)
          ?? message.variants.find(([name]) => name === plurals.select(n));
      template = (chosen ?? message.variants[message.default])[1];
    }
    return template.replace(/\{ \$([^ }]+) \}/g, (whole, name) => {
      const value = values[name];
      if (!value) return whole;
      const text = value.write(lang);
      return rtl ? `\u2068${text}\u2069` : text;
    });
  };
  return Object.assign(t, { lang, rtl, has: (key) => key in words });
}

/** A translation file's messages: text, or `{ variable, variants: [[name, text]], default }`. */
function catalog(source) {
  const words = {};
  const lines = source.split(/\r?\n/);
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i].trim();
    const equals = line.indexOf('=');
    if (!line || line.startsWith('#')) continue;
    if (equals < 0) return {};
    const key = line.slice(0, equals).trim();
    const value = line.slice(equals + 1).trim();
    const selector = /^\{ \$(\S+) ->$/.exec(value);
    if (!selector) {
      words[key] = value;
      continue;
    }
    const message = { variable: selector[1], variants: [], default: -1 };
    for (i += 1; i < lines.length && lines[i].trim() !== '}'; i += 1) {
      const variant = /^(\*?)\[([^\]]+)\](.*)$/.exec(lines[i].trim());
      if (!variant) return {};
      if (variant[1]) message.default = message.variants.length;
      message.variants.push([variant[2].trim(), variant[3].trim()]);
    }
    if (message.default < 0) return {};
    words[key] = message;
  }
  return words;
}

/** The first of `preferred` (language tags, best first) among `available`:
 * the same tag, else the same language (widget/src/i18n.rs `pick`). */
function pick(preferred, available) {
  const language = (tag) => tag.split(/[-_]/)[0].toLowerCase();
  for (const wanted of preferred) {
    if (!wanted) continue;
    const tag = wanted.replace(/_/g, '-').toLowerCase();
    const found = available.find((code) => code.toLowerCase() === tag)
      ?? available.find((code) => language(code) === language(tag));
    if (found) return found;
  }
  return undefined;
}
