// The npm package's TypeScript declarations (broadsheet.d.ts), as a host
// project sees them: the built package installed under node_modules, host
// code that uses the whole API type-checking with `tsc --noEmit --strict`,
// and misuse refused, each with the error it should be. No browser: tsc
// only (a few seconds).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const DIST = resolve('dist');
const TSC = resolve('node_modules/typescript/bin/tsc');
const SOURCES = resolve('tests/browser/types');

// What a careful host compiles with: strict, and each optional field
// exactly as declared.
const TSCONFIG = {
  compilerOptions: {
    strict: true,
    exactOptionalPropertyTypes: true,
    noEmit: true,
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'bundler',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    types: [],
    skipLibCheck: false,
  },
  files: ['host.ts', 'misuse.ts'],
};

/** Runs tsc in `dir`; resolves to its exit code and its errors, `{ file, line, code }`. */
function typeCheck(dir) {
  return new Promise((done, fail) => {
    execFile(process.execPath, [TSC, '--project', dir, '--noEmit', '--strict', '--pretty', 'false'], { cwd: dir }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') return fail(error);
      const errors = [...stdout.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+): /gm)]
        .map(([, file, line, code]) => ({ file, line: Number(line), code }));
      done({ status: error ? error.code : 0, errors, output: stdout + stderr });
    });
  });
}

test('a host written against the package type-checks, and misuse is refused with the expected errors', async () => {
  assert.ok(existsSync(TSC), 'typescript is installed (npm ci)');
  assert.ok(existsSync(join(DIST, 'broadsheet.d.ts')), 'the build ships broadsheet.d.ts (make build)');
  const pkg = JSON.parse(await readFile(join(DIST, 'package.json'), 'utf8'));
  assert.equal(pkg.types, './broadsheet.d.ts');
  assert.equal(pkg.exports['.'].types, './broadsheet.d.ts', 'the "types" condition of the main export');
  assert.ok(pkg.files.includes('broadsheet.d.ts'));
  const dir = await mkdtemp(join(tmpdir(), 'broadsheet-types-'));
  try {
    // The built package as a dependency: its package.json's "exports" and
    // "types" are what resolve `import 'broadsheet-reader'`.
    await mkdir(join(dir, 'node_modules'));
    await symlink(DIST, join(dir, 'node_modules', 'broadsheet-reader'), 'dir');
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
    await copyFile(join(SOURCES, 'host.ts'), join(dir, 'host.ts'));

    // misuse.ts marks each refused statement with `@ts-expect-error TSnnnn:`.
    // Unmarked (same lines), each must fail with that code, and nothing else
    // may: a mark that no longer fails, or fails otherwise, is caught.
    const misuse = await readFile(join(SOURCES, 'misuse.ts'), 'utf8');
    const expected = new Map();
    misuse.split('\n').forEach((line, index) => {
      const mark = line.match(/^\s*\/\/ @ts-expect-error (TS\d+):/);
      if (mark) expected.set(index + 2, mark[1]);
    });
    assert.ok(expected.size >= 10, `misuse.ts marks its refused statements: ${expected.size}`);
    await writeFile(join(dir, 'misuse.ts'), misuse.replaceAll('// @ts-expect-error', '// refused:'));

    const { status, errors, output } = await typeCheck(dir);
    assert.deepEqual(errors.filter(({ file }) => file !== 'misuse.ts'), [], `host.ts type-checks:\n${output}`);
    const refused = new Map();
    for (const { file, line, code } of errors) {
      if (file === 'misuse.ts') refused.set(line, [...(refused.get(line) ?? []), code]);
    }
    const wrong = [...expected].filter(([line, code]) => !refused.get(line)?.includes(code));
    assert.deepEqual(wrong, [], `each marked statement fails with its code (line, code):\n${output}`);
    const unexpected = [...refused.keys()].filter((line) => !expected.has(line));
    assert.deepEqual(unexpected, [], `no other line of misuse.ts fails:\n${output}`);
    assert.notEqual(status, 0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
