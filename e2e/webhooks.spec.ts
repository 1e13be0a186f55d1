import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { signUpTeam, unique } from './support';

// An admin registers an endpoint, keeps the secret shown once, sends a test event and reads the delivery log.

test('an endpoint is registered, its secret shown once, and a test event is delivered and logged', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const received: { signature: string; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ signature: String(req.headers['debrief-signature']), body });
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  try {
    await signUpTeam(page, `Hooks ${unique()}`, 'Wen Li', `wen-${unique()}@example.test`);
    await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();
    await page.getByLabel('URL').fill(url);
    await page.getByRole('checkbox', { name: /Feedback approved/ }).check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(page.getByRole('status')).toContainText('The signing secret, shown this once: whsec_');

    await page.getByRole('button', { name: 'Deliveries' }).click();
    await page.getByRole('button', { name: 'Send test event' }).click();
    const log = page.getByRole('table', { name: 'Latest deliveries' });
    await expect(log.getByRole('row', { name: /webhook\.test delivered 1 200/ })).toBeVisible({
      timeout: 20_000,
    });
    expect(received).toHaveLength(1);
    expect(received[0].signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(JSON.parse(received[0].body).type).toBe('webhook.test');
  } finally {
    server.close();
  }
});
