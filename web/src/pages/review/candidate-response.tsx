import { type FormEvent, useState } from 'react';
import { ApiError, api, type CandidateResponse, errorText, type Finding } from '../../api';
import { CheckedTextarea, FindingList, useCheck } from '../../checked';
import { ErrorNote } from '../../components';

/** What the candidate did on their page: the rating, the thanks, a comment, and one question to answer. */
export function CandidateResponseCard(props: {
  feedbackId: string;
  response: CandidateResponse | null;
  mayAnswer: boolean;
  onAnswered: (r: CandidateResponse) => void;
}) {
  const r = props.response;
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [refused, setRefused] = useState<Finding[]>([]);
  const findings = useCheck(answer);
  const blocking = findings.filter((f) => f.severity === 'block');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setRefused([]);
    try {
      const res = await api<{ response: CandidateResponse }>('POST', `/feedback/${props.feedbackId}/answer`, {
        answer: answer.trim(),
      });
      props.onAnswered(res.response);
      setAnswer('');
    } catch (err) {
      if (err instanceof ApiError && err.code === 'blocking-findings') setRefused(err.findings);
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card candidate-response" aria-labelledby="cr-head">
      <h2 id="cr-head">The candidate's response</h2>
      {!r ? (
        <p className="muted">
          Nothing yet. The candidate can rate the feedback, say thank you and ask one question on their page.
        </p>
      ) : (
        <>
          <ul className="response-facts">
            <li>
              {r.useful ? (
                <>
                  Rated it <b>{r.useful} of 5</b> for usefulness
                </>
              ) : (
                <span className="muted">Not rated</span>
              )}
            </li>
            <li>{r.thanked ? <b>Said thank you</b> : <span className="muted">No thanks yet</span>}</li>
            {r.futureRoles && <li>Wants to hear about future roles</li>}
          </ul>
          {r.comment && (
            <blockquote className="quote">
              <span className="ev-head">Their comment</span>
              {r.comment}
            </blockquote>
          )}
          {r.question && (
            <div className="asked">
              <p>
                <b>Their question:</b> {r.question}
              </p>
              {r.answer ? (
                <p>
                  <b>Your answer:</b> {r.answer}
                </p>
              ) : props.mayAnswer ? (
                <form onSubmit={submit}>
                  <CheckedTextarea
                    label="Your answer"
                    hint="Emailed to the candidate; checked as you type, like the feedback. You can answer once."
                    value={answer}
                    onChange={setAnswer}
                    findings={findings}
                    rows={4}
                  />
                  {refused.length > 0 && <FindingList findings={refused} />}
                  <ErrorNote error={error} />
                  <button type="submit" disabled={busy || !answer.trim() || blocking.length > 0}>
                    {busy ? 'Sending…' : 'Send answer'}
                  </button>
                </form>
              ) : (
                <p className="muted">Not answered yet.</p>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
