// A TCP proxy on 127.0.0.1 that can cut a connection mid-request, as a flaky network would,
// and remembers what clients sent (to check headers such as Upload-Checksum).
import net from 'node:net';
import { freePort } from './server.mjs';

/** Listens now; forwards to `target()` ("host:port"), which may be set later. */
export async function startProxy() {
  const port = await freePort();
  const state = { target: null, cutAfter: Infinity, cuts: 0, sent: '' };
  const server = net.createServer((client) => {
    const [host, targetPort] = state.target.split(':');
    const upstream = net.connect(Number(targetPort), host);
    let forwarded = 0;
    client.on('data', (data) => {
      state.sent += data.toString('latin1').slice(0, 2048);
      forwarded += data.length;
      if (forwarded > state.cutAfter) {
        state.cutAfter = Infinity; // once
        state.cuts += 1;
        client.destroy();
        upstream.destroy();
        return;
      }
      upstream.write(data);
    });
    upstream.on('data', (data) => client.write(data));
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.end());
    upstream.on('close', () => client.end());
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${port}`,
    state,
    close: () => server.close(),
  };
}
