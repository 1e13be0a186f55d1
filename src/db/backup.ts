import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './client';

/** Where online snapshots of the embedded database go. */
export const backupsDir = (dataDir: string) => join(dataDir, 'backups');

/**
 * Writes a snapshot of the embedded database to DATA_DIR/backups/debrief-<time>.tar.gz while the server keeps
 * serving. The file appears complete or not at all (written aside, then renamed). Returns its path.
 */
export async function writeSnapshot(database: Database, dataDir: string): Promise<string> {
  if (!database.snapshot)
    throw new Error('Snapshots are for the embedded database; on PostgreSQL use pg_dump');
  const blob = await database.snapshot();
  const dir = backupsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `debrief-${new Date().toISOString().replace(/[:.]/g, '-')}.tar.gz`);
  writeFileSync(`${file}.partial`, Buffer.from(await blob.arrayBuffer()));
  renameSync(`${file}.partial`, file);
  return file;
}
