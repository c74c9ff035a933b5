// A small static file server for the built widget: `make serve` and the
// browser tests use it. It serves one folder with the right MIME types (wasm
// must be application/wasm to stream-compile), never lists directories, and
// only answers on loopback by default.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.index': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves `root` on `host:port` (port 0 picks a free one); resolves to the server. */
export function serve({ root, host = '127.0.0.1', port = 0, headers = {} }) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) return send(response, 403, 'forbidden');
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file).catch(() => null);
      if (body === null) return send(response, 404, 'not found');
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-cache',
        ...headers,
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      send(response, 500, String(error));
    }
  });
  return new Promise((ready) => server.listen(port, host, () => ready(server)));
}

function send(response, status, text) {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = 'dist', port = '8080', host = '127.0.0.1'] = process.argv.slice(2);
  const server = await serve({ root, port: Number(port), host });
  const { address, port: bound } = server.address();
  console.log(`Serving ${root} at http://${address}:${bound}/ (Ctrl-C to stop)`);
}
