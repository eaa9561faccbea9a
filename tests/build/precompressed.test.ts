import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasGzipCopy, precompressedFiles } from '../../scripts/vite/precompressed';

// dist sits in a folder of its own, beside a secret and a sibling folder named dist-x.
const parent = mkdtempSync(join(tmpdir(), 'kubelab-preview-'));
const dist = join(parent, 'dist');
let server: Server;
let port = 0;

function get(path: string, encoding?: string): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((done, fail) => {
    const req = request({ port, path, headers: encoding ? { 'accept-encoding': encoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(parent, 'secret.txt'), 'secret');
  writeFileSync(join(parent, 'secret.txt.gz'), gzipSync('secret'));
  mkdirSync(`${dist}-x`);
  writeFileSync(join(`${dist}-x`, 'secret.txt'), 'secret');
  writeFileSync(join(`${dist}-x`, 'secret.txt.gz'), gzipSync('secret'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><p>kubelab</p>');
  writeFileSync(join(dist, 'index.html.gz'), gzipSync('<!doctype html><p>kubelab</p>'));
  writeFileSync(join(dist, 'assets', 'app-1a2b.js'), 'export const app = 1;');
  writeFileSync(join(dist, 'assets', 'app-1a2b.js.gz'), gzipSync('export const app = 1;'));
  writeFileSync(join(dist, 'sw.js'), 'self.x = 1;');
  const serve = precompressedFiles(dist);
  server = createServer((req, res) =>
    serve(req, res, () => {
      res.statusCode = 404;
      res.end('next');
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('precompressed preview files', () => {
  it('serves a hashed asset from its gzip copy, cached for good', async () => {
    const res = await get('/assets/app-1a2b.js', 'gzip, deflate');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toBe('text/javascript');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(res.body).toString()).toBe('export const app = 1;');
  });

  it('serves the page at / from index.html.gz and has it checked again on every load', async () => {
    const res = await get('/?lesson=1', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(gunzipSync(res.body).toString()).toBe('<!doctype html><p>kubelab</p>');
  });

  it('leaves a client without gzip, and a file without a gzip copy, to the next handler', async () => {
    expect((await get('/assets/app-1a2b.js')).body.toString()).toBe('next');
    expect((await get('/sw.js', 'gzip')).body.toString()).toBe('next');
    expect((await get('/missing.js', 'gzip')).body.toString()).toBe('next');
  });

  it('does not serve files outside the built folder', async () => {
    expect((await get('/%2e%2e/secret.txt', 'gzip')).body.toString()).toBe('next');
    expect((await get('/../secret.txt', 'gzip')).body.toString()).toBe('next');
    expect((await get('/%2e%2e/dist-x/secret.txt', 'gzip')).body.toString()).toBe('next');
  });

  // sirv would refuse these too, so the guard itself is checked here.
  it('finds no gzip copy above the built folder or in a sibling whose name starts with it', () => {
    expect(hasGzipCopy(dist, '/assets/app-1a2b.js')).toBe(true);
    expect(hasGzipCopy(dist, '/')).toBe(true);
    expect(hasGzipCopy(dist, '/%2e%2e/secret.txt')).toBe(false);
    expect(hasGzipCopy(dist, '/../secret.txt')).toBe(false);
    expect(hasGzipCopy(dist, '/%2e%2e/dist-x/secret.txt')).toBe(false);
  });
});
