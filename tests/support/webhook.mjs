// A webhook receiver on 127.0.0.1, for tests that check what the demo server reports.
import http from 'node:http';
import { freePort } from './server.mjs';

/** Starts a receiver: its `url`, the JSON `bodies` it was sent, and `close()`. */
export async function receiver() {
  const bodies = [];
  const port = await freePort();
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (data) => { body += data; });
    request.on('end', () => {
      bodies.push(JSON.parse(body));
      response.writeHead(204).end();
    });
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/hook`, bodies, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Waits until `check()` is true, up to `ms`; whether it became true. */
export async function eventually(check, ms = 10_000) {
  for (let waited = 0; !check() && waited < ms; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}
