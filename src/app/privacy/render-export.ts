/**
 * The subject access export as one HTML document a person can read and keep: no scripts, no external styles or
 * images, every value escaped. Its structure follows the JSON export's: the candidate, each application (scorecards,
 * feedback with the candidate's response, the request for feedback, the page's links), the emails, the audit trail.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** "rejectedAtStage" → "Rejected at stage". */
const label = (key: string) => {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

function scalar(v: unknown): string {
  if (v === null || v === undefined || v === '') return '<span class="none">none</span>';
  if (v instanceof Date) return escapeHtml(v.toISOString());
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  const text = String(v);
  return text.includes('\n') ? `<div class="text">${escapeHtml(text)}</div>` : escapeHtml(text);
}

/** Any value: objects as definition lists, arrays as numbered lists, the rest as escaped text. */
function value(v: unknown): string {
  if (Array.isArray(v)) {
    if (v.length === 0) return '<span class="none">none</span>';
    return `<ol>${v.map((x) => `<li>${value(x)}</li>`).join('')}</ol>`;
  }
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length === 0) return '<span class="none">none</span>';
    return `<dl>${entries.map(([k, x]) => `<dt>${escapeHtml(label(k))}</dt><dd>${value(x)}</dd>`).join('')}</dl>`;
  }
  return scalar(v);
}

interface ExportShape {
  exportedAt: Date;
  organization: { name: string };
  candidate: { name: string; email: string } & Record<string, unknown>;
  applications: ({ job: { title: string } } & Record<string, unknown>)[];
  emails: Record<string, unknown>[];
  auditEvents: Record<string, unknown>[];
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ccc}h3{margin-top:1.5rem}
dl{display:grid;grid-template-columns:minmax(9rem,max-content) 1fr;gap:.2rem 1rem;margin:.3rem 0}
dt{font-weight:600;color:#444}dd{margin:0}ol{padding-left:1.4rem}li{margin:.4rem 0}
.text{white-space:pre-wrap}.none{color:#888}.muted{color:#555}`;

export function renderExportHtml(doc: ExportShape): string {
  const title = `Personal data held by ${doc.organization.name} about ${doc.candidate.name}`;
  const { applications, emails, auditEvents, candidate, ...about } = doc;
  const apps = applications
    .map(
      ({ job, ...rest }, i) =>
        `<section><h3>Application ${i + 1}: ${escapeHtml(job.title)}</h3>${value({ job, ...rest })}</section>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="muted">A copy of the personal data ${escapeHtml(doc.organization.name)} keeps in Debrief about this person
(GDPR Article 15), made ${escapeHtml(doc.exportedAt.toISOString())}. The same content is in the JSON file.</p>
${value(about)}
<h2>The candidate</h2>
${value(candidate)}
<h2>Applications (${applications.length})</h2>
${apps || '<p class="none">none</p>'}
<h2>Emails (${emails.length})</h2>
${value(emails)}
<h2>Audit trail (${auditEvents.length})</h2>
${value(auditEvents)}
</body></html>
`;
}
