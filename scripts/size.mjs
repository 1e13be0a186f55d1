#!/usr/bin/env node
// Prints the gzip size of the JavaScript each entry page of the built web app loads before it can render: the
// entry chunk, the page's own lazy chunk, and everything they import statically (read from Vite's manifest).
// Chunks loaded later on demand (the checker, once there is text to check) are listed apart. Run after a build.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const webDir = join(root, 'dist/web');
const manifestPath = join(webDir, '.vite/manifest.json');
if (!existsSync(manifestPath)) {
  console.error('size: dist/web/.vite/manifest.json is missing; run `npm run build` first');
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

/** Manifest keys of each page: the HTML entry, then the lazy chunks its route renders (absent keys are skipped). */
const PAGES = [
  ['Sign-in (/signin)', ['index.html', 'src/pages/auth.tsx']],
  ["Candidate's feedback page (/f/:token)", ['index.html', 'src/pages/portal.tsx']],
  ['Team dashboard (/)', ['index.html', 'src/team.tsx', 'src/pages/dashboard.tsx']],
  ['Candidate workspace (/me)', ['index.html', 'src/me/app.tsx', 'src/me/home.tsx']],
];
/** Chunks loaded on demand, not on first paint. */
const LATER = [['Checker (loaded where text is checked)', ['src/checked-engine.ts']]];

const gz = new Map();
function gzipKB(file) {
  if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(join(webDir, file)), { level: 9 }).length);
  return gz.get(file);
}

/** Every JS file the given manifest keys load, following static imports. */
function closure(keys) {
  const files = new Set();
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    const chunk = manifest[key];
    if (chunk.file.endsWith('.js')) files.add(chunk.file);
    for (const k of chunk.imports ?? []) visit(k);
  };
  for (const k of keys) visit(k);
  return files;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const entry = closure(['index.html']);
const rows = [];
for (const [label, keys] of [...PAGES, ...LATER]) {
  const present = keys.filter((k) => manifest[k]);
  if (!present.length) continue;
  const files = closure(present);
  // What loads later counts only what no page has already loaded with the entry.
  if (LATER.some(([l]) => l === label)) for (const f of entry) files.delete(f);
  const total = [...files].reduce((n, f) => n + gzipKB(f), 0);
  rows.push([label, kb(total), String(files.size)]);
}
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`${'Page'.padEnd(width)}  gzip JS  files`);
for (const [label, size, n] of rows)
  console.log(`${label.padEnd(width)}  ${size.padStart(8)}  ${n.padStart(5)}`);
