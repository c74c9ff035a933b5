// Files as a download sees them: every file under a folder, and a file's
// size on the wire from a server that gzips (gzip -9, or the file as it is
// when it is already compressed, as Pagefind's index files are).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Every file under `dir`, recursively, sorted. */
export async function walk(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath ?? entry.path, entry.name)).sort();
}

const sizes = new Map();

/** The bytes `file` takes to download, gzipped; remembered per path. */
export async function wireSize(file) {
  if (!sizes.has(file)) {
    const bytes = await readFile(file);
    sizes.set(file, Math.min(bytes.length, gzipSync(bytes, { level: 9 }).length));
  }
  return sizes.get(file);
}

/** The total wire size of `files`. */
export async function totalWireSize(files) {
  let total = 0;
  for (const file of files) total += await wireSize(file);
  return total;
}
