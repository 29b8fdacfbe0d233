// A single-page hiring site with history routing and no framework: "/" lists a job,
// "/apply" shows the interview recorder. Leaving "/apply" takes the recorder away,
// either by removing the <interview-recorder> element or by `handle.unmount()`
// (`?mode=element` or `?mode=handle` on the page's first URL, or `app.mode`).
//
// It imports the recorder by the bare name "interview-recorder": an import map points
// it at a server's loader, or a bundler resolves it from the npm package.
import { mount } from 'interview-recorder';

const outlet = document.querySelector('main');
const params = new URLSearchParams(location.search);
const app = {
  invite: params.get('invite') ?? '',
  api: params.get('api') ?? '/api',
  mode: params.get('mode') ?? 'element',
  /** What takes the current recorder away, if one is shown. */
  leave: undefined,
  /** Shows `path` and records it in the history, as a router would. */
  go(path) {
    history.pushState({}, '', path + location.search);
    render();
  },
};
window.app = app;

function render() {
  app.leave?.();
  app.leave = undefined;
  outlet.replaceChildren();
  if (location.pathname === '/apply') {
    const heading = document.createElement('h1');
    heading.textContent = 'Your video interview';
    outlet.append(heading, recorder());
  } else {
    const heading = document.createElement('h1');
    heading.textContent = 'Open positions';
    const link = document.createElement('a');
    link.href = '/apply';
    link.textContent = 'Apply: Support engineer';
    link.addEventListener('click', (event) => {
      event.preventDefault();
      app.go('/apply');
    });
    outlet.append(heading, link);
  }
}

/** The recorder, mounted the way `app.mode` says; sets `app.leave`. */
function recorder() {
  if (app.mode === 'element') {
    const element = document.createElement('interview-recorder');
    element.setAttribute('invite', app.invite);
    element.setAttribute('api', app.api);
    app.leave = () => element.remove();
    return element;
  }
  const container = document.createElement('div');
  let left = false;
  let handle;
  mount(container, { invite: app.invite, api: app.api }).then((mounted) => {
    if (left) mounted.unmount();
    else handle = mounted;
  });
  app.leave = () => {
    left = true;
    handle?.unmount();
    container.remove();
  };
  return container;
}

addEventListener('popstate', render);
render();
