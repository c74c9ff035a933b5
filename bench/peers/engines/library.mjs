// What a JavaScript search library needs served: its build copied from
// node_modules, the index it saved (built and timed in Node), and the corpus
// its adapter cuts snippets from. Shared by the FlexSearch and MiniSearch
// builders; it knows nothing about either library.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Times `save()` (build the index, return its JSON text), then writes
 * `dir/index.json` and `dir/runtimeName` (a copy of `runtime`). Returns a
 * build result: `{ buildMs, offline, fragmentOf }` (the library's ids are
 * fragment ids).
 */
export async function buildLibrary({ dir, runtime, runtimeName, corpusFile }, save) {
  await mkdir(dir, { recursive: true });
  const start = performance.now();
  const saved = await save();
  const buildMs = performance.now() - start;
  await writeFile(join(dir, 'index.json'), saved);
  await copyFile(runtime, join(dir, runtimeName));
  return { buildMs, offline: [join(dir, runtimeName), join(dir, 'index.json'), corpusFile], fragmentOf: (id) => id };
}
