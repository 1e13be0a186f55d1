import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  type ApplicationDetail,
  api,
  can,
  errorText,
  type Feedback,
  formatDate,
  type Me,
  RATING_LABELS,
  RECOMMENDATION_OPTIONS,
  type Recommendation,
  type RejectionReason,
  type ScorecardFinding,
  type Stage,
} from '../api';
import { CheckedTextarea, FindingList, useCheck } from '../checked';
import { Badge, ErrorNote, ReasonField } from '../components';
import { usePageTitle } from '../navigation';
import { invalidate, useApi } from '../query';
import { Interviewers } from './application/interviewers';

export function ApplicationPage({ id, me }: { id: string; me: Me }) {
  const { data: a, error, reload } = useApi<ApplicationDetail>(`/applications/${id}`);
  usePageTitle(a && [a.candidate.name, a.job.title]);
  if (error) return <ErrorNote error={error} />;
  if (!a) return <p className="muted">Loading…</p>;
  const criterion = (cid: string) => a.job.criteria.find((c) => c.id === cid)?.name ?? 'Criterion';
  return (
    <>
      <p className="crumbs">
        <Link to="/jobs">Jobs</Link> / <Link to={`/jobs/${a.job.id}`}>{a.job.title}</Link> /
      </p>
      <div className="page-head">
        <h1>{a.candidate.name}</h1>
        <Badge value={a.status} />
      </div>
      <p className="muted">
        {a.candidate.email} · stage: <b>{a.stage}</b> · applied {formatDate(a.createdAt)}
        {a.rejectedAt && <> · rejected {formatDate(a.rejectedAt)}</>}
      </p>
      {a.feedback && (
        <section className="card callout">
          <p>
            Feedback for {a.candidate.name.split(' ')[0]} is <Badge value={a.feedback.status} />.{' '}
            <Link to={`/feedback/${a.feedback.id}`}>
              {a.feedback.status === 'draft' ? 'Review the draft' : 'Open the feedback'}
            </Link>
          </p>
          {a.status === 'rejected' && a.feedback.status === 'draft' && can(me, 'applications.reject') && (
            <NoticeButton applicationId={a.id} name={a.candidate.name.split(' ')[0]} />
          )}
        </section>
      )}

      <section className="card">
        <h2>Scorecards</h2>
        {a.scorecards.length === 0 ? (
          <p className="muted">No scorecards yet. The feedback is drafted from the evidence recorded here.</p>
        ) : (
          a.scorecards.map((s) => (
            <article key={s.id} className="scorecard">
              <header>
                <b>{s.interviewer.name}</b> <span className="muted">· {s.stage} ·</span>{' '}
                <Badge value={s.recommendation} />{' '}
                <span className="muted small">{formatDate(s.createdAt)}</span>
              </header>
              <dl>
                {s.ratings.map((r) => (
                  <div key={r.criterionId}>
                    <dt>
                      {criterion(r.criterionId)}{' '}
                      <span className={`rating r${r.rating}`}>
                        {r.rating} · {RATING_LABELS[r.rating]}
                      </span>
                    </dt>
                    <dd>{r.evidence}</dd>
                  </div>
                ))}
              </dl>
              {s.notes && <p className="notes">Private notes: {s.notes}</p>}
            </article>
          ))
        )}
      </section>

      {can(me, 'applications.assign') && <Interviewers app={a} />}
      {a.status === 'active' && <ScorecardForm app={a} me={me} onSubmitted={reload} />}
      {a.status === 'active' && can(me, 'applications.reject') && <RejectPanel app={a} />}
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

function ScorecardForm({
  app,
  me,
  onSubmitted,
}: {
  app: ApplicationDetail;
  me: Me;
  onSubmitted: () => void;
}) {
  const [stage, setStage] = useState<Stage>(app.stage === 'applied' ? 'screen' : app.stage);
  const [name, setName] = useState(me.user.name);
  const [email, setEmail] = useState(me.user.email);
  const [ratings, setRatings] = useState<Record<string, number>>({});
  const [evidence, setEvidence] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState('');
  const [recommendation, setRecommendation] = useState<Recommendation | ''>('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ScorecardFinding[]>();
  const notesFindings = useCheck(notes);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing = app.job.criteria.find((c) => !ratings[c.id] || !evidence[c.id]?.trim());
    if (missing) return setError(`Rate ${missing.name} and write the evidence behind the rating.`);
    if (!recommendation) return setError('Choose a recommendation.');
    setBusy(true);
    setError(undefined);
    try {
      const r = await api<{ id: string; findings: ScorecardFinding[] }>(
        'POST',
        `/applications/${app.id}/scorecards`,
        {
          stage,
          interviewer: { name, email },
          ratings: app.job.criteria.map((c) => ({
            criterionId: c.id,
            rating: ratings[c.id],
            evidence: evidence[c.id].trim(),
          })),
          recommendation,
          notes: notes.trim() || null,
        },
      );
      setResult(r.findings);
      setRatings({});
      setEvidence({});
      setNotes('');
      setRecommendation('');
      onSubmitted();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card">
      <h2>Add a scorecard</h2>
      <p className="muted">
        Rate each criterion and write what you saw and heard: the question, the answer, the exercise. Text is
        checked as you type; a candidate can obtain interview notes through a data-protection request, so
        write every word as if they will read it.
      </p>
      {result && (
        <div className="submitted" role="status">
          <p>
            <b>Scorecard submitted.</b>{' '}
            {result.length === 0
              ? 'The checker found nothing to change.'
              : `The checker found ${result.length} thing${result.length === 1 ? '' : 's'} in it; flagged evidence is left out of candidate feedback.`}
          </p>
          <FindingList findings={result} />
        </div>
      )}
      <form onSubmit={submit}>
        <div className="row">
          <div className="field">
            <label htmlFor="sc-stage">Stage</label>
            <select id="sc-stage" value={stage} onChange={(e) => setStage(e.target.value as Stage)}>
              <option value="screen">Screen</option>
              <option value="interview">Interview</option>
              <option value="final">Final</option>
            </select>
          </div>
          <div className="field grow">
            <label htmlFor="sc-name">Interviewer name</label>
            <input id="sc-name" value={name} onChange={(e) => setName(e.target.value)} required />
          </div>
          <div className="field grow">
            <label htmlFor="sc-email">Interviewer email</label>
            <input
              id="sc-email"
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
          </div>
        </div>
        {app.job.criteria.map((c) => (
          <CriterionInput
            key={c.id}
            id={c.id}
            name={c.name}
            description={c.description}
            rating={ratings[c.id]}
            evidence={evidence[c.id] ?? ''}
            onRating={(r) => setRatings((x) => ({ ...x, [c.id]: r }))}
            onEvidence={(v) => setEvidence((x) => ({ ...x, [c.id]: v }))}
          />
        ))}
        <CheckedTextarea
          label="Private notes"
          hint="For the hiring team only; never sent to the candidate. Checked too."
          value={notes}
          onChange={setNotes}
          findings={notesFindings}
          rows={2}
        />
        <div className="field narrow">
          <label htmlFor="sc-rec">Recommendation</label>
          <select
            id="sc-rec"
            value={recommendation}
            onChange={(e) => setRecommendation(e.target.value as Recommendation)}
            required
          >
            <option value="" disabled>
              Choose…
            </option>
            {RECOMMENDATION_OPTIONS.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
        <ErrorNote error={error} />
        <button type="submit" disabled={busy}>
          {busy ? 'Working…' : 'Submit scorecard'}
        </button>
      </form>
    </section>
  );
}

function CriterionInput(props: {
  id: string;
  name: string;
  description: string | null;
  rating?: number;
  evidence: string;
  onRating: (r: number) => void;
  onEvidence: (v: string) => void;
}) {
  const findings = useCheck(props.evidence);
  return (
    <fieldset className="criterion">
      <legend>{props.name}</legend>
      {props.description && <p className="muted small">{props.description}</p>}
      <div className="ratings">
        {[1, 2, 3, 4].map((r) => (
          <label key={r} className={props.rating === r ? 'chosen' : ''}>
            <input
              type="radio"
              name={`rating-${props.id}`}
              value={r}
              checked={props.rating === r}
              onChange={() => props.onRating(r)}
            />
            {r} {RATING_LABELS[r]}
          </label>
        ))}
      </div>
      <CheckedTextarea
        label={`Evidence for ${props.name}`}
        value={props.evidence}
        onChange={props.onEvidence}
        findings={findings}
        placeholder="What did the candidate do or say? e.g. “Wrote the join but missed rows with no orders; fixed it when asked about NULLs.”"
      />
    </fieldset>
  );
}

function RejectPanel({ app }: { app: ApplicationDetail }) {
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
    <section className="card">
      <h2>Reject</h2>
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
    </section>
  );
}
