// P4: what a host page downloads. Our widget (wasm, JS, CSS: the CSS is inside the wasm)
// against peer stacks bundled from npm with esbuild (minified ESM), raw, gzip and brotli.
import { build } from 'esbuild';
import { readFileSync, readdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { saveResult } from './result.mjs';

const widgetDir = resolve(process.env.WIDGET_DIR ?? new URL('../../target/www/recorder', import.meta.url).pathname);
const here = new URL('.', import.meta.url).pathname;

const sizes = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const sum = (parts) => parts.reduce((a, p) => ({ raw: a.raw + p.raw, gzip: a.gzip + p.gzip, brotli: a.brotli + p.brotli }),
  { raw: 0, gzip: 0, brotli: 0 });
const kb = (bytes) => Math.round(bytes / 102.4) / 10;

/** Bundles `imports` (JS modules and CSS files) with esbuild; sizes of the JS and the CSS. */
async function bundle(name, imports) {
  const dir = mkdtempSync(join(tmpdir(), 'ir-bench-'));
  const entry = join(dir, 'entry.mjs');
  writeFileSync(entry, `${imports.map((m, i) => (m.endsWith('.css') ? `import '${m}';` : `import * as m${i} from '${m}';`)).join('\n')}
window.peers = [${imports.map((m, i) => (m.endsWith('.css') ? '' : `m${i}`)).filter(Boolean).join(', ')}];\n`);
  await build({
    entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser',
    outdir: join(dir, 'out'), nodePaths: [join(here, 'node_modules')], logLevel: 'error',
    loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.svg': 'dataurl', '.ttf': 'dataurl', '.eot': 'dataurl' },
  });
  const read = (file) => { try { return readFileSync(join(dir, 'out', file)); } catch { return Buffer.alloc(0); } };
  const js = sizes(read('entry.js'));
  const css = sizes(read('entry.css'));
  return { name, js, css, total: sum([js, css]) };
}

const ourFiles = readdirSync(widgetDir).filter((f) => /\.(wasm|js|css)$/.test(f));
const ourParts = ourFiles.map((file) => ({ file, ...sizes(readFileSync(join(widgetDir, file))) }));
const ours = sum(ourParts);

const peers = [
  await bundle('recordrtc + tus-js-client (no UI)', ['recordrtc', 'tus-js-client']),
  await bundle('Uppy core + dashboard + webcam + tus, with CSS (no interview flow)', [
    '@uppy/core', '@uppy/dashboard', '@uppy/webcam', '@uppy/tus',
    '@uppy/core/css/style.min.css', '@uppy/dashboard/css/style.min.css', '@uppy/webcam/css/style.min.css',
  ]),
  await bundle('video.js + videojs-record + recordrtc, with CSS', [
    'video.js', 'videojs-record', 'recordrtc',
    'video.js/dist/video-js.min.css', 'videojs-record/dist/css/videojs.record.min.css',
  ]),
];

saveResult({
  id: 'P4',
  title: 'Widget payload, gzip (wasm + JS + CSS)',
  unit: 'KB',
  better: 'lower',
  ours: { name: 'interview-recorder (whole interview flow)', runs: [kb(ours.gzip)] },
  peers: peers.map((p) => ({ name: p.name, runs: [kb(p.total.gzip)] })),
  target: { of: 'median', op: '<=', value: 100 },
  notes: [
    'Sizes are deterministic: one run each. KB = 1024 bytes. Peers: esbuild --bundle --minify --format=esm.',
    ...ourParts.map((p) => `ours ${p.file}: raw ${kb(p.raw)} KB, gzip ${kb(p.gzip)} KB, brotli ${kb(p.brotli)} KB`),
    `ours total: raw ${kb(ours.raw)} KB, gzip ${kb(ours.gzip)} KB, brotli ${kb(ours.brotli)} KB`,
    ...peers.map((p) => `${p.name}: JS raw ${kb(p.js.raw)} / gzip ${kb(p.js.gzip)} / brotli ${kb(p.js.brotli)} KB; `
      + `CSS raw ${kb(p.css.raw)} / gzip ${kb(p.css.gzip)} / brotli ${kb(p.css.brotli)} KB; `
      + `total gzip ${kb(p.total.gzip)} KB, brotli ${kb(p.total.brotli)} KB`),
  ],
});
