// Writes dist/sw.js from www/sw.js: fills in the precache list (the files a
// reader needs offline) and a version that is the hash of their contents, so
// any change to the build or the corpus yields a new service worker.
//
// Usage: node tools/gen-sw.mjs DIST
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { RUNTIME } from './runtime-files.mjs';

// Files the offline reader needs, in dist/: the widget's runtime, the demo
// host page's own files, and the corpus with its index. Optional ones are
// skipped when absent.
const HOST_PAGE = ['index.html', 'demo.css', 'demo.js', 'icon.svg', 'manifest.webmanifest', 'corpora.json'];
const SHELL = [...RUNTIME, ...HOST_PAGE, 'corpus.json'];
const OPTIONAL = ['corpus.index'];

const dist = process.argv[2] ?? 'dist';
const present = new Set(await readdir(dist));
const missing = SHELL.filter((file) => !present.has(file));
if (missing.length) {
  console.error(`gen-sw: ${dist} lacks ${missing.join(', ')}; build first (make build)`);
  process.exit(1);
}
const files = [...SHELL, ...OPTIONAL.filter((file) => present.has(file))];
const hash = createHash('sha256');
for (const file of files) hash.update(file).update('\0').update(await readFile(join(dist, file)));
const version = hash.digest('hex').slice(0, 16);

const template = await readFile('www/sw.js', 'utf8');
const precache = ['./', ...files.filter((file) => file !== 'index.html')];
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
