// Writes DIR/sw.js from www/sw.js: fills in the precache list (the files a
// reader needs offline) and a version that is the hash of their contents, so
// any change to the build or the corpus yields a new service worker.
//
// Usage: node tools/gen-sw.mjs DIR [CORPUS]
//
// DIR holds the runtime and the corpus (CORPUS, corpus.json by default,
// with its index when there is one); the host page's own files are kept
// too when DIR holds them (the demo's: index.html, its script, stylesheet,
// icon and manifest).
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { RUNTIME } from './runtime-files.mjs';

// Files the offline reader needs: the widget's runtime and the corpus,
// then those kept when present: the corpus's index and the host page's files.
const HOST_PAGE = ['index.html', 'demo.css', 'demo.js', 'icon.svg', 'manifest.webmanifest', 'corpora.json'];

const dist = process.argv[2] ?? 'dist';
const corpus = process.argv[3] ?? 'corpus.json';
const SHELL = [...RUNTIME, corpus];
const OPTIONAL = [corpus.replace(/\.json$/, '') + '.index', ...HOST_PAGE];
const present = new Set(await readdir(dist));
const missing = SHELL.filter((file) => !present.has(file));
if (missing.length) {
  console.error(`gen-sw: ${dist} lacks ${missing.join(', ')}; build first (make build) and put the corpus beside the runtime`);
  process.exit(1);
}
const files = [...SHELL, ...OPTIONAL.filter((file) => present.has(file))];
const hash = createHash('sha256');
for (const file of files) hash.update(file).update('\0').update(await readFile(join(dist, file)));
const version = hash.digest('hex').slice(0, 16);

const template = await readFile(new URL('../www/sw.js', import.meta.url), 'utf8');
// The start page by its folder's URL, as a reader opens it.
const precache = files.map((file) => (file === 'index.html' ? './' : file));
const worker = template
  .replace("const VERSION = 'development';", `const VERSION = '${version}';`)
  .replace('const PRECACHE = [];', `const PRECACHE = ${JSON.stringify(precache)};`);
if (worker === template) {
  console.error('gen-sw: www/sw.js no longer has the VERSION and PRECACHE lines this script fills in');
  process.exit(1);
}
await writeFile(join(dist, 'sw.js.tmp'), worker);
await rename(join(dist, 'sw.js.tmp'), join(dist, 'sw.js'));
console.log(`gen-sw: ${dist}/sw.js version ${version}, ${precache.length} files`);
