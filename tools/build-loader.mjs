// Writes dist/broadsheet.js, the widget's one script, from its sources in
// www/: the loader (broadsheet.js) and the reader's stylesheet
// (broadsheet.css, minified and embedded as text for a constructed
// stylesheet). The wasm-bindgen glue that build-widget.mjs writes into dist/ stays a
// file of its own, imported by name. Beside it go the npm package's other
// files that no step builds: the element's TypeScript declarations and the
// licences (and the third-party notices, when the repository has them).
//
// Run after `node tools/build-widget.mjs` (the Makefile does). It is not a general bundler
// set-up: esbuild does the module work; this file only says what goes in.
//
// Usage: node tools/build-loader.mjs DIST
import { build, transform } from 'esbuild';
import { copyFile, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';

const dist = process.argv[2] ?? 'dist';

// The stylesheet as minified text: `import STYLESHEET from './broadsheet.css'`.
const stylesheetAsText = {
  name: 'stylesheet-as-text',
  setup(bundle) {
    bundle.onLoad({ filter: /\.css$/ }, async ({ path }) => {
      const { code } = await transform(await readFile(path, 'utf8'), { loader: 'css', minify: true, sourcefile: path });
      return { contents: code.trim(), loader: 'text' };
    });
  },
};

try {
  await build({
    entryPoints: ['www/broadsheet.js'],
    outfile: join(dist, 'broadsheet.js'),
    bundle: true,
    format: 'esm',
    // build-widget.mjs's output beside it, not a source.
    external: ['./broadsheet-widget.js'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [stylesheetAsText],
  });
} catch (error) {
  console.error(`build-loader: ${error.message}`);
  process.exit(1);
}
console.log(`build-loader: ${dist}/broadsheet.js`);

// Copied as they are (www/package.json lists them in "files").
const PACKAGE_FILES = ['www/broadsheet.d.ts', 'LICENSE-MIT', 'LICENSE-APACHE'];
const OPTIONAL_PACKAGE_FILES = ['THIRD-PARTY-NOTICES.md'];
for (const file of [...PACKAGE_FILES, ...OPTIONAL_PACKAGE_FILES.filter((file) => existsSync(file))]) {
  await copyFile(file, join(dist, basename(file)));
}
