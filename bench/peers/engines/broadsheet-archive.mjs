// Broadsheet over an archive: the corpus published by `broadsheet publish`
// (its editions, page texts and search index as static files), read and
// searched by the widget from `make build` through its element API. Stories
// are named as for the single corpus (engines/broadsheet.mjs). Its offline
// set is the whole archive: what a reader would keep to search every
// edition offline (an archive keeps the editions a reader chooses).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { walk } from '../files.mjs';
import { copyRuntime, nativeSearch } from './broadsheet.mjs';

export const name = 'broadsheet-archive';
export const label = 'Broadsheet (archive)';
export const setup = 'the same widget over the corpus as `broadsheet publish` publishes it: an edition at a time, searched by the archive\'s sharded index, only the files a query needs fetched';

export { storyLabel } from './broadsheet.mjs';

/** Copies the widget into `dir` and publishes `corpusFile` into `dir/site`. */
export async function build({ dir, corpusFile, binary, dist }) {
  const runtime = await copyRuntime(dist, dir);
  const site = join(dir, 'site');
  const start = performance.now();
  const run = spawnSync(binary, ['publish', site, corpusFile], { encoding: 'utf8' });
  const buildMs = performance.now() - start;
  if (run.status !== 0) throw new Error(`${binary} publish ${site} ${corpusFile} failed (${run.status}): ${run.stderr}`);
  const files = (await walk(site)).filter((file) => !/\/\.broadsheet\.lock$/.test(file));
  return {
    buildMs,
    offline: [...runtime, ...files],
    native: (query) => nativeSearch(binary, site, query),
  };
}
