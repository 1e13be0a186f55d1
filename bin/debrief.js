#!/usr/bin/env node
// Launcher for the `debrief` command: runs the bundled CLI (dist/cli.js, built from src/cli/main.ts).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write(
    'debrief: dist/cli.js is missing; run `npm run build` (or `node scripts/build.mjs --cli`) first\n',
  );
  process.exit(2);
}
await import(pathToFileURL(cli).href);
