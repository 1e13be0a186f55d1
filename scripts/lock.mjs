// File locks for the build (.dist/.lock) and for probing the data directory's lock (DATA_DIR/debrief.lock).
// The lock is flock(2), taken by util-linux's flock(1) on a descriptor this process keeps open: a flock lock belongs
// to the open file description, so it outlives the flock(1) child and the kernel releases it when this process
// closes the descriptor or dies, however it dies. Where flock(1) is not installed, a lock file created with O_EXCL
// holding "pid start-time" stands in; its owner is alive when that pid runs and started at that time.
// src/db/lock.ts takes the data directory's lock the same way.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';

let flockMissing = false;

/**
 * Takes an exclusive flock on `fd`, waiting up to `waitSeconds` (0: not at all). True when taken, false when another
 * process holds it, undefined when flock(1) is not installed.
 */
export function flockFd(fd, waitSeconds = 0) {
  if (flockMissing) return undefined;
  const args = waitSeconds > 0 ? ['-x', '-w', String(waitSeconds), '3'] : ['-x', '-n', '3'];
  const r = spawnSync('flock', args, { stdio: ['ignore', 'ignore', 'inherit', fd] });
  if (r.error) {
    if (r.error.code !== 'ENOENT') throw r.error;
    flockMissing = true;
    return undefined;
  }
  return r.status === 0;
}

/** When the process started (clock ticks since boot, Linux), or '' where that cannot be read. */
export function startTime(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

/** Whether the process named by a lock file's "pid [start-time]" still runs (and is the same process). */
export function ownerAlive(content) {
  const [pidText, started] = content.trim().split(/\s+/);
  const pid = Number.parseInt(pidText, 10);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if (e.code !== 'EPERM') return false;
  }
  return !started || !startTime(pid) || startTime(pid) === started;
}

const readPid = (path) => {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Whether a process holds the data directory's lock file at `path`, and the pid written in it. Probes by taking the
 * lock for a moment (released at once), so a pid left behind by a killed server is not mistaken for a live one.
 */
export function lockHolder(path) {
  if (!existsSync(path)) return { held: false };
  const pid = readPid(path);
  const fd = openSync(path, 'r');
  try {
    const taken = flockFd(fd);
    if (taken !== undefined) return { held: !taken, pid };
  } finally {
    closeSync(fd);
  }
  let content = '';
  try {
    content = readFileSync(path, 'utf8');
  } catch {
    return { held: false };
  }
  return { held: ownerAlive(content), pid };
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Waits up to `waitSeconds` for the exclusive lock on `path` (created when missing, never removed) and returns a
 * function that releases it. `onWait` is called once if another process holds it. Throws on timeout.
 */
export function acquireFileLock(path, waitSeconds, onWait = () => {}) {
  const fd = openSync(path, 'a');
  let taken = flockFd(fd);
  if (taken === false) {
    onWait();
    taken = flockFd(fd, waitSeconds);
  }
  if (taken === true) {
    let open = true;
    return () => {
      if (open) closeSync(fd);
      open = false;
    };
  }
  closeSync(fd);
  if (taken === false) throw new Error(`${path} is still locked after ${waitSeconds} s`);

  // No flock(1): a "pid start-time" file created with O_EXCL beside it; a file whose owner is gone is removed.
  const pidFile = `${path}.pid`;
  const deadline = Date.now() + waitSeconds * 1000;
  let waited = false;
  for (;;) {
    try {
      writeFileSync(pidFile, `${process.pid} ${startTime(process.pid)}\n`, { flag: 'wx' });
      return () => {
        try {
          unlinkSync(pidFile);
        } catch {
          // already gone
        }
      };
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    let content = '';
    try {
      content = readFileSync(pidFile, 'utf8');
    } catch {
      continue; // released meanwhile
    }
    if (content && !ownerAlive(content)) {
      try {
        unlinkSync(pidFile);
      } catch {
        // another waiter removed it first
      }
      continue;
    }
    if (Date.now() > deadline) throw new Error(`${pidFile} is still held after ${waitSeconds} s`);
    if (!waited) onWait();
    waited = true;
    sleep(100);
  }
}
