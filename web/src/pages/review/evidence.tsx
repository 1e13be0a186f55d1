import type { ApplicationDetail, Feedback } from '../../api';

/** Where each of the server's sentences sits in the current text, or null if it was edited away. */
function locateSentences(fb: Feedback, body: string) {
  return fb.sentences.map((s) => {
    if (body.slice(s.start, s.end) === s.text) return { ...s, at: s.start };
    const at = body.indexOf(s.text);
    return { ...s, at: at >= 0 ? at : null };
  });
}

/**
 * The review page's side card: each sentence of the draft that quotes scorecard evidence, with the criterion, the
 * interviewer and the stage it came from. A sentence edited since the last save shows no evidence until it is saved.
 */
export function EvidenceCard({ fb, body, app: a }: { fb: Feedback; body: string; app?: ApplicationDetail }) {
  const sentences = locateSentences(fb, body);
  const withEvidence = sentences.filter((s) => s.evidence.length > 0);
  const criterion = (cid: string) => a?.job.criteria.find((c) => c.id === cid)?.name ?? 'Criterion';
  const scorecard = (sid: string) => a?.scorecards.find((s) => s.id === sid);
  return (
    <section className="card">
      <h2>Evidence behind each sentence</h2>
      {withEvidence.length === 0 ? (
        <p className="muted">
          No sentence quotes scorecard evidence. A draft composed from scorecards links each specific point to
          the rating and evidence it came from.
        </p>
      ) : (
        <ol className="evidence">
          {withEvidence.map((s) => (
            <li key={`${s.start}-${s.end}`} className={s.at === null ? 'stale' : ''}>
              <q className="sentence">{s.text}</q>
              {s.at === null ? (
                <p className="muted small">Edited since the last save; save to link evidence again.</p>
              ) : (
                s.evidence.map((e) => {
                  const sc = scorecard(e.scorecardId);
                  return (
                    <blockquote key={`${e.scorecardId}-${e.criterionId}`}>
                      <span className="ev-head">
                        {criterion(e.criterionId)}
                        {sc && (
                          <>
                            {' '}
                            · {sc.interviewer.name}, {sc.stage}
                          </>
                        )}
                      </span>
                      {e.excerpt}
                    </blockquote>
                  );
                })
              )}
            </li>
          ))}
        </ol>
      )}
      {withEvidence.length > 0 && (
        <p className="muted small">
          {sentences.length - withEvidence.length} other sentences are greeting, decision and next steps.
        </p>
      )}
    </section>
  );
}
