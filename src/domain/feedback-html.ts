// Feedback as HTML, for the email's HTML part and any page that shows sent feedback: headings for the strength and
// each gap, paragraphs, the sign-off on separate lines; no images, no scripts, no styles that carry meaning, text
// escaped. Two entry points: from the stored plain text (what was approved, after any edit) and from the composer's
// sections (with what we saw as a list). Pure: no I/O, browser-safe.

import type { FeedbackSections } from './compose/types';

export type FeedbackBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'lines'; lines: string[] };

/**
 * The blocks of a plain-text letter: paragraphs are separated by blank lines; a paragraph whose first line is short
 * and has no end punctuation, followed by more lines, opens with a heading ("What went well", a criterion's name);
 * a paragraph of several short lines (the sign-off) keeps its lines.
 */
export function feedbackBlocks(body: string): FeedbackBlock[] {
  const blocks: FeedbackBlock[] = [];
  for (const para of body.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = para
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.length === 0) continue;
    const [first, ...rest] = lines;
    if (first === undefined) continue;
    if (paragraphHeading(lines) !== null) {
      blocks.push({ kind: 'heading', text: first });
      blocks.push({ kind: 'paragraph', text: rest.join(' ') });
    } else if (lines.length > 1) {
      blocks.push({ kind: 'lines', lines });
    } else {
      blocks.push({ kind: 'paragraph', text: first });
    }
  }
  return blocks;
}

/** The heading a paragraph opens with (its short first line without end punctuation, more lines after), or null. */
export function paragraphHeading(lines: string[]): string | null {
  const [first, ...rest] = lines;
  return first !== undefined && rest.length > 0 && isHeading(first) && !isSignOff(lines) ? first : null;
}

function isHeading(line: string): boolean {
  return line.length <= 80 && !/[.!?,:;]["'”’)]*$/.test(line) && !/^(?:Dear|Hello|Hi)\b/.test(line);
}

function isSignOff(lines: string[]): boolean {
  return /^(?:Kind regards|Best wishes|Best regards|Regards|With best wishes|Thank you|Thanks),?$/i.test(
    lines[0] ?? '',
  );
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function blockHtml(b: FeedbackBlock): string {
  if (b.kind === 'heading') return `<h2>${escapeHtml(b.text)}</h2>`;
  if (b.kind === 'paragraph') return `<p>${escapeHtml(b.text)}</p>`;
  return `<p>${b.lines.map(escapeHtml).join('<br>\n')}</p>`;
}

export interface FeedbackHtmlOptions {
  /** The document's title (the email's subject). */
  title: string;
  /** A link to the candidate's page, shown after the letter. */
  link?: { url: string; text: string; note?: string };
  /** Small print at the end: why the message comes through Debrief. */
  footer?: string[];
}

function document(title: string, content: string, opts: FeedbackHtmlOptions): string {
  const link = opts.link
    ? `<p><a href="${escapeHtml(opts.link.url)}">${escapeHtml(opts.link.text)}</a>${
        opts.link.note ? `<br>\n${escapeHtml(opts.link.note)}` : ''
      }</p>\n`
    : '';
  const footer = opts.footer?.length
    ? `<hr>\n<footer>\n${opts.footer.map((f) => `<p><small>${escapeHtml(f)}</small></p>`).join('\n')}\n</footer>\n`
    : '';
  return (
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${escapeHtml(title)}</title>\n</head>\n` +
    '<body style="font-family: sans-serif; line-height: 1.5; max-width: 40em; margin: 0 auto; padding: 1em;">\n' +
    `<main>\n<h1 style="font-size: 1.25em;">${escapeHtml(title)}</h1>\n${content}\n${link}</main>\n${footer}</body>\n</html>\n`
  );
}

/** The stored plain-text letter as an HTML document. */
export function feedbackHtml(body: string, opts: FeedbackHtmlOptions): string {
  return document(opts.title, feedbackBlocks(body).map(blockHtml).join('\n'), opts);
}

/** The composer's sections as an HTML document: what we saw as a list under each gap. */
export function sectionsHtml(sections: FeedbackSections, opts: FeedbackHtmlOptions): string {
  const parts: string[] = [
    `<p>${escapeHtml(sections.greeting)}</p>`,
    `<p>${escapeHtml(sections.opening)}</p>`,
  ];
  if (sections.intro) parts.push(`<p>${escapeHtml(sections.intro)}</p>`);
  if (sections.strength) {
    parts.push('<h2>What went well</h2>', `<p>${escapeHtml(sections.strength.text)}</p>`);
  }
  for (const gap of sections.gaps) {
    parts.push(`<h2>${escapeHtml(gap.criterion)}</h2>`, `<p>${escapeHtml(gap.needs)}</p>`);
    if (gap.saw.length) {
      parts.push(
        '<h3>What we saw</h3>',
        `<ul>\n${gap.saw.map((s) => `<li>${escapeHtml(s)}</li>`).join('\n')}\n</ul>`,
      );
    }
    parts.push('<h3>What to practise</h3>', `<p>${escapeHtml(gap.practise)}</p>`);
  }
  if (sections.closing && !sections.opening.includes(sections.closing))
    parts.push(`<p>${escapeHtml(sections.closing)}</p>`);
  if (sections.standardClosing) parts.push(`<p>${escapeHtml(sections.standardClosing)}</p>`);
  parts.push(`<p>${sections.signOff.map(escapeHtml).join('<br>\n')}</p>`);
  return document(opts.title, parts.join('\n'), opts);
}
