import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// The browser tests drive the built app, served by the real server on embedded PostgreSQL in a fresh DATA_DIR.
const port = Number(process.env.E2E_PORT ?? 3217);
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'debrief-e2e-'));
process.env.E2E_DATA_DIR = dataDir; // the test workers read the server's mail folder

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // The built server, mailing through a real SMTP server on 127.0.0.1 (e2e/serve.mjs).
    command: 'node e2e/serve.mjs',
    url: `http://127.0.0.1:${port}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      E2E_DATA_DIR: dataDir,
      // The webhook test's receiver listens on 127.0.0.1.
      WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
      // The local Greenhouse the integration journey starts (e2e/greenhouse.spec.ts).
      GREENHOUSE_API_URL: `http://127.0.0.1:${process.env.E2E_GREENHOUSE_PORT ?? 3218}`,
      // The local Lever (e2e/lever.spec.ts), next to the server's port unless told.
      LEVER_API_URL: `http://127.0.0.1:${process.env.E2E_LEVER_PORT ?? port + 2}/v1`,
    },
  },
});
