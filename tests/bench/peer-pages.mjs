// The peers' recorder pages for the phone benchmark, bundled as P4 bundles them (esbuild,
// minified ESM, CSS beside it) and precompressed like our widget (Brotli and gzip copies),
// so the same server serves all three the same way. Each page says how to find its first
// usable button and its next screen.
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const here = new URL('.', import.meta.url).pathname;

const PEERS = [
  {
    name: 'Uppy dashboard + webcam + tus',
    file: 'uppy',
    body: '<div id="app"></div>',
    script: `import Uppy from '@uppy/core'; import Dashboard from '@uppy/dashboard';
      import Webcam from '@uppy/webcam'; import Tus from '@uppy/tus';
      import '@uppy/core/css/style.min.css'; import '@uppy/dashboard/css/style.min.css'; import '@uppy/webcam/css/style.min.css';
      new Uppy().use(Dashboard, { inline: true, target: '#app', width: '100%' }).use(Webcam, { modes: ['video-audio'] })
        .use(Tus, { endpoint: '/api/uploads' });`,
    usable: `document.querySelector('[data-uppy-acquirer-id="Webcam"] button')`,
    next: `document.querySelector('.uppy-Webcam-container')`,
  },
  {
    name: 'video.js + videojs-record',
    file: 'videojs',
    body: '<video id="recorder" playsinline class="video-js vjs-default-skin"></video>',
    script: `import videojs from 'video.js'; import 'recordrtc'; import 'videojs-record';
      import 'video.js/dist/video-js.min.css'; import 'videojs-record/dist/css/videojs.record.min.css';
      videojs('recorder', { controls: true, width: 340, height: 255, fluid: false,
        plugins: { record: { audio: true, video: true, maxLength: 120 } } });`,
    usable: `document.querySelector('.vjs-device-button:not(.vjs-hidden)')`,
    next: `document.querySelector('.vjs-record-button:not(.vjs-hidden)')`,
  },
];

/** Builds the peer pages into a new folder; returns it and the pages
 * ({ name, path, usable, next }: JS expressions for the button and the next screen). */
export async function buildPeerPages() {
  const dir = mkdtempSync(join(tmpdir(), 'ir-peer-pages-'));
  for (const peer of PEERS) {
    const entry = join(dir, `${peer.file}-entry.mjs`);
    writeFileSync(entry, peer.script);
    await build({
      entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser',
      outfile: join(dir, `${peer.file}.js`), nodePaths: [join(here, 'node_modules')], logLevel: 'error',
      loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.svg': 'dataurl', '.ttf': 'dataurl', '.eot': 'dataurl' },
    });
    writeFileSync(join(dir, `${peer.file}.html`), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${peer.name}</title>
<link rel="stylesheet" href="${peer.file}.css"><script type="module" src="${peer.file}.js"></script></head>
<body>${peer.body}</body></html>\n`);
  }
  for (const file of readdirSync(dir).filter((f) => /\.(html|js|css)$/.test(f))) {
    const bytes = readFileSync(join(dir, file));
    writeFileSync(join(dir, `${file}.br`), brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    writeFileSync(join(dir, `${file}.gz`), gzipSync(bytes, { level: 9 }));
  }
  return { dir, pages: PEERS.map((p) => ({ name: p.name, path: `/recorder/${p.file}.html`, usable: p.usable, next: p.next })) };
}
