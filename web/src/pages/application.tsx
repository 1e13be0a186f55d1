import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { rejectionRefusal, takesScorecards } from '../../../src/domain/pipeline';
import {
  type ApplicationDetail,
  api,
  can,
  errorText,
  type Feedback,
  formatDate,
  type Me,
  type RejectionReason,
} from '../api';
import { Badge, ErrorNote, ReasonField } from '../components';
import { usePageTitle } from '../navigation';
import { invalidate, useApi } from '../query';
import { Drawer } from '../ui/Drawer';
import { Interviewers } from './application/interviewers';
import { PipelineControl } from './application/pipeline';
import { RatingsGrid } from './application/ratings-grid';
import { RequestDeadline } from './application/request-deadline';
import { ScorecardForm, type ScorecardOutcome, ScorecardOutcomeNote } from './application/scorecard-form';
import { Scorecards } from './application/scorecards';

/** What the drawer holds: a new scorecard, the author's scorecard to edit, or the rejection. */
type Open = { kind: 'scorecard' } | { kind: 'edit'; id: string } | { kind: 'reject' } | null;

export function ApplicationPage({ id, me }: { id: string; me: Me }) {
  const { data: a, error } = useApi<ApplicationDetail>(`/applications/${id}`);
  usePageTitle(a && [a.candidate.name, a.job.title]);
  const [open, setOpen] = useState<Open>(null);
  const [outcome, setOutcome] = useState<ScorecardOutcome>();
  if (error) return <ErrorNote error={error} />;
  if (!a) return <p className="muted">Loading…</p>;
  const first = a.candidate.name.split(' ')[0] ?? a.candidate.name;
  const mayScore = takesScorecards(a.stage);
  const mayReject = rejectionRefusal(a.stage) === null && can(me, 'applications.reject');
  const editing = open?.kind === 'edit' ? a.scorecards.find((s) => s.id === open.id) : undefined;
  const close = () => setOpen(null);
  return (
    <>
      <header className="application-head">
        <p className="crumbs">
          <Link to="/jobs">Jobs</Link> / <Link to={`/jobs/${a.job.id}`}>{a.job.title}</Link> /
        </p>
        <div className="page-head">
          <h1>{a.candidate.name}</h1>
          <Badge value={a.status} />
          <div className="head-actions">
            {mayScore && (
              <button
                type="button"
                onClick={() => {
                  setOutcome(undefined);
                  setOpen({ kind: 'scorecard' });
                }}
              >
                Add a scorecard
              </button>
            )}
            {mayReject && (
              <button type="button" className="danger" onClick={() => setOpen({ kind: 'reject' })}>
                Reject…
              </button>
            )}
          </div>
        </div>
        <PipelineControl app={a} mayMove={can(me, 'applications.move')} />
        <p className="muted">
          {a.candidate.email} · applied {formatDate(a.createdAt)}
          {a.rejectedAt && <> · rejected {formatDate(a.rejectedAt)}</>}
        </p>
      </header>
      {outcome && <ScorecardOutcomeNote outcome={outcome} />}
      {a.feedback && (
        <section className="card callout">
          <p>
            Feedback for {first} is <Badge value={a.feedback.status} />.{' '}
            <Link to={`/feedback/${a.feedback.id}`}>
              {a.feedback.status === 'draft'
                ? 'Review the draft'
                : a.feedback.status === 'failed'
                  ? 'See why the email failed, and send it again'
                  : 'Open the feedback'}
            </Link>
          </p>
          <RequestDeadline app={a} />
          {a.status === 'rejected' &&
            a.feedback.status === 'draft' &&
            !a.noticeSentAt &&
            !a.request &&
            can(me, 'applications.reject') && <NoticeButton applicationId={a.id} name={first} />}
        </section>
      )}

      <RatingsGrid app={a} />
      <Scorecards
        app={a}
        me={me}
        onEdit={(scorecardId) => {
          setOutcome(undefined);
          setOpen({ kind: 'edit', id: scorecardId });
        }}
      />

      {can(me, 'applications.assign') && <Interviewers app={a} />}

      <Drawer
        open={open?.kind === 'scorecard' || Boolean(editing)}
        title={editing ? `Edit your scorecard for ${a.candidate.name}` : `Scorecard for ${a.candidate.name}`}
        onClose={close}
      >
        <ScorecardForm
          key={editing?.id ?? 'new'}
          app={a}
          me={me}
          editing={editing}
          onDone={(o) => {
            setOutcome(o);
            close();
          }}
        />
      </Drawer>
      <Drawer
        open={open?.kind === 'reject' && mayReject}
        title={`Reject ${a.candidate.name}`}
        onClose={close}
      >
        <RejectForm app={a} />
      </Drawer>
    </>
  );
}

/** Tell the candidate the outcome now, without feedback; their page lets them ask for it. */
function NoticeButton({ applicationId, name }: { applicationId: string; name: string }) {
  const [state, setState] = useState<'idle' | 'busy' | 'sent'>('idle');
  const [error, setError] = useState<string>();
  if (state === 'sent')
    return (
      <p className="ok-note" role="status">
        Notice on its way. {name} can ask for feedback from the link in it.
      </p>
    );
  return (
    <div className="notice">
      <p className="muted small">
        Not ready to send feedback? Tell {name} the outcome now; the email links to a page where they can ask
        for feedback, and you then have five working days to answer.
      </p>
      <button
        type="button"
        className="secondary"
        disabled={state === 'busy'}
        onClick={async () => {
          setState('busy');
          setError(undefined);
          try {
            await api('POST', `/applications/${applicationId}/notice`);
            setState('sent');
            invalidate('team', 'applications');
          } catch (e) {
            setError(errorText(e));
            setState('idle');
          }
        }}
      >
        Send a rejection notice without feedback
      </button>
      <ErrorNote error={error} />
    </div>
  );
}

/** The rejection, in the drawer: a reason and an internal note; the draft then opens on the review screen. */
function RejectForm({ app }: { app: ApplicationDetail }) {
  const navigate = useNavigate();
  const reasons = useApi<{ items: RejectionReason[] }>('/rejection-reasons');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const r = await api<{ feedback: Feedback }>('POST', `/applications/${app.id}/rejection`, {
        reason,
        note: note.trim() || null,
      });
      invalidate('team', 'applications');
      invalidate('team', 'jobs');
      invalidate('team', 'stats');
      navigate(`/feedback/${r.feedback.id}`);
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  }

  return (
    <>
      <p className="muted">
        Debrief drafts candidate feedback from the scorecards and the reason you choose. You review it before
        anything is sent.
      </p>
      <form onSubmit={submit}>
        <ReasonField
          id="rej-reason"
          reasons={reasons.data?.items}
          value={reason}
          onChange={setReason}
          first={
            <option value="" disabled>
              Choose a reason…
            </option>
          }
        />
        <div className="field">
          <label htmlFor="rej-note">Internal note</label>
          <textarea id="rej-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          <small>Kept in the audit trail; never sent.</small>
        </div>
        <ErrorNote error={reasons.error ?? error} />
        <button type="submit" className="danger" disabled={busy || !reason}>
          {busy ? 'Drafting…' : 'Reject and draft feedback'}
        </button>
      </form>
    </>
  );
}
