import { useState } from 'react';
import {
  isAssessmentStage,
  nextStages,
  STAGE_LABELS,
  stageMoveRefusal,
} from '../../../../src/domain/pipeline';
import type { ApplicationStage } from '../../../../src/domain/vocabulary';
import { type ApplicationDetail, api, errorText } from '../../api';
import { ErrorNote } from '../../components';
import { invalidate } from '../../query';
import { ConfirmDialog } from '../../ui';

/** What each move tells the team before it is made. */
function consequence(to: ApplicationStage, name: string) {
  switch (to) {
    case 'offer':
      return `${name} is marked as holding an offer. While the offer stands, ${name} cannot be rejected, not even by rejecting the remaining candidates of the job.`;
    case 'hired':
      return `${name} is marked hired. A hire is never rejected; the job can then be closed as filled.`;
    case 'withdrawn':
      return `${name} leaves the process: no feedback is drafted and no rejection is sent. A withdrawn application can be reopened later.`;
    default:
      return `${name} moves to ${STAGE_LABELS[to].toLowerCase()}.`;
  }
}

/**
 * The application's place in the pipeline, in the page header: a stage control for the interview stages and the
 * moves the pipeline allows ("Mark offer", "Mark hired", "Withdrawn", "Reopen"). Each move is confirmed and audited;
 * rejecting is the rejection panel's.
 */
export function PipelineControl({ app, mayMove }: { app: ApplicationDetail; mayMove: boolean }) {
  const [pending, setPending] = useState<{ to: ApplicationStage; reopen?: boolean }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const first = app.candidate.name.split(' ')[0] ?? app.candidate.name;
  const stage = app.stage;
  const allowed = new Set(nextStages(stage));
  const assessment = (['applied', 'screen', 'interview', 'final'] as const).filter(
    (s) => s === stage || allowed.has(s),
  );

  async function move() {
    if (!pending) return;
    setBusy(true);
    setError(undefined);
    try {
      await api('POST', `/applications/${app.id}/stage`, { stage: pending.to, reopen: pending.reopen });
      setPending(undefined);
      await Promise.all([
        invalidate('team', 'applications'),
        invalidate('team', 'jobs'),
        invalidate('team', 'audit'),
      ]);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const ask = (to: ApplicationStage, reopen?: boolean) => {
    setError(undefined);
    setPending({ to, reopen });
  };

  return (
    <div className="pipeline">
      <span>
        Stage: <b data-testid="stage">{STAGE_LABELS[stage]}</b>
      </span>
      {mayMove && (
        <>
          {isAssessmentStage(stage) && assessment.length > 1 && (
            <select
              aria-label="Move to stage"
              value={stage}
              onChange={(e) => ask(e.target.value as ApplicationStage)}
            >
              {assessment.map((s) => (
                <option key={s} value={s}>
                  {STAGE_LABELS[s]}
                </option>
              ))}
            </select>
          )}
          {stage === 'offer' && allowed.has('final') && (
            <button type="button" className="secondary" onClick={() => ask('final')}>
              Take back the offer
            </button>
          )}
          {allowed.has('offer') && stage !== 'hired' && (
            <button type="button" className="secondary" onClick={() => ask('offer')}>
              Mark offer
            </button>
          )}
          {allowed.has('hired') && (
            <button type="button" onClick={() => ask('hired')}>
              Mark hired
            </button>
          )}
          {stage === 'hired' && allowed.has('offer') && (
            <button type="button" className="secondary" onClick={() => ask('offer')}>
              Back to offer
            </button>
          )}
          {allowed.has('withdrawn') && (
            <button type="button" className="secondary" onClick={() => ask('withdrawn')}>
              Withdrawn
            </button>
          )}
          {stage === 'withdrawn' && stageMoveRefusal('withdrawn', 'applied', { reopen: true }) === null && (
            <button type="button" className="secondary" onClick={() => ask('applied', true)}>
              Reopen
            </button>
          )}
        </>
      )}
      <ConfirmDialog
        open={pending !== undefined}
        title={
          pending
            ? pending.reopen
              ? `Reopen ${first}'s application?`
              : `Move ${first} to ${STAGE_LABELS[pending.to].toLowerCase()}?`
            : ''
        }
        confirm={
          pending?.reopen
            ? 'Reopen'
            : pending?.to === 'hired'
              ? 'Mark hired'
              : pending?.to === 'offer'
                ? 'Mark offer'
                : pending?.to === 'withdrawn'
                  ? 'Mark withdrawn'
                  : 'Move'
        }
        busy={busy}
        error={error}
        onConfirm={move}
        onCancel={() => setPending(undefined)}
      >
        {pending && (
          <p>
            {pending.reopen
              ? `${first} goes back to applied and can move through the process again.`
              : consequence(pending.to, first)}{' '}
            The move is recorded in the audit trail.
          </p>
        )}
      </ConfirmDialog>
      <ErrorNote error={pending ? undefined : error} />
    </div>
  );
}
