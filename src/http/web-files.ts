import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { Context } from 'hono';
import type { HttpEnv } from './env';
import { errorBody } from './router';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Files of the built web app; any other path gets index.html so the app's own router can answer. */
export function serveWeb(c: Context<HttpEnv>, webDir: string) {
  const rel = normalize(decodeURIComponent(c.req.path)).replace(/^(\.\.[/\\])+/, '');
  const file = join(webDir, rel);
  // Source maps stay private: they would publish the source of the web app and the checker's rules.
  if (extname(file) === '.map') return c.json(errorBody('not-found', 'Not found'), 404);
  if (file.startsWith(webDir) && extname(file) && existsSync(file)) {
    const immutable = rel.startsWith('/assets/');
    return c.body(readFileSync(file), 200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  }
  const index = join(webDir, 'index.html');
  if (!existsSync(index)) {
    return c.text('The web app is not built yet: run `npm run build` (npm start does this for you).', 503);
  }
  return c.body(readFileSync(index), 200, { 'content-type': TYPES['.html'], 'cache-control': 'no-cache' });
}
