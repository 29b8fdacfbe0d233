// The embeddable recorder: <interview-recorder invite="TOKEN" api="https://HOST/api">.
//
//   <script type="module" src="https://HOST/recorder/interview-recorder.js"></script>
//   <interview-recorder invite="TOKEN" api="https://HOST/api"></interview-recorder>
//
// Or from code: `import { mount } from ".../interview-recorder.js";
// const handle = await mount(element, { invite, api }); handle.unmount();`
import init, { mount as mountInto } from './widget.js';

let loading;

function load() {
  loading ??= init();
  return loading;
}

/** Mounts the recorder into `target` (an element or a shadow root). */
export async function mount(target, options) {
  await load();
  return mountInto(target, options);
}

class InterviewRecorder extends HTMLElement {
  async connectedCallback() {
    if (this.handle || this.pending) return;
    this.pending = true;
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    try {
      await load();
      if (this.isConnected) {
        this.handle = mountInto(root, {
          invite: this.getAttribute('invite') ?? '',
          api: this.getAttribute('api') ?? '',
          lang: this.getAttribute('lang') ?? undefined,
          theme: this.getAttribute('theme') ?? undefined,
          hideSelfView: this.hasAttribute('hide-self-view'),
        });
      }
    } catch (error) {
      root.textContent = 'The interview recorder could not start. Please reload the page.';
      this.dispatchEvent(new CustomEvent('error', {
        detail: { code: 'load-failed', message: String(error) },
      }));
    } finally {
      this.pending = false;
    }
  }

  disconnectedCallback() {
    this.handle?.unmount();
    this.handle = undefined;
  }
}

if (!customElements.get('interview-recorder')) {
  customElements.define('interview-recorder', InterviewRecorder);
}
