#!/usr/bin/env node
// `npm start`: installs what is missing, builds, then runs the server (which migrates before it listens).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureNodeModules, must, root } from './setup.mjs';

ensureNodeModules();
must(process.execPath, [join(root, 'scripts/build.mjs')]);
const server = spawn(process.execPath, ['--enable-source-maps', join(root, 'dist/server.js')], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
