import { type AuditEvent, type Feedback, formatDate } from '../../api';

type Delivery = NonNullable<Feedback['delivery']>;

/** Where the email stands, in a line: "Sent 2 Dec 2026, 12:03", "Retrying (attempt 3): 451 …", "Failed: 550 …". */
export function deliveryText(d: Delivery): string {
  if (d.status === 'sent') return `Sent ${formatDate(d.sentAt, true)} to ${d.to}.`;
  if (d.status === 'retrying')
    return `Retrying (attempt ${d.attempts}): ${d.lastAnswer ?? 'no answer'}. Debrief tries again on its own.`;
  if (d.status === 'failed') {
    const refused = d.lastCode !== null && d.lastCode >= 500;
    return `Failed: ${d.lastAnswer ?? 'no answer'}. ${
      refused
        ? `The mail server refused ${d.to} for good; check the address and send again.`
        : `Every attempt failed (${d.attempts}); check the mail settings and send again.`
    }`;
  }
  return `Queued for ${d.to}; sending now…`;
}

export function StatusNote({ fb }: { fb: Feedback }) {
  const d = fb.delivery;
  let text: string;
  if (fb.status === 'draft') text = 'A draft: nothing is sent until someone approves it.';
  else if (fb.status === 'approved')
    text =
      d && d.status !== 'queued'
        ? `Approved ${formatDate(fb.approvedAt, true)}. ${deliveryText(d)}`
        : `Approved ${formatDate(fb.approvedAt, true)}; sending now…`;
  else if (fb.status === 'scheduled')
    text =
      fb.sendMode === 'when-filled'
        ? 'Approved; held until the job is closed as filled.'
        : `Approved; scheduled for ${formatDate(fb.sendAt, true)}.`;
  else if (fb.status === 'sent') text = d ? deliveryText(d) : `Sent ${formatDate(fb.sentAt, true)}.`;
  else text = d ? deliveryText(d) : 'Sending failed; send it again.';
  const tone = d?.status === 'retrying' ? 'retrying' : fb.status;
  return (
    <p className={`status-note status-${tone}`} role="status">
      {text}
      {fb.overrideJustification && <> Approved over blocking findings: “{fb.overrideJustification}”</>}
    </p>
  );
}

const ACTIONS: Record<string, string> = {
  'application.created': 'Application added',
  'application.moved': 'Moved along the pipeline',
  'application.reopened': 'Reopened after withdrawing',
  'scorecard.submitted': 'Scorecard submitted',
  'scorecard.edited': 'Scorecard edited by its author',
  'scorecard.submitted-anyway': 'Evidence submitted despite a blocking finding',
  'scorecard.evidence-redacted': 'Evidence redacted',
  'application.rejected': 'Rejected',
  'feedback.drafted': 'Feedback drafted',
  'feedback.edited': 'Draft edited',
  'feedback.approved': 'Approved',
  'feedback.approved-with-override': 'Approved over blocking findings',
  'feedback.released': 'Released for sending',
  'feedback.sent': 'Sent to the candidate',
  'feedback.question-answered': "Answered the candidate's question",
  'application.notice-sent': 'Rejection notice sent without feedback',
  'candidate.requested-feedback': 'The candidate asked for feedback',
  'candidate.renewed-link': 'The candidate asked for a fresh link',
  'candidate.rated': 'The candidate rated the feedback',
  'candidate.thanked': 'The candidate said thank you',
  'candidate.asked': 'The candidate asked a question',
  'candidate.future-roles': 'The candidate answered about future roles',
  'feedback.failed': 'Sending failed',
  'feedback.resent': 'Sent again',
  'candidate.email-corrected': "The candidate's address corrected",
  'job.closed': 'Job closed',
  'job.reopened': 'Job reopened',
  'job.criterion-pointer-changed': "A criterion's pointer changed",
  'job.reject-remaining': 'Rejected when the job closed',
};

function detail(e: AuditEvent): string {
  const d = e.data;
  const parts: string[] = [];
  if (typeof d.from === 'string') parts.push(`from ${d.from}`);
  if (typeof d.to === 'string') parts.push(`to ${d.to}`);
  // Who recorded a scorecard on whose behalf.
  if (typeof d.summary === 'string' && typeof d.onBehalfOf === 'object') parts.push(d.summary);
  if (typeof d.reason === 'string') parts.push(`reason: ${d.reason}`);
  if (typeof d.stage === 'string') parts.push(`stage: ${d.stage}`);
  if (typeof d.recommendation === 'string')
    parts.push(`recommendation: ${d.recommendation.replace('_', ' ')}`);
  if (typeof d.send === 'string')
    parts.push(
      // "at" is followed by the time itself (sendAt), so it reads "send at 3 Dec, 09:00", never "send at at".
      d.send === 'now' ? 'send now' : d.send === 'when-filled' ? 'send when filled' : 'send at',
    );
  if (typeof d.sendAt === 'string') parts.push(formatDate(d.sendAt, true));
  if (typeof d.findings === 'number') parts.push(`${d.findings} finding${d.findings === 1 ? '' : 's'}`);
  if (typeof d.flaggedLeftOut === 'number' && d.flaggedLeftOut > 0)
    parts.push(`${d.flaggedLeftOut} flagged or redacted rating${d.flaggedLeftOut === 1 ? '' : 's'} left out`);
  if (typeof d.justification === 'string') parts.push(`justification: “${d.justification}”`);
  if (typeof d.useful === 'number') parts.push(`useful: ${d.useful} of 5`);
  if (typeof d.question === 'string') parts.push(`“${d.question}”`);
  if (typeof d.optedIn === 'boolean') parts.push(d.optedIn ? 'opted in' : 'opted out');
  if (typeof d.note === 'string' && d.note) parts.push(`note: ${d.note}`);
  if (typeof d.because === 'string') parts.push(`because the ${d.because.replace(/^job /, 'job was ')}`);
  if (typeof d.error === 'string') parts.push(d.error);
  if (d.reopened === true) parts.push('back to a draft');
  return parts.join(' · ');
}

export function Timeline({ events }: { events: AuditEvent[] }) {
  if (!events.length) return <p className="muted">Nothing recorded yet.</p>;
  return (
    <ol className="timeline">
      {events.map((e, i) => {
        const text =
          typeof e.data.body === 'string'
            ? e.data.body
            : typeof e.data.after === 'string'
              ? e.data.after
              : null;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the trail is append-only
          <li key={i}>
            <time dateTime={e.at}>{formatDate(e.at, true)}</time>
            <div>
              <b>{ACTIONS[e.action] ?? e.action}</b>{' '}
              <span className="muted">
                by {e.actor.name ?? (e.actor.type === 'system' ? 'Debrief' : e.actor.type)}
              </span>
              {detail(e) && <div className="small muted">{detail(e)}</div>}
              {text && (
                <details>
                  <summary>
                    {typeof e.data.text === 'string' ? 'The email as sent' : 'Text at this point'}
                  </summary>
                  <pre>{text}</pre>
                </details>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
