// P3: server memory with 0, 100 and 500 uploads in flight: each a PATCH whose headers
// and first 64 KB arrived, the rest held back (a slow phone). A fresh server per level;
// its peak resident memory (VmHWM) once every PATCH is open, demo-server and @tus/server.
import net from 'node:net';
import { memory, startDemoServer, startTusNodeServer } from './peers.mjs';
import { saveResult } from './result.mjs';

const LEVELS = [0, 100, 500];
const HELD_BYTES = Number(process.env.BENCH_HELD_KB ?? 64) * 1024;
const round = (x) => Math.round(x * 10) / 10;

/** Creates an upload at `server` for `question` with the candidate's `headers`. */
async function create(server, question, headers) {
  const metadata = Object.entries(server.metadata(question))
    .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`).join(',');
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { ...headers, 'Tus-Resumable': '1.0.0', 'Upload-Length': String(10 << 20), 'Upload-Metadata': metadata },
  });
  if (response.status !== 201) throw new Error(`create: ${response.status} ${await response.text()}`);
  return { location: new URL(response.headers.get('Location'), server.url), headers };
}

/** Opens a PATCH to `upload` and sends only its first bytes; resolves once they are written. */
function holdPatch(upload) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(upload.location.port), upload.location.hostname, () => {
      const lines = [`PATCH ${upload.location.pathname} HTTP/1.1`, `Host: ${upload.location.host}`,
        'Tus-Resumable: 1.0.0', 'Upload-Offset: 0', 'Content-Type: application/offset+octet-stream',
        `Content-Length: ${10 << 20}`, ...Object.entries(upload.headers).map(([k, v]) => `${k}: ${v}`)];
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
      socket.write(Buffer.alloc(HELD_BYTES, 1), () => resolve(socket));
    });
    socket.on('error', reject);
  });
}

async function peakWith(start, inFlight) {
  const server = await start();
  const sockets = [];
  try {
    const uploads = [];
    // demo-server: one upload per question per candidate, so a new candidate for each.
    for (let i = 0; i < inFlight; i += 1) {
      const question = ['q1', 'q2', 'q3'][i % 3];
      uploads.push(await create(server, question, await server.uploadHeaders(question)));
    }
    for (const upload of uploads) sockets.push(await holdPatch(upload));
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    return round(memory(server.pid).peak);
  } finally {
    sockets.forEach((s) => s.destroy());
    server.stop();
  }
}

const ours = [];
const peer = [];
for (const level of LEVELS) { // interleaved
  ours.push(await peakWith(startDemoServer, level));
  peer.push(await peakWith(startTusNodeServer, level));
}
saveResult({
  id: 'P3', title: 'Server peak memory with 500 uploads in flight', unit: 'MB', better: 'lower',
  ours: { name: 'demo-server', runs: [ours.at(-1)] },
  peers: [{ name: '@tus/server + @tus/file-store', runs: [peer.at(-1)] }],
  target: { of: 'median', op: '<=', value: 64 },
  notes: [
    `In flight = a PATCH whose headers and first ${HELD_BYTES / 1024} KB arrived, the rest held back; a fresh server per level; peak RSS (VmHWM) after 2 s.`,
    ...LEVELS.map((level, i) => `${level} in flight: demo-server ${ours[i]} MB, @tus/server ${peer[i]} MB`),
  ],
});
