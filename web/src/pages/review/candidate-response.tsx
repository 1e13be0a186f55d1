import { useState } from 'react';
import { ApiError, api, type CandidateResponse, type Finding } from '../../api';
import { CheckedTextarea, FindingList, useCheck } from '../../checked';
import { SubmitButton, useSubmit } from '../../ui';

/** What the candidate did on their page: the rating, the thanks, a comment, and one question to answer. */
export function CandidateResponseCard(props: {
  feedbackId: string;
  response: CandidateResponse | null;
  mayAnswer: boolean;
  onAnswered: (r: CandidateResponse) => void;
}) {
  const r = props.response;
  const [answer, setAnswer] = useState('');
  const [refused, setRefused] = useState<Finding[]>([]);
  const findings = useCheck(answer);
  const blocking = findings.filter((f) => f.severity === 'block');

  // Refused for blocking findings: the server's findings are listed above its message.
  const submit = useSubmit(async () => {
    setRefused([]);
    try {
      const res = await api<{ response: CandidateResponse }>('POST', `/feedback/${props.feedbackId}/answer`, {
        answer: answer.trim(),
      });
      props.onAnswered(res.response);
      setAnswer('');
    } catch (err) {
      if (err instanceof ApiError && err.code === 'blocking-findings') setRefused(err.findings);
      throw err;
    }
  });

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
                <form onSubmit={submit.onSubmit}>
                  <CheckedTextarea
                    label="Your answer"
                    hint="Emailed to the candidate; checked as you type, like the feedback. You can answer once."
                    value={answer}
                    onChange={setAnswer}
                    findings={findings}
                    rows={4}
                  />
                  {refused.length > 0 && <FindingList findings={refused} />}
                  <SubmitButton
                    submit={submit}
                    busyLabel="Sending…"
                    disabled={!answer.trim() || blocking.length > 0}
                  >
                    Send answer
                  </SubmitButton>
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
