import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import sirv from 'sirv';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import type { Plugin } from 'vite';

/**
 * The build writes a gzip copy beside every text file (`app.js.gz`), as static hosts
 * serve them (nginx `gzip_static`, Caddy `precompressed`, a CDN's cache), and `vite
 * preview` serves those copies instead of compressing each response again. Compressing
 * the 330 KB terminal chunk on every request cost the first prompt tens of milliseconds
 * on a busy 2-core machine.
 */
export function precompressed(): Plugin[] {
  return [
    compression({
      algorithms: [defineAlgorithm('gzip', { level: 9 })],
      include: /\.(html|css|js|svg|json|webmanifest)$/,
      threshold: 1024,
      logLevel: 'silent',
    }),
    {
      name: 'kubelab-preview-precompressed',
      configurePreviewServer(server) {
        // Ahead of Vite's own static files and compression, which serve everything without a gzip copy.
        server.middlewares.use(precompressedFiles(resolve(server.config.root, server.config.build.outDir)));
      },
    },
  ];
}

/**
 * Serves a built file's gzip copy to a client that accepts gzip; anything else goes to `next`.
 * Hashed assets never change under their name, so they are cached as a static host would:
 * the worker's import of the lab code the page has prefetched then needs no second request.
 */
export function precompressedFiles(dist: string) {
  const serve = sirv(dist, {
    gzip: true,
    etag: true,
    setHeaders: (res, pathname) =>
      res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip && hasGzipCopy(dist, req.url ?? '/')) serve(req, res, next);
    else next();
  };
}

/**
 * Whether `url` names a file inside `dist` with a gzip copy beside it. Besides sirv's own
 * lookup (only files it listed at start-up), this keeps a `..` path, or a sibling folder
 * whose name starts with dist's, from reaching sirv at all.
 */
export function hasGzipCopy(dist: string, url: string): boolean {
  const path = decodeURIComponent(url.split('?')[0]);
  const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
  return file.startsWith(dist + sep) && existsSync(`${file}.gz`);
}
