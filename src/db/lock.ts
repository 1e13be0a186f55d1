import { spawnSync } from 'node:child_process';
import {
  closeSync,
  constants,
  fstatSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  readonly code = 'data-dir-locked';
}

let flockInstalled: boolean | undefined;
const hasFlock = () => {
  flockInstalled ??= !spawnSync('flock', ['-V'], { stdio: 'ignore' }).error;
  return flockInstalled;
};

/**
 * An exclusive, non-blocking flock(2) on `fd`, taken by util-linux's flock(1) on a copy of the descriptor. The lock
 * belongs to the open file description this process keeps, so it stays after flock(1) exits and the kernel releases
 * it when this process closes the descriptor or dies, however it dies. True when taken, false when another process
 * holds it.
 */
function flock(fd: number): boolean {
  const r = spawnSync('flock', ['-x', '-n', '3'], { stdio: ['ignore', 'ignore', 'inherit', fd] });
  if (r.error) throw r.error;
  return r.status === 0;
}

/** When a process started (clock ticks since boot; Linux), so a pid reused by another program is not taken for it. */
function startTime(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

/** Whether the process a lock file names ("pid start-time") still runs and is that same process. */
function ownerAlive(content: string): boolean {
  const [pidText, started] = content.trim().split(/\s+/);
  const pid = Number.parseInt(pidText ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = startTime(pid);
  return !started || !now || now === started;
}

const ownerLine = () => `${process.pid} ${startTime(process.pid)}\n`;

function lockedError(dataDir: string, content: string): DataDirLockedError {
  const pid = Number.parseInt(content, 10);
  return new DataDirLockedError(
    `The data directory ${dataDir} is in use by another Debrief process${Number.isInteger(pid) ? ` (pid ${pid})` : ''}. ` +
      'Stop that process, or set DATA_DIR to another directory, or set DATABASE_URL to use PostgreSQL.',
  );
}

const readOr = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

/**
 * Embedded PostgreSQL may be opened by one process only. The lock is a flock(2) on DATA_DIR/debrief.lock, held by
 * the kernel for as long as this process runs (a server killed with SIGKILL leaves the file, but not the lock). The
 * file holds the owner's pid (and start time), which `npm run backup` and `npm run restore` read. Where flock(1) is
 * missing, the file alone is the lock: created with O_EXCL, and taken over when the process it names has gone.
 * Returns a function that releases the lock.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'debrief.lock');
  if (!hasFlock()) return lockWithPidFile(dataDir, path);
  for (let attempt = 0; attempt < 5; attempt++) {
    const fd = openSync(path, constants.O_RDWR | constants.O_CREAT, 0o644);
    let taken: boolean;
    try {
      taken = flock(fd);
    } catch (e) {
      closeSync(fd);
      throw e;
    }
    if (!taken) {
      closeSync(fd);
      throw lockedError(dataDir, readOr(path));
    }
    // A releasing process removes the file before it lets go; if that happened after we opened it, the lock we hold
    // is on a file no longer at `path`, so start over.
    let same = false;
    try {
      same = statSync(path).ino === fstatSync(fd).ino;
    } catch {
      same = false;
    }
    if (!same) {
      closeSync(fd);
      continue;
    }
    const line = Buffer.from(ownerLine());
    ftruncateSync(fd, 0);
    writeSync(fd, line, 0, line.length, 0);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      try {
        unlinkSync(path);
      } catch {
        // already gone
      }
      closeSync(fd);
    };
  }
  throw new DataDirLockedError(`Could not lock the data directory ${dataDir}`);
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const olderThan = (path: string, ms: number) => {
  try {
    return Date.now() - statSync(path).mtimeMs > ms;
  } catch {
    return true;
  }
};

function lockWithPidFile(dataDir: string, path: string): () => void {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      writeFileSync(path, ownerLine(), { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (Number.parseInt(readFileSync(path, 'utf8'), 10) === process.pid) unlinkSync(path);
        } catch {
          // already gone
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const content = readOr(path);
    if (!content && !olderThan(path, 5000)) {
      sleep(100); // being written
      continue;
    }
    if (content && ownerAlive(content)) throw lockedError(dataDir, content);
    try {
      unlinkSync(path); // stale: its owner is gone
    } catch {
      // another process removed it first
    }
  }
  throw new DataDirLockedError(`Could not lock the data directory ${dataDir}`);
}
