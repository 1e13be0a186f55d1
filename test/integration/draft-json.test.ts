import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenario } from '../../eval/draft-scenarios';
import { compactDraft, draftFromCompact } from '../../src/db/draft-json';
import { insertJsonRows } from '../../src/db/json-rows';
import { feedback } from '../../src/db/schema';
import { type ComposeInput, composeFeedback, type FeedbackSections } from '../../src/domain/compose-feedback';
import { type Harness, newOrganization, startHarness, uniqueEmail } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

// A batch of rejections sends each draft's sentences and outline as where their texts are in the body
// (`compactDraft`), and the statement makes the texts again (`draftFromCompact`). What it stores must be what
// storing the values themselves stores, for every shape of letter.
describe('drafts sent by where their texts are in the body', () => {
  it('are stored exactly as the values themselves, for letters of every stage, reason, voice and alphabet', async () => {
    const org = await newOrganization(h);
    const job = await org.api.post('/api/v1/jobs', { title: 'Analyst', criteria: [{ name: 'SQL' }] });
    const applicationIds: string[] = [];
    for (let i = 0; i < 40; i++) {
      const a = await org.api.post('/api/v1/applications', {
        jobId: job.body.id,
        candidate: { name: `Cand ${i}`, email: uniqueEmail('candidate') },
      });
      expect(a.status).toBe(201);
      applicationIds.push(a.body.id);
    }
    // The composer's scenarios (every stage and reason, strengths or none, screens without sections), again with an
    // organization's voice (an introduction and a closing paragraph), and with names and titles whose characters
    // take two, three and four bytes, the last two UTF-16 units.
    const inputs: ComposeInput[] = [];
    for (let i = 0; i < 200; i++) {
      const { input } = scenario(i);
      inputs.push(input);
      if (i % 4 === 0)
        inputs.push({
          ...input,
          voice: { intro: 'We read every scorecard — twice.', closing: 'Good luck, and “thank you”.' },
        });
      if (i % 5 === 1)
        inputs.push({ ...input, candidateName: 'Zoë Ångström', jobTitle: `${input.jobTitle} – Zürich` });
      if (i % 5 === 2) inputs.push({ ...input, candidateName: '𠮷田 Yui' });
      if (i % 5 === 3) inputs.push({ ...input, organizationName: 'Acme 🚀' });
    }
    const drafts = inputs.map((input) => {
      const c = composeFeedback(input);
      return { body: c.body, sentences: c.sentences, outline: c.sections as FeedbackSections | null };
    });
    // A draft with no outline, one whose outline has a text the body does not hold, and one with an empty sentence.
    drafts.push({ ...drafts[0]!, outline: null });
    drafts.push({ ...drafts[1]!, outline: { ...drafts[1]!.outline!, closing: 'Not in the body.' } });
    drafts.push({
      ...drafts[2]!,
      sentences: [...drafts[2]!.sentences, { text: '', start: 3, end: 3, evidence: [] }],
    });
    expect(drafts.filter((d) => /[\uD800-\uDFFF]/.test(d.body)).length).toBeGreaterThan(10);
    expect(
      drafts.filter((d) => /[\u0080-\uD7FF\uE000-\uFFFF]/.test(d.body) && !/[\uD800-\uDFFF]/.test(d.body))
        .length,
    ).toBeGreaterThan(10);

    for (let from = 0; from < drafts.length; from += applicationIds.length) {
      const chunk = drafts.slice(from, from + applicationIds.length);
      const ids = applicationIds.slice(0, chunk.length);
      await insertJsonRows(
        h.ctx.db,
        feedback,
        chunk.map((d, i) => ({
          organizationId: org.organization.id,
          applicationId: ids[i]!,
          body: d.body,
          findings: [],
          ...compactDraft(d.body, d.sentences, d.outline),
        })),
        {},
        draftFromCompact,
      );
      const rows = await h.ctx.db
        .select({
          applicationId: feedback.applicationId,
          sentences: feedback.sentences,
          outline: feedback.outline,
        })
        .from(feedback)
        .where(inArray(feedback.applicationId, ids));
      const byApplication = new Map(rows.map((r) => [r.applicationId, r]));
      chunk.forEach((d, i) => {
        const row = byApplication.get(ids[i]!);
        expect({ sentences: row?.sentences, outline: row?.outline }).toEqual(
          JSON.parse(JSON.stringify({ sentences: d.sentences, outline: d.outline })),
        );
      });
      await h.ctx.db.delete(feedback).where(inArray(feedback.applicationId, ids));
    }
  }, 180_000);
});
