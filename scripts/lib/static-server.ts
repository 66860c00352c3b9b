/**
 * Serves a built site on loopback the way a static CDN would: directory index, `404.html`
 * for unknown paths, and optionally the headers of the site's `_headers` file (Cloudflare
 * Pages / Netlify). Used by the browser tests and `npm run audit`.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { headersFor, parseHeadersFile } from '../../src/lib/headers-file.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.avif': 'image/avif',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
};

export interface ServedSite {
  /** Origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Bytes sent per request path, for measuring what a page or a search fetches. */
  bytesSent: Map<string, number>;
  close: () => Promise<void>;
}

export interface ServeOptions {
  /** Apply the rules of `<root>/_headers` to every response, as the CDN would. */
  headers?: boolean;
  /** Told of every file served (not the 404 page), for measuring what a page fetches. */
  onServe?: (pathname: string, file: string, size: number) => void;
}

/**
 * Serves `root` on 127.0.0.1 at a free port.
 *
 * @example
 * const site = await serveDirectory('dist', { headers: true });
 * await fetch(`${site.url}/`); // with the CSP of dist/_headers
 * await site.close();
 */
export async function serveDirectory(root: string, options: ServeOptions = {}): Promise<ServedSite> {
  const base = path.resolve(root);
  const headersFile = path.join(base, '_headers');
  const rules =
    options.headers && existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')).rules : [];
  const bytesSent = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = path.join(base, pathname);
    if (!file.startsWith(base)) file = base;
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = path.join(base, '404.html');
    }
    const size = statSync(file).size;
    bytesSent.set(pathname, (bytesSent.get(pathname) ?? 0) + size);
    if (status === 200) options.onServe?.(pathname, file, size);
    response.writeHead(status, {
      ...headersFor(rules, pathname),
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': size,
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bytesSent,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
