import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { startHarness } from '../support/harness';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const file = join(root, 'web/src/api/schema.generated.ts');

// The web app's API types are generated from the OpenAPI document the server publishes. A change to a route's
// schema without `npm run gen:api` (which runs this file with GEN_API=write) fails here.
test("the web app's API types match the live OpenAPI document", async () => {
  const h = await startHarness();
  try {
    const doc = (await h.anon.get('/api/openapi.json')).body;
    const r = spawnSync(process.execPath, [join(root, 'scripts/openapi-types.mjs')], {
      input: JSON.stringify(doc),
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    if (process.env.GEN_API === 'write') writeFileSync(file, r.stdout);
    const current = readFileSync(file, 'utf8');
    const stale = 'web/src/api/schema.generated.ts is stale: run `npm run gen:api`';
    expect(current === r.stdout, stale).toBe(true);
  } finally {
    await h.close();
  }
});
