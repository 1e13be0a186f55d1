import { describe, expect, it } from 'vitest';
import { composeFeedback, feedbackBlocks, feedbackHtml, sectionsHtml } from '../../src/domain';
import { FINAL, INTERVIEW, input, SCREEN } from './fixtures';

const opts = { title: 'Feedback on your application for Backend Engineer at Acme Logistics' };

describe('feedback as HTML', () => {
  it('reads the letter’s headings, paragraphs and sign-off back from its plain text', () => {
    const out = composeFeedback(input({ scorecards: [SCREEN, INTERVIEW, FINAL] }));
    const blocks = feedbackBlocks(out.body);
    expect(blocks[0]).toEqual({ kind: 'paragraph', text: 'Dear Sam,' });
    const headings = blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text);
    expect(headings).toEqual(['What went well', ...out.sections.gaps.map((g) => g.criterion)]);
    expect(blocks.at(-1)).toEqual({
      kind: 'lines',
      lines: ['Kind regards,', 'The Acme Logistics hiring team'],
    });
  });

  it('is a whole, accessible document: a language, a title, one h1, h2 per section, no images or scripts', () => {
    const out = composeFeedback(input({ scorecards: [SCREEN, INTERVIEW, FINAL] }));
    const html = feedbackHtml(out.body, {
      ...opts,
      link: {
        url: 'https://debrief.test/f/abc',
        text: 'Read it online',
        note: 'The link works for 90 days.',
      },
      footer: ['Acme Logistics uses Debrief to send every candidate honest feedback.'],
    });
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain(`<title>${opts.title}</title>`);
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toContain('<h2>What went well</h2>');
    expect(html).toContain('<h2>Attention to detail</h2>');
    expect(html).toContain('<a href="https://debrief.test/f/abc">Read it online</a>');
    expect(html).toContain('<footer>');
    expect(html).not.toMatch(/<img|<script|<table/i);
  });

  it('escapes what the reviewer wrote', () => {
    const html = feedbackHtml('Dear Sam,\n\nYou wrote <script>alert(1)</script> & "more".', opts);
    expect(html).toContain('You wrote &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;.');
    expect(html).not.toContain('<script>');
  });

  it('lays out the sections with what we saw as a list under each gap', () => {
    const out = composeFeedback(input({ scorecards: [SCREEN, INTERVIEW, FINAL] }));
    const html = sectionsHtml(out.sections, opts);
    expect(html.match(/<h3>What we saw<\/h3>/g)).toHaveLength(out.sections.gaps.length);
    expect(html.match(/<h3>What to practise<\/h3>/g)).toHaveLength(out.sections.gaps.length);
    expect(html).toContain('<li>In the interview, you missed three errors in the data exercise.</li>');
    expect(html).toContain(out.sections.closing);
  });
});
