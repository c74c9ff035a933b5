// A small static file server for the built widget: `make serve` and the
// browser tests use it. It serves one folder with the right MIME types (wasm
// must be application/wasm to stream-compile), never lists directories, and
// only answers on loopback by default.
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';

const gzip = promisify(gzipCallback);

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

/**
 * Content types for timing the widget under DevTools (Playwright, the
 * benchmarks): once a text response has arrived, Chromium's DevTools network
 * agent decodes all of it, in one task on the page's main thread (the
 * 15 MB corpus of 1916: a 59 ms task, 400 ms with the CPU 4× slower), which
 * no reader's browser does. Served as bytes, a JSON file is not decoded;
 * the widget and the peers' libraries read it the same either way.
 */
export const UNDECODED_UNDER_DEVTOOLS = { '.json': 'application/octet-stream' };

/**
 * Serves `root` on `host:port` (port 0 picks a free one); resolves to the
 * server. `mounts` serves other folders under a first path segment of
 * their own (`{ site: '../site' }`: `/site/…` from `../site`). `types` maps
 * file extensions to content types over the usual ones.
 * `headers` are added to every response; `headersFor(path)` returns more
 * for one request's URL path (say, a cache policy for a folder), over
 * `headers`. With `compress`, a response is gzipped (level 6, as static
 * hosts serve files) when the request accepts gzip; by default, as is.
 * With `tls` (`{ key, cert }`, PEM), it serves HTTPS and HTTP/2 as CDNs do
 * (many requests at once on one connection), HTTP/1.1 to clients without it.
 */
export function serve({ root, mounts = {}, host = '127.0.0.1', port = 0, headers = {}, headersFor = () => ({}), types = {}, compress = false, tls = null }) {
  const folders = Object.fromEntries(Object.entries(mounts).map(([name, folder]) => [name, resolve(folder)]));
  const contentTypes = { ...TYPES, ...types };
  const handle = async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
      const [, first, ...rest] = path.split('/');
      const mounted = Object.hasOwn(folders, first);
      const base = mounted ? folders[first] : resolve(root);
      let file = normalize(join(base, mounted ? rest.join('/') : path));
      if (file !== base && !file.startsWith(base + sep)) return send(response, 403, 'forbidden');
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file).catch(() => null);
      if (body === null) return send(response, 404, 'not found');
      const gzipped = compress && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
      const payload = gzipped ? await gzip(body, { level: 6 }) : body;
      response.writeHead(200, {
        'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
        'content-length': payload.length,
        'cache-control': 'no-cache',
        ...(gzipped ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
        ...headers,
        ...headersFor(path),
      });
      response.end(request.method === 'HEAD' ? undefined : payload);
    } catch (error) {
      send(response, 500, String(error));
    }
  };
  const server = tls ? createSecureServer({ key: tls.key, cert: tls.cert, allowHTTP1: true }, handle) : createServer(handle);
  return new Promise((ready) => server.listen(port, host, () => ready(server)));
}

function send(response, status, text) {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}

// node tools/serve.mjs [ROOT] [PORT] [HOST] [NAME=FOLDER…]
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = 'dist', port = '8080', host = '127.0.0.1', ...mounted] = process.argv.slice(2);
  const mounts = Object.fromEntries(mounted.map((mount) => mount.split(/=(.*)/s).slice(0, 2)));
  const server = await serve({ root, mounts, port: Number(port), host });
  const { address, port: bound } = server.address();
  const also = Object.entries(mounts).map(([name, folder]) => `, ${folder} at /${name}/`).join('');
  console.log(`Serving ${root} at http://${address}:${bound}/${also} (Ctrl-C to stop)`);
}
