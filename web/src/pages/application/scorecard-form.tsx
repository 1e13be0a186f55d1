import { useEffect, useState } from 'react';
import {
  ApiError,
  type ApplicationDetail,
  api,
  can,
  type Me,
  RATING_LABELS,
  RECOMMENDATION_OPTIONS,
  type Recommendation,
  type ScorecardFinding,
  type Stage,
  type User,
} from '../../api';
import { CheckedTextarea, FindingList, useCheck } from '../../checked';
import { invalidate, useApi } from '../../query';
import { Field, SubmitButton, useSubmit } from '../../ui';

type Scorecard = ApplicationDetail['scorecards'][number];

/** What came of a submitted or edited scorecard, shown on the page once the drawer closes. */
export interface ScorecardOutcome {
  edited: boolean;
  findings: ScorecardFinding[];
}

/**
 * An interviewer's scorecard, in the drawer: a rating and evidence per criterion, checked as it is typed. Evidence with
 * a finding that blocks sending is refused unless the interviewer submits it anyway with a reason; it is then flagged
 * and left out of candidate feedback and the dashboard's figures. With `editing`, the author's scorecard is filled
 * in and saved over (until the application is decided).
 */
export function ScorecardForm({
  app,
  me,
  editing,
  onDone,
}: {
  app: ApplicationDetail;
  me: Me;
  editing?: Scorecard;
  onDone: (outcome: ScorecardOutcome) => void;
}) {
  const [stage, setStage] = useState<Stage>(
    app.stage === 'screen' || app.stage === 'interview' || app.stage === 'final' ? app.stage : 'screen',
  );
  // An admin may record a member's scorecard for them; everyone else records their own.
  const onBehalf = !editing && can(me, 'scorecards.submit-on-behalf');
  const members = useApi<{ items: User[] }>('/users', { enabled: onBehalf });
  const [author, setAuthor] = useState(me.user.id);
  const [ratings, setRatings] = useState<Record<string, number>>(() =>
    Object.fromEntries(editing?.ratings.map((r) => [r.criterionId, r.rating]) ?? []),
  );
  const [evidence, setEvidence] = useState<Record<string, string>>(() =>
    Object.fromEntries(editing?.ratings.map((r) => [r.criterionId, r.evidence]) ?? []),
  );
  const [blocked, setBlocked] = useState<Record<string, boolean>>({});
  const [notes, setNotes] = useState(editing?.notes ?? '');
  const [recommendation, setRecommendation] = useState<Recommendation | ''>(
    (editing?.recommendation as Recommendation | undefined) ?? '',
  );
  const [reason, setReason] = useState('');
  /** The server refused the evidence as written (the checker may not have loaded here yet). */
  const [refused, setRefused] = useState(false);
  const notesFindings = useCheck(notes);
  const anyway = refused || Object.values(blocked).some(Boolean);

  const submit = useSubmit(async () => {
    const content = {
      ratings: app.job.criteria.map((c) => ({
        criterionId: c.id,
        rating: ratings[c.id],
        evidence: (evidence[c.id] ?? '').trim(),
      })),
      recommendation,
      notes: notes.trim() || null,
      ...(anyway ? { submitAnyway: { reason: reason.trim() } } : {}),
    };
    try {
      const r = editing
        ? await api<{ id: string; findings: ScorecardFinding[] }>(
            'PATCH',
            `/scorecards/${editing.id}`,
            content,
          )
        : await api<{ id: string; findings: ScorecardFinding[] }>(
            'POST',
            `/applications/${app.id}/scorecards`,
            {
              stage,
              ...(author !== me.user.id ? { onBehalfOf: author } : {}),
              ...content,
            },
          );
      await Promise.all([invalidate('team', 'applications'), invalidate('team', 'stats')]);
      onDone({ edited: Boolean(editing), findings: r.findings });
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) setRefused(true);
      throw err;
    }
  });

  return (
    <>
      <p className="muted">
        Rate each criterion and write what you saw and heard: the question, the answer, the exercise. Text is
        checked as you type; a candidate can obtain interview notes through a data-protection request, so
        write every word as if they will read it.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const missing = app.job.criteria.find((c) => !ratings[c.id] || !evidence[c.id]?.trim());
          if (missing)
            return submit.setError(`Rate ${missing.name} and write the evidence behind the rating.`);
          if (!recommendation) return submit.setError('Choose a recommendation.');
          void submit.run();
        }}
      >
        {editing ? (
          <p className="muted">
            {editing.stage[0]?.toUpperCase()}
            {editing.stage.slice(1)} scorecard by <b>{editing.interviewer.name}</b>. You can change it until
            the application is decided.
          </p>
        ) : (
          <div className="row">
            <Field label="Stage">
              {(control) => (
                <select {...control} value={stage} onChange={(e) => setStage(e.target.value as Stage)}>
                  <option value="screen">Screen</option>
                  <option value="interview">Interview</option>
                  <option value="final">Final</option>
                </select>
              )}
            </Field>
            {onBehalf && members.data?.items.length ? (
              <Field label="Interviewer" className="grow">
                {(control) => (
                  <select {...control} value={author} onChange={(e) => setAuthor(e.target.value)}>
                    {(members.data?.items ?? [])
                      .filter((u) => u.status !== 'deactivated')
                      .map((u) => (
                        <option key={u.id} value={u.id}>
                          {u.id === me.user.id ? `${u.name} (you)` : `${u.name}, recorded on their behalf`}
                        </option>
                      ))}
                  </select>
                )}
              </Field>
            ) : (
              <p className="grow muted">
                Recorded as <b>{me.user.name}</b>
              </p>
            )}
          </div>
        )}
        {app.job.criteria.map((c) => (
          <CriterionInput
            key={c.id}
            id={c.id}
            name={c.name}
            description={c.description}
            rating={ratings[c.id]}
            evidence={evidence[c.id] ?? ''}
            onRating={(r) => setRatings((x) => ({ ...x, [c.id]: r }))}
            onEvidence={(v) => {
              setEvidence((x) => ({ ...x, [c.id]: v }));
              setRefused(false);
            }}
            onBlocked={(b) => setBlocked((x) => (x[c.id] === b ? x : { ...x, [c.id]: b }))}
          />
        ))}
        <CheckedTextarea
          label="Private notes"
          hint="For the hiring team only; never sent to the candidate. Checked too, but never blocks."
          value={notes}
          onChange={setNotes}
          findings={notesFindings}
          rows={2}
        />
        <Field label="Recommendation" className="narrow">
          {(control) => (
            <select
              {...control}
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
          )}
        </Field>
        {anyway && (
          <fieldset className="anyway">
            <legend>Submit anyway?</legend>
            <p>
              <b>Some evidence has a finding that blocks sending.</b> Describe what the candidate did or said
              instead, or submit it anyway with a reason: the evidence is then flagged, and left out of
              candidate feedback and the dashboard's figures.
            </p>
            <Field
              label="Reason for submitting anyway"
              hint="Kept with the flagged evidence and in the audit trail."
            >
              {(control) => (
                <textarea
                  {...control}
                  rows={2}
                  maxLength={1000}
                  required
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
              )}
            </Field>
          </fieldset>
        )}
        <SubmitButton submit={submit}>
          {anyway
            ? editing
              ? 'Save anyway'
              : 'Submit anyway'
            : editing
              ? 'Save changes'
              : 'Submit scorecard'}
        </SubmitButton>
      </form>
    </>
  );
}

/** What the checker found in the scorecard just submitted or saved. */
export function ScorecardOutcomeNote({ outcome }: { outcome: ScorecardOutcome }) {
  const n = outcome.findings.length;
  return (
    <div className="submitted card" role="status">
      <p>
        <b>{outcome.edited ? 'Scorecard saved.' : 'Scorecard submitted.'}</b>{' '}
        {n === 0
          ? 'The checker found nothing to change.'
          : `The checker found ${n} thing${n === 1 ? '' : 's'} in it; flagged evidence is left out of candidate feedback.`}
      </p>
      <FindingList findings={outcome.findings} />
    </div>
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
  onBlocked: (blocked: boolean) => void;
}) {
  const findings = useCheck(props.evidence);
  const blocks = findings.some((f) => f.severity === 'block');
  const { onBlocked } = props;
  useEffect(() => onBlocked(blocks), [blocks, onBlocked]);
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
