import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AtsRefusedError, AtsUnavailableError } from '../../src/integrations/ats-http';

export type Answer = { status: number; headers?: Record<string, string>; body?: unknown };

/**
 * A provider's API on 127.0.0.1 that gives the answers a test lines up, in turn (`fallback` once they run out),
 * and notes each request as `note` reads it. The client under test waits by pushing to `waits`.
 */
export function scriptedAts<Seen>(fallback: Answer, note: (req: IncomingMessage, body: string) => Seen) {
  const s = { answers: [] as Answer[], seen: [] as Seen[], waits: [] as number[], base: '' };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    s.seen.push(note(req, Buffer.concat(chunks).toString()));
    const a = s.answers.shift() ?? fallback;
    res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
    res.end(JSON.stringify(a.body ?? {}));
  });
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    s.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  return s;
}

/** A client retries a server that is down, then gives up as unavailable; a refused key is not retried. */
export function itRetriesThenGivesUp(s: ReturnType<typeof scriptedAts>, call: () => Promise<unknown>) {
  it('retries a server that is down, then gives up as unavailable; a refused key is not retried', async () => {
    s.answers = [{ status: 503 }, { status: 503 }, { status: 503 }];
    await expect(call()).rejects.toBeInstanceOf(AtsUnavailableError);
    s.answers = [{ status: 401 }];
    s.seen = [];
    await expect(call()).rejects.toBeInstanceOf(AtsRefusedError);
    expect(s.seen).toHaveLength(1);
  });
}
