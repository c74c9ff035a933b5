// A self-signed certificate for 127.0.0.1, so that the benchmarks can serve
// HTTPS with HTTP/2 as CDNs do (a browser speaks HTTP/2 over TLS only).
// Made once with the openssl command under build/tls/ and kept there; never
// committed, never used beyond loopback. Browsers must be told to trust it
// by its key's hash (`launchBrowser({ trustKey: spki })`): unlike ignoring
// certificate errors, that keeps the HTTP cache and service workers as a
// trusted host has them.
import { execFile } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * `{ key, cert }` (PEM) for `serve({ tls })`, made under `folder` if it is
 * not there yet, and `spki`: the base64 SHA-256 of its public key, which
 * Chromium's `--ignore-certificate-errors-spki-list` takes.
 */
export async function loopbackTls(folder = 'build/tls') {
  const dir = resolve(folder);
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  if (!existsSync(key) || !existsSync(cert)) {
    await mkdir(dir, { recursive: true });
    try {
      await run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
        '-keyout', key, '-out', cert, '-days', '3650', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1']);
    } catch (error) {
      throw new Error(`serving HTTPS on loopback needs a certificate, made with the openssl command (Debian package openssl): ${error.message}`);
    }
  }
  const pem = await readFile(cert);
  const spki = createHash('sha256').update(createPublicKey(pem).export({ type: 'spki', format: 'der' })).digest('base64');
  return { key: await readFile(key), cert: pem, spki };
}
