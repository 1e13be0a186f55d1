#!/usr/bin/env node
// Summarises a V8 .cpuprofile (node --cpu-prof) by self time and by inclusive time per source file and per package,
// mapping positions in dist/server.js back to src/ through its source map.
//
//   node bench/cpuprofile-summary.mjs <file.cpuprofile> [--last <seconds>] [--top 40]
// --last keeps only the samples of the final <seconds> of the profile (e.g. the mixed phase of bench/api-load.mjs);
// --before-end <seconds> drops the samples of the final <seconds> (with --last: a window earlier in the run).
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

const file = process.argv[2];
const opt = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const LAST = opt('last', 0);
const TOP = opt('top', 40);
// --callers <text>: for the frames whose function matches <text>, their time by the nearest caller in src/.
const CHAIN = opt('chain', 1);
const CALLERS = process.argv.includes('--callers')
  ? process.argv[process.argv.indexOf('--callers') + 1]
  : undefined;
const profile = JSON.parse(readFileSync(file, 'utf8'));

const maps = new Map();
const mapFor = (url) => {
  if (!maps.has(url)) {
    let map = null;
    try {
      const path = url.startsWith('file:') ? fileURLToPath(url) : url;
      map = new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8')));
    } catch {}
    maps.set(url, map);
  }
  return maps.get(url);
};

/** Where a call frame's code comes from: [file, group]. */
function origin({ url, functionName, lineNumber, columnNumber }) {
  if (!url)
    return [functionName.startsWith('(') ? functionName : `(native) ${functionName}`, '(V8/native)', 0];
  let path = url.replace(/^file:\/\//, '');
  let line = lineNumber + 1;
  if (!path.includes('/node_modules/') && /\/\.?dist\/.*\.js$/.test(path)) {
    const entry = mapFor(url)?.findEntry(lineNumber, columnNumber);
    if (entry?.originalSource) {
      path = entry.originalSource.replace(/^file:\/\//, '');
      line = entry.originalLine + 1;
    }
  }
  const [file, group] = area(path);
  return [file, group, line];
}

function area(path) {
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + 'node_modules/'.length).split('/');
    const pkg = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    return [`${pkg}/${rest.slice(rest[0].startsWith('@') ? 2 : 1).join('/')}`, pkg];
  }
  if (path.startsWith('node:')) return [path, 'node:internal'];
  const src = path.indexOf('/src/');
  if (src >= 0) {
    const rel = path.slice(src + 1);
    return [rel, rel.split('/').slice(0, 3).join('/')];
  }
  return [path, path];
}

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const info = new Map();
for (const n of profile.nodes) {
  const [f, g, line] = origin(n.callFrame);
  info.set(n.id, { file: f, group: g, fn: `${n.callFrame.functionName || '(anonymous)'} ${f}:${line}` });
}

// Sample times.
const times = [];
let t = profile.startTime;
for (const d of profile.timeDeltas) {
  t += d;
  times.push(t);
}
const from = LAST ? profile.endTime - LAST * 1e6 : 0;
const until = profile.endTime - opt('before-end', 0) * 1e6;

const self = { file: new Map(), group: new Map(), fn: new Map() };
const incl = { file: new Map(), group: new Map(), fn: new Map() };
const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
const callers = new Map();
let total = 0;
let idle = 0;
profile.samples.forEach((id, i) => {
  if (times[i] < from || times[i] > until) return;
  const dt = (times[i + 1] ?? profile.endTime) - times[i];
  const n = nodes.get(id);
  if (n.callFrame.functionName === '(idle)') {
    idle += dt;
    return;
  }
  total += dt;
  const me = info.get(id);
  for (const k of ['file', 'group', 'fn']) add(self[k], me[k], dt);
  if (CALLERS) {
    let hit;
    for (let p = id; p !== undefined; p = parent.get(p)) {
      const x = info.get(p);
      if (!hit && (x.fn.includes(CALLERS) || x.file.includes(CALLERS))) hit = [];
      else if (hit && x.file !== info.get(id).file && !x.file.startsWith('node:')) {
        hit.push(x.fn);
        if (x.file.startsWith('src/') || hit.length >= CHAIN) {
          add(callers, hit.join(' < '), dt);
          break;
        }
      }
    }
  }
  const seen = { file: new Set(), group: new Set(), fn: new Set() };
  for (let p = id; p !== undefined; p = parent.get(p)) {
    const x = info.get(p);
    for (const k of ['file', 'group', 'fn']) {
      if (!seen[k].has(x[k])) {
        seen[k].add(x[k]);
        add(incl[k], x[k], dt);
      }
    }
  }
});

const ms = (us) => (us / 1000).toFixed(0).padStart(7);
const pc = (us) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
console.log(`busy ${ms(total)} ms, idle ${ms(idle)} ms`);
for (const [title, m] of [
  ...(CALLERS ? [[`callers of ${CALLERS} (nearest in src/)`, callers]] : []),
  ['self by package/area', self.group],
  ['inclusive by package/area', incl.group],
  ['self by file', self.file],
  ['inclusive by file', incl.file],
  ['self by function', self.fn],
  ['inclusive by function', incl.fn],
]) {
  console.log(`\n== ${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, TOP))
    console.log(`${ms(v)} ${pc(v)}  ${k}`);
}
