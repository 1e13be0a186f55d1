import { describe, expect, it } from 'vitest';
import { AtsRefusedError, greenhouseClient, nextLink } from '../../src/integrations/greenhouse/client';
import { signGreenhouse, verifyGreenhouse } from '../../src/integrations/greenhouse/signature';
import { itRetriesThenGivesUp, scriptedAts } from '../support/scripted-ats';

describe('the Signature header', () => {
  const body = '{"action":"reject_candidate","payload":{"note":"\\u003cp\\u003ehello\\u003c/p\\u003e"}}';
  it('verifies the HMAC of the raw body, escapes and all', () => {
    expect(verifyGreenhouse(body, signGreenhouse(body, 's3cret'), 's3cret')).toBe(true);
    expect(
      verifyGreenhouse(
        body,
        signGreenhouse(body, 's3cret').toUpperCase().replace('SHA256', 'sha256'),
        's3cret',
      ),
    ).toBe(true);
  });
  it('refuses another secret, a changed body, a malformed or missing header', () => {
    const good = signGreenhouse(body, 's3cret');
    expect(verifyGreenhouse(body, good, 'other')).toBe(false);
    expect(verifyGreenhouse(body.replace('hello', 'hullo'), good, 's3cret')).toBe(false);
    expect(verifyGreenhouse(body, good.replace('sha256 ', 'sha1 '), 's3cret')).toBe(false);
    expect(verifyGreenhouse(body, good.slice(0, -2), 's3cret')).toBe(false);
    expect(verifyGreenhouse(body, undefined, 's3cret')).toBe(false);
  });
});

describe('the Link header', () => {
  it('finds rel="next" among the others', () => {
    expect(
      nextLink(
        '<https://h/v1/c?page=2&per_page=2>; rel="next", <https://h/v1/c?page=474&per_page=2>; rel="last"',
      ),
    ).toBe('https://h/v1/c?page=2&per_page=2');
    expect(nextLink('<https://h/v1/c?page=474>; rel="last"')).toBeNull();
    expect(nextLink(null)).toBeNull();
  });
});

describe('the Harvest client', () => {
  const api = scriptedAts({ status: 200, body: [] }, (req) => `${req.method} ${req.url}`);
  const client = () =>
    greenhouseClient({
      baseUrl: api.base,
      apiKey: 'k',
      backoffMs: 1,
      attempts: 3,
      sleep: async (ms) => void api.waits.push(ms),
    });

  it('follows the pages and waits as Retry-After says', async () => {
    api.answers = [
      { status: 429, headers: { 'retry-after': '2' } },
      {
        status: 200,
        body: [{ id: 1 }],
        headers: { link: `<${api.base}/v1/jobs/7/stages?page=2>; rel="next"` },
      },
      { status: 200, body: [{ id: 2 }] },
    ];
    api.seen = [];
    api.waits.length = 0;
    expect(await client().jobStages(7)).toEqual([{ id: 1 }, { id: 2 }]);
    expect(api.waits).toEqual([2000]);
    expect(api.seen).toEqual([
      'GET /v1/jobs/7/stages?per_page=100',
      'GET /v1/jobs/7/stages?per_page=100',
      'GET /v1/jobs/7/stages?page=2',
    ]);
  });

  itRetriesThenGivesUp(api, () => client().job(1));

  it('never sends the key to another host a Link header names', async () => {
    api.answers = [
      { status: 200, body: [], headers: { link: '<https://elsewhere.example/v1/jobs?page=2>; rel="next"' } },
    ];
    await expect(client().jobStages(1)).rejects.toBeInstanceOf(AtsRefusedError);
  });
});
