import type { ReactNode } from 'react';
import type { RejectionReason } from './api';

export function Badge({ value }: { value: string }) {
  return <span className={`badge badge-${value}`}>{value.replace(/[-_]/g, ' ')}</span>;
}

export function ErrorNote({ error }: { error?: string }) {
  return error ? (
    <p className="error" role="alert">
      {error}
    </p>
  ) : null;
}

/** A 1-to-5 scale as radio buttons in a fieldset, the ends labelled in words ("1 not useful" … "5 very useful"). */
export function Scale(props: {
  legend: string;
  name: string;
  value: number | undefined;
  onChange: (value: number) => void;
  low: string;
  high: string;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {/* Five equal boxes on one line, even on a phone; the ends' words sit underneath, and stay in the names. */}
      <div className="ratings scale">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className={props.value === n ? 'chosen' : ''}>
            <input
              type="radio"
              name={props.name}
              value={n}
              checked={props.value === n}
              onChange={() => props.onChange(n)}
            />
            {n}
            {(n === 1 || n === 5) && (
              <span className="visually-hidden"> {n === 1 ? props.low : props.high}</span>
            )}
          </label>
        ))}
      </div>
      <p className="scale-ends small muted" aria-hidden="true">
        <span>1 {props.low}</span>
        <span>5 {props.high}</span>
      </p>
    </fieldset>
  );
}

/** The frame of the sign-in and sign-up pages, for the hiring team and for candidates. */
export function AuthLayout(props: {
  title: string;
  audience?: string;
  tagline: string;
  children: ReactNode;
}) {
  return (
    <main className="auth">
      <div className="brand">Debrief {props.audience && <span className="for">{props.audience}</span>}</div>
      <p className="tagline">{props.tagline}</p>
      <section className="card">
        <h1>{props.title}</h1>
        {props.children}
      </section>
    </main>
  );
}

/** What a sign-up page shows once the link is on its way: where it went, and what to do next. */
export function CheckInbox(props: { email: string; again: () => void }) {
  return (
    <div role="status">
      <p>
        We sent a link to <strong>{props.email}</strong>. Open it within 24 hours to finish: nothing is
        created until you do.
      </p>
      <p className="muted">
        No message after a few minutes? Look in your spam folder, or{' '}
        <button type="button" className="link" onClick={props.again}>
          use another address
        </button>
        .
      </p>
    </div>
  );
}

/**
 * Choosing a rejection reason: each option says when the reason is beyond the candidate's control, and the chosen
 * one shows its guidance and the sentence the candidate will read. `first` is the option shown before the list.
 */
export function ReasonField(props: {
  id: string;
  reasons: RejectionReason[] | undefined;
  value: string;
  onChange: (code: string) => void;
  first?: ReactNode;
}) {
  const chosen = props.reasons?.find((r) => r.code === props.value);
  return (
    <div className="field">
      <label htmlFor={props.id}>Reason</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)} required>
        {props.first}
        {props.reasons?.map((r) => (
          <option key={r.code} value={r.code}>
            {r.label}
            {r.beyondControl ? ' (beyond their control)' : ''}
          </option>
        ))}
      </select>
      {chosen && (
        <small className="help">
          {chosen.description}
          <br />
          <i>The candidate reads: “{chosen.candidateText}”</i>
        </small>
      )}
    </div>
  );
}
