import { useState } from 'react';
import { Link } from 'react-router';
import { type ApplicationDetail, api, can, formatDate, type Me, RATING_LABELS } from '../../api';
import { categoryLabel } from '../../checked';
import { Badge, ErrorNote } from '../../components';
import { invalidate } from '../../query';
import { ConfirmDialog, Field, useSubmit } from '../../ui';

type Rating = ApplicationDetail['scorecards'][number]['ratings'][number];
type QuotedBy = { id: string; status: string } | null;

/** The scorecards, each rating with its evidence; flagged and redacted evidence is marked, with who and why. */
export function Scorecards({
  app,
  me,
  onEdit,
}: {
  app: ApplicationDetail;
  me: Me;
  /** Opens the author's scorecard for editing. */
  onEdit: (scorecardId: string) => void;
}) {
  const criterion = (cid: string) => app.job.criteria.find((c) => c.id === cid)?.name ?? 'Criterion';
  /** Feedback drafted from evidence since redacted: its link to the evidence is gone, its wording is not. */
  const [quotedBy, setQuotedBy] = useState<QuotedBy>(null);
  return (
    <section className="card">
      <h2>Scorecards</h2>
      {quotedBy && (
        <p className="callout" role="status">
          The feedback quoted the evidence you redacted; its link to the evidence is removed, but not its
          words.{' '}
          <Link to={`/feedback/${quotedBy.id}`}>
            {quotedBy.status === 'draft' ? 'Edit the draft' : 'Open the feedback'}
          </Link>
        </p>
      )}
      {app.scorecardsHidden > 0 ? (
        <p className="muted" role="note">
          {app.scorecardsHidden === 1
            ? '1 scorecard from a colleague is'
            : `${app.scorecardsHidden} scorecards from colleagues are`}{' '}
          hidden until you submit your own, so that your judgement is yours alone.
        </p>
      ) : app.scorecards.length === 0 ? (
        <p className="muted">No scorecards yet. The feedback is drafted from the evidence recorded here.</p>
      ) : (
        app.scorecards.map((s) => (
          <article key={s.id} className="scorecard">
            <header>
              <b>{s.interviewer.name}</b> <span className="muted">· {s.stage} ·</span>{' '}
              <Badge value={s.recommendation} />{' '}
              <span className="muted small">
                {formatDate(s.createdAt)}
                {s.editedAt && <> · edited {formatDate(s.editedAt)}</>}
              </span>
              {s.editable && (
                <button
                  type="button"
                  className="secondary small"
                  aria-label={`Edit ${s.interviewer.name}'s ${s.stage} scorecard`}
                  onClick={() => onEdit(s.id)}
                >
                  Edit
                </button>
              )}
            </header>
            <dl>
              {s.ratings.map((r) => (
                <div key={r.id}>
                  <dt>
                    {criterion(r.criterionId)}{' '}
                    <span className={`rating r${r.rating}`}>
                      {r.rating} · {RATING_LABELS[r.rating]}
                    </span>
                    {r.redaction ? (
                      <span className="evidence-mark redacted">Redacted</span>
                    ) : (
                      r.flag && <span className="evidence-mark flagged">Flagged</span>
                    )}
                  </dt>
                  <dd>
                    <Evidence rating={r} />
                    {!r.redaction && can(me, 'scorecards.redact') && (
                      <Redact
                        app={app}
                        scorecardId={s.id}
                        rating={r}
                        criterion={criterion(r.criterionId)}
                        interviewer={s.interviewer.name}
                        onRedacted={setQuotedBy}
                      />
                    )}
                  </dd>
                </div>
              ))}
            </dl>
            {s.notes && <p className="notes">Private notes: {s.notes}</p>}
          </article>
        ))
      )}
    </section>
  );
}

function Evidence({ rating: r }: { rating: Rating }) {
  if (r.redaction)
    return (
      <p className="evidence-note">
        Evidence redacted by {r.redaction.by?.name ?? 'a former member'} on {formatDate(r.redaction.at)}:{' '}
        {r.redaction.reason}. This rating is left out of feedback and statistics.
      </p>
    );
  return (
    <>
      {r.evidence}
      {r.flag && (
        <p className="evidence-note">
          Submitted despite a finding that blocks sending (
          {[...new Set(r.flag.rules.map((x) => categoryLabel(x.category)))].join(', ')}) by{' '}
          {r.flag.by?.name ?? 'a former member'}, who gave this reason: “{r.flag.reason}”. Left out of
          feedback and statistics.
        </p>
      )}
    </>
  );
}

/** An admin removes the evidence text for good, giving a reason; who, when and why stay on record. */
function Redact(props: {
  app: ApplicationDetail;
  scorecardId: string;
  rating: Rating;
  criterion: string;
  interviewer: string;
  onRedacted: (quotedBy: QuotedBy) => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const redact = useSubmit(async () => {
    const r = await api<{ quotedBy: QuotedBy }>(
      'POST',
      `/scorecards/${props.scorecardId}/ratings/${props.rating.id}/redact`,
      { reason: reason.trim() },
    );
    props.onRedacted(r.quotedBy);
    setOpen(false);
    setReason('');
    await Promise.all([invalidate('team', 'applications'), invalidate('team', 'stats')]);
  });
  const label = `Redact ${props.interviewer}'s evidence for ${props.criterion}`;
  return (
    <>
      <button
        type="button"
        className="secondary small"
        aria-label={label}
        disabled={redact.busy}
        onClick={() => setOpen(true)}
      >
        Redact
      </button>
      {!open && <ErrorNote error={redact.error} />}
      {open && (
        <ConfirmDialog
          open
          title={`${label}?`}
          confirm="Redact evidence"
          danger
          busy={redact.busy}
          error={redact.error}
          onConfirm={() => {
            if (!reason.trim()) redact.setError('Say why the evidence is redacted.');
            else void redact.run();
          }}
          onCancel={() => {
            setOpen(false);
            redact.setError(undefined);
          }}
        >
          <p>
            The text is removed for good; the rating stays, left out of feedback and statistics. Who redacted
            it, when and why are kept in the audit trail.
          </p>
          <Field label="Reason for redacting" hint="Kept with the rating and in the audit trail.">
            {(control) => (
              <textarea
                {...control}
                rows={2}
                maxLength={1000}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </Field>
        </ConfirmDialog>
      )}
    </>
  );
}
