// Broadsheet: the widget from dist/ (`make build`), the corpus, and the
// index `broadsheet index` writes beside it. A story is named as the
// search JSON names it, `date|publication|article` (its edition's date and
// paper, and its first fragment: the 1916 pages print several papers on one
// date, whose article ids repeat). When the widget cannot search yet, recall is measured
// with the CLI (`broadsheet search --json`), the same engine natively.
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { RUNTIME } from '../../../tools/runtime-files.mjs';

export const name = 'broadsheet';
export const label = 'Broadsheet';
export const setup = 'the widget from `make build` searching through its element API; its index built by `broadsheet index`, served beside the corpus';

const EVERYTHING = 1_000_000_000;

export const storyLabel = (story) => `${story.date}|${story.publication}|${story.head}`;

/** Copies the widget's runtime from `dist` into `dir`; resolves to the copies. */
export async function copyRuntime(dist, dir) {
  await mkdir(dir, { recursive: true });
  for (const file of RUNTIME) await copyFile(join(dist, file), join(dir, file));
  return RUNTIME.map((file) => join(dir, file));
}

/** Copies the widget into `dir` and indexes `corpusFile` (the served corpus) beside it. */
export async function build({ dir, corpusFile, binary, dist }) {
  const runtime = await copyRuntime(dist, dir);
  const start = performance.now();
  const run = spawnSync(binary, ['index', corpusFile], { encoding: 'utf8' });
  const buildMs = performance.now() - start;
  if (run.status !== 0) throw new Error(`${binary} index ${corpusFile} failed (${run.status}): ${run.stderr}`);
  const index = corpusFile.replace(/\.json$/, '.index');
  return {
    buildMs,
    offline: [...runtime, corpusFile, index],
    native: (query) => nativeSearch(binary, corpusFile, query),
  };
}

/** Every story the CLI finds for `query` in a corpus file or an archive folder, named like the widget's hits. */
export function nativeSearch(binary, corpusFile, query) {
  const run = spawnSync(binary, ['search', '--json', '--limit', String(EVERYTHING), '--', corpusFile, query], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (run.status !== 0) throw new Error(`broadsheet search ${JSON.stringify(query)} failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout).map((hit) => `${hit.date}|${hit.publication}|${hit.article}`);
}
