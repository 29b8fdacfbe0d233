// A reference tus server for conformance tests: @tus/server with @tus/file-store,
// on 127.0.0.1 (an ephemeral port), storing uploads in the directory given as argv[2].
// Prints "listening on http://127.0.0.1:PORT/files" once ready.
import http from 'node:http';
import { Server } from '@tus/server';
import { FileStore } from '@tus/file-store';

const directory = process.argv[2];
if (!directory) {
  console.error('usage: node tus-node-server.mjs DIRECTORY');
  process.exit(2);
}
const tus = new Server({ path: '/files', datastore: new FileStore({ directory }) });
const server = http.createServer((req, res) => tus.handle(req, res));
server.listen(0, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}/files`);
});
