import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import {
  ApiError,
  type ApplicationDetail,
  type AuditEvent,
  api,
  can,
  type Feedback,
  type Finding,
  type Me,
} from '../api';
import { CheckedTextarea, FindingList, useCheck, useCheckerReady } from '../checked';
import { Badge, ErrorNote } from '../components';
import { usePageTitle } from '../navigation';
import { invalidate, useApi } from '../query';
import { Field, Toast, useSubmit } from '../ui';
import { RequestDeadline } from './application/request-deadline';
import { CandidateResponseCard } from './review/candidate-response';
import { EvidenceCard } from './review/evidence';
import { useReviewKeys, useReviewQueue } from './review/queue';
import { ResendCard } from './review/resend';
import { SectionsView } from './review/sections';
import { StatusNote, Timeline } from './review/timeline';

type Send = 'now' | 'when-filled' | string;

/** While approved feedback is being sent, how long to wait before asking again: 1.5 s, growing to 10 s. */
function pollDelay(since: number) {
  return Math.min(10_000, Math.max(1_500, (Date.now() - since) / 3));
}

export function ReviewPage({ id, me }: { id: string; me: Me }) {
  // After approval, follow the send until it is delivered (or failed), less often as time passes.
  const approvedSince = useRef<number>(undefined);
  const feedback = useApi<{ feedback: Feedback }>(`/feedback/${id}`, {
    refetchInterval: (q) => {
      if (q.state.data?.feedback.status !== 'approved') {
        approvedSince.current = undefined;
        return false;
      }
      approvedSince.current ??= Date.now();
      return pollDelay(approvedSince.current);
    },
  });
  const fb = feedback.data?.feedback;
  const setFb = (f: Feedback) => feedback.setData({ feedback: f });
  const loadError = feedback.error;
  // The text being edited; undefined until the reviewer types, then it is what the server has.
  const [edited, setBody] = useState<string>();
  const body = edited ?? fb?.body ?? '';
  const [notice, setNotice] = useState<string>();
  const [blocked, setBlocked] = useState<{ message: string; findings: Finding[]; send: Send }>();
  const [justification, setJustification] = useState('');
  // A feedback whose email failed, opened for editing: saving makes it a draft again.
  const [reopening, setReopening] = useState(false);
  // The letter is shown by section, each with its evidence; the reviewer opens the whole text to edit it.
  const [wholeText, setWholeText] = useState(false);
  const [focusEditor, setFocusEditor] = useState(false);
  useEffect(() => {
    if (!wholeText || !focusEditor) return;
    setFocusEditor(false);
    document.querySelector<HTMLTextAreaElement>('.review-main textarea')?.focus();
  }, [wholeText, focusEditor]);
  const findings = useCheck(body);
  const checked = useCheckerReady();

  const appId = fb?.applicationId;
  const app = useApi<ApplicationDetail>(`/applications/${appId}`, { enabled: appId !== undefined });
  const audit = useApi<{ events: AuditEvent[] }>(`/audit?applicationId=${appId}`, {
    enabled: appId !== undefined && can(me, 'audit.read'),
  });
  usePageTitle(app.data && [`Feedback for ${app.data.candidate.name}`, app.data.job.title]);

  // Review mode: the job's other drafts waiting, j and k to move between them, and the next one after an approval.
  const navigate = useNavigate();
  const arrived = (useLocation().state as { approved?: string } | null)?.approved;
  const queue = useReviewQueue(app.data?.job.id, id);
  const open = (a: { feedback: { id: string } | null } | undefined) =>
    a?.feedback && navigate(`/feedback/${a.feedback.id}`);

  // A new status (sent, failed, approved) is a new line in the audit trail, and changes the lists elsewhere.
  const status = fb?.status;
  const seenStatus = useRef(status);
  useEffect(() => {
    const before = seenStatus.current;
    seenStatus.current = status;
    if (!before || before === status) return;
    invalidate('team', 'audit');
    invalidate('team', 'applications');
    invalidate('team', 'stats');
  }, [status]);

  const dirty = fb !== undefined && body !== fb.body;

  async function save() {
    const r = await api<{ feedback: Feedback }>('PUT', `/feedback/${id}`, { body });
    setFb(r.feedback);
    setBody(undefined);
    setReopening(false);
  }

  const saving = useSubmit(async () => {
    setNotice(undefined);
    try {
      await save();
      setNotice('Saved. The server checked the text again.');
    } finally {
      audit.reload();
    }
  });

  /**
   * Approval, from any of its buttons: `send` ("now", "when-filled"), or `sendAt` from the schedule's field, and a
   * `justification` when an admin overrides. Refused for blocking findings, the findings are shown, not an error.
   */
  const approval = useSubmit(async (v) => {
    const send: Send = v.sendAt ? new Date(v.sendAt).toISOString() : v.send || 'now';
    const override = v.justification?.trim();
    setNotice(undefined);
    setBlocked({ message: '', findings: [], send });
    try {
      if (dirty) await save();
      const r = await api<{ feedback: Feedback }>('POST', `/feedback/${id}/approve`, {
        send,
        ...(override ? { override: { justification: override } } : {}),
      });
      setBlocked(undefined);
      setFb(r.feedback);
      setBody(undefined);
      invalidate('team', 'applications');
      if (queue.next?.feedback)
        navigate(`/feedback/${queue.next.feedback.id}`, {
          state: { approved: app.data?.candidate.name ?? 'the candidate' },
        });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'blocking-findings')
        setBlocked({ message: e.message, findings: e.findings, send });
      else throw e;
    } finally {
      audit.reload();
    }
  });
  const busy = saving.busy || approval.busy;
  const mayReview = can(me, 'feedback.review');
  useReviewKeys({
    j: () => open(queue.next),
    k: () => open(queue.previous),
    a: () => {
      if (mayReview && fb?.status === 'draft' && !busy) void approval.run({ send: 'now' });
    },
    e: () => {
      setWholeText(true);
      setFocusEditor(true);
    },
  });

  if (loadError) return <ErrorNote error={loadError} />;
  if (!fb) return <p className="muted">Loading…</p>;

  const a = app.data;
  const isDraft = fb.status === 'draft';
  const editing = isDraft || (fb.status === 'failed' && reopening);
  const blocking = findings.filter((f) => f.severity === 'block');

  return (
    <>
      <p className="crumbs">
        {a ? (
          <>
            <Link to={`/jobs/${a.job.id}`}>{a.job.title}</Link> /{' '}
            <Link to={`/applications/${a.id}`}>{a.candidate.name}</Link> /
          </>
        ) : (
          <>&nbsp;</>
        )}
      </p>
      <div className="page-head">
        <h1>Feedback{a ? ` for ${a.candidate.name}` : ''}</h1>
        <span className="status-line">
          Status: <Badge value={fb.status} />
        </span>
      </div>
      {arrived && (
        <p className="ok-note" role="status">
          Approved the feedback for {arrived}. Next draft:
        </p>
      )}
      <StatusNote fb={fb} />
      {a && fb.status === 'draft' && <RequestDeadline app={a} />}
      {mayReview && (queue.total > 0 || isDraft) && (
        <p className="review-keys muted small">
          {queue.waiting === 0
            ? 'No other draft of this job waits.'
            : queue.waiting === 1
              ? '1 other draft of this job waits.'
              : `${queue.waiting} other drafts of this job wait.`}{' '}
          Keys: <kbd>j</kbd> next draft · <kbd>k</kbd> previous · <kbd>a</kbd> approve and send now ·{' '}
          <kbd>e</kbd> edit
        </p>
      )}

      <div className="review">
        <div className="review-main">
          {fb.status === 'sent' && (
            <CandidateResponseCard
              feedbackId={fb.id}
              response={fb.candidateResponse ?? null}
              mayAnswer={can(me, 'feedback.review')}
              onAnswered={(candidateResponse) => {
                setFb({ ...fb, candidateResponse });
                audit.reload();
              }}
            />
          )}

          <section className="card">
            <div className="card-head">
              <h2>{editing ? 'Draft' : 'Text'}</h2>
              {editing && (
                <button
                  type="button"
                  className="secondary small"
                  aria-expanded={wholeText}
                  onClick={() => setWholeText(!wholeText)}
                >
                  {wholeText ? 'Show by section' : 'Edit the whole text'}
                </button>
              )}
            </div>
            {editing && wholeText ? (
              <>
                <CheckedTextarea
                  label="Feedback to the candidate"
                  hint="Checked as you type. Marked words are explained below, with a suggestion."
                  value={body}
                  onChange={setBody}
                  findings={findings}
                  rows={12}
                />
                {checked && findings.length === 0 && (
                  <p className="ok-note">The checker finds nothing to change.</p>
                )}
              </>
            ) : (
              <>
                <p className="muted small">
                  {editing
                    ? 'The letter by section, with the scorecard evidence each came from beside it. Use “Edit the whole text” to change it.'
                    : 'The letter by section, with the scorecard evidence each came from beside it.'}
                </p>
                <SectionsView
                  fb={fb}
                  body={editing ? body : fb.body}
                  findings={editing ? findings : fb.findings}
                  app={a}
                />
                {editing && findings.length > 0 && <FindingList findings={findings} />}
              </>
            )}
            {editing && (
              <div className="actions">
                <button
                  type="button"
                  className="secondary"
                  disabled={busy || (!dirty && isDraft)}
                  onClick={() => saving.run()}
                >
                  {isDraft ? 'Save' : 'Save as a draft'}
                </button>
                {dirty && <span className="muted small">Unsaved changes</span>}
                <Toast as="span" message={notice} onDismiss={() => setNotice(undefined)} />
              </div>
            )}
            <ErrorNote error={saving.error} />
          </section>

          {fb.status === 'failed' && !reopening && can(me, 'feedback.review') && (
            <ResendCard
              fb={fb}
              onSent={(f) => {
                setFb(f);
                audit.reload();
              }}
              onEdit={() => setReopening(true)}
            />
          )}

          {isDraft && can(me, 'feedback.review') && (
            <section className="card">
              <h2>Approve</h2>
              {blocking.length > 0 && (
                <p className="warn-note">
                  {blocking.length === 1 ? 'One finding blocks' : `${blocking.length} findings block`}{' '}
                  sending. Fix the marked text, or approval will be refused.
                </p>
              )}
              {dirty && <p className="muted small">Your changes are saved before approval.</p>}
              <div className="approve">
                <div className="approve-option">
                  <button type="button" disabled={busy} onClick={() => approval.run({ send: 'now' })}>
                    Send now
                  </button>
                  <small className="muted">Emailed to the candidate within a minute.</small>
                </div>
                <form className="approve-option" onSubmit={approval.onSubmit}>
                  <Field id="send-at" label="Send at" name="sendAt" type="datetime-local" required />
                  <button type="submit" className="secondary" disabled={busy}>
                    Schedule
                  </button>
                  <small className="muted">A day or two after the decision gives time to cool off.</small>
                </form>
                {a?.job.status === 'open' && (
                  <div className="approve-option">
                    <button
                      type="button"
                      className="secondary"
                      disabled={busy}
                      onClick={() => approval.run({ send: 'when-filled' })}
                    >
                      Send when the job is filled
                    </button>
                    <small className="muted">
                      Held until the job is closed; candidates often ask once someone is hired.
                    </small>
                  </div>
                )}
              </div>
              <ErrorNote error={approval.error} />
              {blocked?.message && (
                <div className="refused" role="alert">
                  <p>
                    <b>Approval refused.</b> {blocked.message}
                  </p>
                  <FindingList findings={blocked.findings} />
                </div>
              )}
              {blocked?.message && can(me, 'feedback.override') && (
                <form className="override" onSubmit={approval.onSubmit}>
                  <input type="hidden" name="send" value={blocked.send} />
                  <h3>Override as an admin</h3>
                  <p className="muted small">
                    Only when the checker is wrong about this text. Your justification is kept in the audit
                    trail with the exact text sent.
                  </p>
                  <Field id="override" label="Justification for the override" hint="At least 20 characters.">
                    {(control) => (
                      <textarea
                        {...control}
                        name="justification"
                        rows={3}
                        minLength={20}
                        value={justification}
                        onChange={(e) => setJustification(e.target.value)}
                        required
                      />
                    )}
                  </Field>
                  <button
                    type="submit"
                    className="danger"
                    disabled={busy || justification.trim().length < 20}
                  >
                    Override and approve
                  </button>
                </form>
              )}
            </section>
          )}
        </div>

        <aside className="review-side">
          {editing && wholeText && <EvidenceCard fb={fb} body={body} app={a} />}
          {audit.data && (
            <section className="card">
              <h2>Audit trail</h2>
              <Timeline events={audit.data.events} />
            </section>
          )}
        </aside>
      </div>
    </>
  );
}
