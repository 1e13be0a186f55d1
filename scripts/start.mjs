#!/usr/bin/env node
// `npm start`: installs what is missing, builds what changed since the last build (`npm start -- --force`: all of
// it), then runs the server in this same process (so a service manager's SIGTERM reaches it directly); the server
// migrates before it listens.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from './build.mjs';
import { lockHolder } from './lock.mjs';
import { ensureNodeModules, root } from './setup.mjs';

// A second server on the same embedded database would be refused by the server's lock anyway; refusing here, before
// the build, leaves the running server's files alone.
if (!process.env.DATABASE_URL) {
  const dataDir = resolve(process.env.DATA_DIR || './data');
  const { held, pid } = lockHolder(join(dataDir, 'debrief.lock'));
  if (held) {
    console.error(
      `debrief: The data directory ${dataDir} is in use by another Debrief process${pid ? ` (pid ${pid})` : ''}. ` +
        'Stop that process, or set DATA_DIR to another directory, or set DATABASE_URL to use PostgreSQL.',
    );
    process.exit(73);
  }
}

ensureNodeModules();
build({ force: process.argv.includes('--force') });
process.setSourceMapsEnabled?.(true);
await import(pathToFileURL(join(root, 'dist/server.js')).href);
