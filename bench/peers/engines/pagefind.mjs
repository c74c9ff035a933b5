// Pagefind: one HTML page per article fragment (lang from the corpus), indexed
// by the npm package's bundled binary (the extended build, which segments
// Chinese), default options. Its results are named by fragment hash; the
// fragments it writes say which page each hash is, so the hashes are mapped
// back to fragment ids after the build.
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { resolveBinaryPath } from '../../../node_modules/pagefind/lib/resolveBinary.js';
import { escapeMarkup as escape } from '../escape.mjs';
import { walk } from '../files.mjs';

export const name = 'pagefind';
export const label = 'Pagefind';
export const npm = 'pagefind';
export const setup = 'the npm package\'s extended binary (it segments Chinese), default options, over one HTML page per article fragment; results from `search()`, snippets from the top ten\'s `data().excerpt`';

const element = (tag, text) => (text ? `<${tag}>${escape(text)}</${tag}>` : '');

function page(fragment, lang) {
  const { article } = fragment;
  const blocks = article.blocks.map((block) =>
    block.type === 'figure'
      ? `<figure>${element('figcaption', block.caption)}${element('small', block.credit)}</figure>`
      : element(block.type === 'subhead' ? 'h2' : 'p', block.text));
  return `<!doctype html><html lang="${escape(lang)}"><head><meta charset="utf-8"><title>${escape(article.headline ?? article.id)}</title></head>
<body><article>${element('p', article.kicker)}${element('h1', article.headline)}${element('p', article.deck)}${element('p', article.byline)}
${blocks.join('\n')}</article></body></html>
`;
}

/** Writes the pages, runs Pagefind; the folder it serves is `dir`. */
export async function build({ corpus, dir }) {
  const urls = new Map();
  for (const fragment of corpus.fragments) {
    const url = `/e${fragment.edition}/${encodeURIComponent(fragment.article.id)}.html`;
    urls.set(url, fragment.id);
    await mkdir(join(dir, `e${fragment.edition}`), { recursive: true });
    await writeFile(join(dir, decodeURIComponent(url)), page(fragment, corpus.lang));
  }
  const binary = resolveBinaryPath(['pagefind_extended', 'pagefind']);
  const start = performance.now();
  const run = spawnSync(binary, ['--site', dir, '--quiet'], { encoding: 'utf8' });
  const buildMs = performance.now() - start;
  if (run.status !== 0) throw new Error(`pagefind failed (${run.status}): ${run.stderr || run.stdout}`);
  const bundle = join(dir, 'pagefind');
  const ids = new Map();
  for (const file of await readdir(join(bundle, 'fragment'))) {
    const text = gunzipSync(await readFile(join(bundle, 'fragment', file))).toString('utf8');
    const { url } = JSON.parse(text.slice(text.indexOf('{')));
    ids.set(file.replace(/\.pf_fragment$/, ''), urls.get(url));
  }
  // What a search needs, without the optional UI kits.
  const offline = (await walk(bundle)).filter((file) => !/-ui\.|highlight|playground/.test(file));
  return { buildMs, offline, fragmentOf: (id) => ids.get(id) };
}
