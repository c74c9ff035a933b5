// Builds the widget's runtime and the demo host page into DIST: the wasm
// (cargo, the `widget` profile), its glue (wasm-bindgen, the version the
// crate pins), the wasm size-optimized (wasm-opt -Oz), and the demo's own
// files copied from www/ beside the host page index.html. The loader
// (tools/build-loader.mjs), the bundled corpus's index and the service
// worker come after it (the Makefile runs them).
//
// Three standard tools in a row, so a fresh machine compiles no bundler:
// wasm-bindgen-cli must match the crate's wasm-bindgen and is installed
// from crates.io; wasm-opt comes from npm's binaryen.
//
// Usage: node tools/build-widget.mjs [DIST]
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const BIN = 'broadsheet-widget';
const PROFILE = 'widget';
const WASM = join('target', 'wasm32-unknown-unknown', PROFILE, `${BIN}.wasm`);
// The demo host page's files, as index.html names them.
const DEMO_FILES = ['icon.svg', 'manifest.webmanifest', 'corpus.json', 'corpus.schema.json', 'package.json', 'demo.js', 'demo.css'];

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });

// A fresh folder, filled beside the old one and swapped in, so that a
// failed build leaves the last good one.
const staging = `${dist}.staging`;
await rm(staging, { recursive: true, force: true });
await mkdir(staging, { recursive: true });

run('cargo', ['build', '--target', 'wasm32-unknown-unknown', '--profile', PROFILE, '--bin', BIN]);
run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', staging, '--out-name', BIN, WASM]);
const wasm = join(staging, `${BIN}_bg.wasm`);
run('wasm-opt', ['-Oz', wasm, '-o', wasm]);

for (const file of DEMO_FILES) await copyFile(join('www', file), join(staging, file));
await writeFile(join(staging, 'index.html'), await readFile('index.html', 'utf8'));

await rm(dist, { recursive: true, force: true });
await rename(staging, dist);
console.log(`build-widget: ${dist}/ holds the wasm, its glue and the demo page`);
