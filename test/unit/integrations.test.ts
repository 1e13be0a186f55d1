import { describe, expect, it } from 'vitest';
import { parseImportFile, TEMPLATE_CSV } from '../../src/integrations/csv-import/rows';
import { isPrivateAddress } from '../../src/integrations/webhooks/endpoint-url';
import { signWebhook, verifyWebhook } from '../../src/integrations/webhooks/signature';

describe('the CSV template and its rows', () => {
  it('the downloadable template parses without an error', () => {
    const parsed = parseImportFile(TEMPLATE_CSV);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toHaveLength(2);
    expect(parsed.rows[0].scorecard?.ratings.map((r) => [r.criterion, r.rating])).toEqual([
      ['SQL', 3],
      ['Communication', 2],
    ]);
  });

  it('names the header problems: unknown and missing columns, a rating without its evidence column', () => {
    const parsed = parseImportFile('job,candidate_name,Team fit,SQL rating\nA,B,C,3\n');
    expect(parsed.errors.map((e) => [e.row, e.column])).toEqual([
      [1, 'Team fit'],
      [1, 'candidate_email'],
      [1, 'SQL rating'],
    ]);
  });

  it('quoted cells keep their commas and quotes; a scorecard needs its interviewer and recommendation', () => {
    const parsed = parseImportFile(
      'job,candidate_name,candidate_email,stage,SQL rating,SQL evidence\n"Analyst, Data","Rivera, Sam",sam@example.com,final,4,"Said ""use an index"", and showed why."\n',
    );
    expect(parsed.errors.map((e) => e.column)).toEqual(['interviewer_email', 'recommendation']);
    const ok = parseImportFile(
      'job,candidate_name,candidate_email,stage,interviewer_email,recommendation,SQL rating,SQL evidence\n"Analyst, Data","Rivera, Sam",sam@example.com,final,ana@example.com,Strong Yes,4,"Said ""use an index"", and showed why."\n',
    );
    expect(ok.errors).toEqual([]);
    expect(ok.rows[0]).toMatchObject({
      job: 'Analyst, Data',
      candidate: { name: 'Rivera, Sam' },
      scorecard: {
        stage: 'final',
        recommendation: 'strong_yes',
        ratings: [{ evidence: 'Said "use an index", and showed why.' }],
      },
    });
  });
});

describe('webhook signatures', () => {
  it('verifies its own signature, and refuses another secret, a changed body or an old timestamp', () => {
    const now = 1_764_691_445;
    const header = signWebhook('whsec_a', now, '{"id":"evt_1"}');
    expect(header).toMatch(/^t=1764691445,v1=[0-9a-f]{64}$/);
    expect(verifyWebhook('whsec_a', header, '{"id":"evt_1"}', { now })).toBe(true);
    expect(verifyWebhook('whsec_b', header, '{"id":"evt_1"}', { now })).toBe(false);
    expect(verifyWebhook('whsec_a', header, '{"id":"evt_2"}', { now })).toBe(false);
    expect(verifyWebhook('whsec_a', header, '{"id":"evt_1"}', { now: now + 301 })).toBe(false);
  });

  it('knows private, loopback and link-local addresses from public ones', () => {
    for (const a of [
      '127.0.0.1',
      '10.0.0.8',
      '172.20.1.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '0.0.0.0',
    ])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700::1111'])
      expect(isPrivateAddress(a), a).toBe(false);
  });
});
