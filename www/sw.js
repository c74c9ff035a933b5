// Broadsheet's service worker: the reader keeps working with no network once
// the page has been visited.
//
// `tools/gen-sw.mjs` writes the built copy into dist/, filling in PRECACHE
// (every file of the app shell, the bundled corpus and its search index) and
// VERSION (a hash of all of them). A new build or a new corpus therefore
// changes this file, the browser installs the new worker, and the new worker
// fills a fresh cache as a whole (cache.addAll either stores every file or
// none). It then waits: the page shows "new edition available" and only when
// the reader reloads does the new cache replace the old one. A page is never
// served an old index beside a new corpus, nor a half-written cache.
const VERSION = 'development';
const PRECACHE = [];

const SHELL_CACHE = `broadsheet-shell-${VERSION}`;
const RUNTIME_CACHE = 'broadsheet-runtime';
const SCOPE = new URL(self.registration.scope);
const precached = new Set(PRECACHE.map((path) => new URL(path, SCOPE).href));

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(SHELL_CACHE).then((cache) => cache.addAll(PRECACHE.map((path) => new Request(new URL(path, SCOPE), { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith('broadsheet-shell-') && name !== SHELL_CACHE).map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'broadsheet:skip-waiting') self.skipWaiting();
});

// An archive's files (its root, and the files named after their hashes):
// the reader keeps an archive's editions itself and reads a kept file
// without asking the network, so they pass through here untouched rather
// than being stored twice.
const ARCHIVE_FILE = /(?:\/archive\.json|\.[0-9a-f]{16}\.json)$/;

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin) return;
  if (ARCHIVE_FILE.test(url.pathname)) return;
  url.hash = '';
  if (request.mode === 'navigate') {
    event.respondWith(fromShell(request, new URL('./', SCOPE).href));
  } else if (precached.has(url.href)) {
    event.respondWith(fromShell(request, url.href));
  } else {
    event.respondWith(networkThenRuntimeCache(request));
  }
});

// The shell's copy first: it is consistent with the rest of this version.
async function fromShell(request, key) {
  const cache = await caches.open(SHELL_CACHE);
  return (await cache.match(key, { ignoreSearch: true })) ?? fetch(request);
}

// Other corpora the reader opens: fresh when online, the last copy when not.
async function networkThenRuntimeCache(request) {
  const cache = await caches.open(RUNTIME_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request);
    if (cached) return cached;
    throw error;
  }
}
