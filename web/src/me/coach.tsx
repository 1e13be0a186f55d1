import { useState } from 'react';
import { Link } from 'react-router';
import { CheckedTextarea, FindingList, useCheck, useCheckerReady } from '../checked';
import { Badge, ErrorNote } from '../components';
import { usePageTitle } from '../navigation';
import { useCandidateApi } from '../query';
import { ConfirmDialog, Field, Toast, useSubmit } from '../ui';
import { capi, day, type RequestPlan, relative, type TrackerDetail, today } from './api';

const LIKELIHOOD: Record<RequestPlan['ask']['likelihood'], string> = {
  low: 'A reply is unlikely',
  medium: 'A reply is possible',
  high: 'A reply is likely',
};

/** The request coach for a rejected application: whether and when to ask, whom and how, a checked draft. */
export function CoachPage({ id }: { id: string }) {
  const app = useCandidateApi<TrackerDetail>(`/applications/${id}`);
  const plan = useCandidateApi<RequestPlan>(`/applications/${id}/request-plan`);
  const a = app.data;
  const p = plan.data;
  usePageTitle(a && [`Ask for feedback: ${a.company}`]);
  return (
    <>
      <p className="crumbs">
        <Link to="/me/applications">Applications</Link> /{' '}
        {a ? <Link to={`/me/applications/${a.id}`}>{a.company}</Link> : '…'} /
      </p>
      <h1>Ask for feedback{a ? `: ${a.company}` : ''}</h1>
      <ErrorNote error={app.error} />
      {plan.error && (
        <section className="card">
          <ErrorNote error={plan.error} />
          {a && a.status !== 'rejected' && (
            <p>
              <Link to={`/me/applications/${a.id}`}>Back to the application</Link>
            </p>
          )}
        </section>
      )}
      {p && <Coach plan={p} appId={id} />}
    </>
  );
}

function Coach({ plan, appId }: { plan: RequestPlan; appId: string }) {
  const { ask, contact, channel } = plan;
  const waitUntil = ask.earliest > today() ? ask.earliest : null;
  return (
    <div className="coach">
      {plan.inHand && (
        <section className="card in-hand" aria-labelledby="in-hand-head">
          <h2 id="in-hand-head">You already have their feedback</h2>
          <p>{plan.inHand.text}</p>
          <p>
            <Link className="button" to={plan.inHand.link}>
              Read it, say thanks or ask your one question
            </Link>
          </p>
        </section>
      )}
      <section className="card" aria-labelledby="when-head">
        <h2 id="when-head">Whether and when</h2>
        <p className="advice">{ask.advice}</p>
        <dl className="facts">
          <div>
            <dt>Earliest</dt>
            <dd>
              {day(ask.earliest)} <span className="muted">({relative(ask.earliest)})</span>
            </dd>
          </div>
          <div>
            <dt>Likelihood</dt>
            <dd>
              <span className={`likelihood l-${ask.likelihood}`}>{ask.likelihood}</span>{' '}
              {LIKELIHOOD[ask.likelihood]}
            </dd>
          </div>
        </dl>
        {ask.reasons.length > 0 && (
          <>
            <h3>Why</h3>
            <ul className="reasons">
              {ask.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </>
        )}
        {ask.ready === false && (
          <p className="warn-note">Wait before you ask: the advice above says until when, and why.</p>
        )}
      </section>

      <section className="card" aria-labelledby="who-head">
        <h2 id="who-head">Whom and how</h2>
        {contact ? (
          <p>
            <b>{contact.name}</b> <Badge value={contact.kind} />
            <br />
            <span className="muted">{contact.why}</span>
            {(contact.email || contact.phone) && (
              <>
                <br />
                {contact.email && <a href={`mailto:${contact.email}`}>{contact.email}</a>}
                {contact.email && contact.phone && ' · '}
                {contact.phone && <a href={`tel:${contact.phone}`}>{contact.phone}</a>}
              </>
            )}
          </p>
        ) : (
          <p className="muted">
            You did not record whom you met. Write to the hiring team, or add the rounds and the interviewers
            to get a better suggestion.
          </p>
        )}
        <p>
          <Badge value={channel.kind === 'call' ? 'call' : 'email'} /> {channel.why}
        </p>
      </section>

      <Draft plan={plan} appId={appId} waitUntil={waitUntil} to={contact?.email} />

      <section className="card" aria-labelledby="call-head">
        <h2 id="call-head">If they call you back</h2>
        <ol className="call-sheet">
          {plan.callSheet.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ol>
      </section>

      <section className="card" aria-labelledby="after-head">
        <h2 id="after-head">Afterwards</h2>
        <ul className="plain-list">
          {plan.followUps.map((f) => (
            <li key={f.kind + f.text}>
              <b>
                {f.kind === 'thank-you'
                  ? 'A thank-you note'
                  : f.kind === 'connection-request'
                    ? 'Stay in touch'
                    : f.kind}
              </b>
              <div className="small muted">{f.when}</div>
              <div>{f.text}</div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** The draft's textarea (the checked textarea makes its own id). */
const draftTextarea = () => document.querySelector<HTMLTextAreaElement>('.draft .checked textarea');

function Draft({
  plan,
  appId,
  waitUntil,
  to,
}: {
  plan: RequestPlan;
  appId: string;
  waitUntil: string | null;
  /** The contact's address, when known: the email can open in the candidate's own mail app. */
  to?: string;
}) {
  const [subject, setSubject] = useState(plan.draft.subject);
  const [body, setBody] = useState(plan.draft.body);
  // What just happened ("Copied", "Reminder set"), shown for a few seconds.
  const [note, setNote] = useState<string>();
  const [reminded, setReminded] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const findings = useCheck(body, 'request');
  const checked = useCheckerReady();
  const whole = findings.filter((f) => f.end <= f.start);
  const inText = findings.filter((f) => f.end > f.start);
  const words = body.trim() ? body.trim().split(/\s+/).length : 0;
  async function copy() {
    const text = `Subject: ${subject}\n\n${body}`;
    try {
      await navigator.clipboard.writeText(text);
      setNote('Copied. Paste it into your email.');
    } catch {
      // Clipboard permission refused (or an insecure page): select the text for a manual copy instead.
      const ta = draftTextarea();
      ta?.focus();
      ta?.select();
      setNote('Selected: press Ctrl+C (or ⌘C) to copy.');
    }
  }

  const remind = useSubmit(async () => {
    await capi('POST', '/reminders', {
      applicationId: appId,
      kind: 'ask-feedback',
      dueOn: waitUntil ?? today(),
      text: `Send the feedback request (${subject})`,
    });
    setReminded(true);
    setNote(`Reminder set for ${day(waitUntil ?? today())}.`);
  });

  return (
    <section className="card draft" aria-labelledby="draft-head">
      <h2 id="draft-head">{plan.inHand ? 'If you still want to write to them' : 'The email'}</h2>
      <p className="muted small">
        Brief, grateful, and asking for one or two pointers. Edit it in your own words; it is checked as you
        type. Nothing is sent from here.
      </p>
      <Field
        id="draft-subject"
        label="Subject"
        value={subject}
        onChange={(e) => setSubject(e.target.value)}
      />
      <CheckedTextarea
        label="Your email"
        value={body}
        onChange={setBody}
        findings={inText}
        rows={12}
        hint={`${words} words. Suggestions are marked in place and explained below.`}
      />
      {/* Notes on the email as a whole (no thanks, no ask, too long) come after it, not between subject and body. */}
      {whole.length > 0 && (
        <div className="doc-notes">
          <FindingList findings={whole} />
        </div>
      )}
      {checked && findings.length === 0 && (
        <p className="ok-note">The checker has no suggestions: it reads as humble and clear.</p>
      )}
      <div className="actions">
        {to && (
          <a
            className="button"
            href={`mailto:${encodeURIComponent(to)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`}
          >
            Open in my email app
          </a>
        )}
        <button type="button" className={to ? 'secondary' : undefined} onClick={copy}>
          Copy the email
        </button>
        <button
          type="button"
          className="secondary"
          disabled={subject === plan.draft.subject && body === plan.draft.body}
          onClick={() => setDiscarding(true)}
        >
          Start again from the suggestion
        </button>
        {waitUntil && (
          <button
            type="button"
            className="secondary"
            onClick={() => remind.run()}
            disabled={reminded || remind.busy}
          >
            Remind me on {day(waitUntil)}
          </button>
        )}
        <Toast as="span" message={note} onDismiss={() => setNote(undefined)} />
      </div>
      <ErrorNote error={remind.error} />
      <ConfirmDialog
        open={discarding}
        title="Start again from the suggestion?"
        confirm="Discard my edits"
        danger
        onConfirm={() => {
          setSubject(plan.draft.subject);
          setBody(plan.draft.body);
          setDiscarding(false);
        }}
        onCancel={() => setDiscarding(false)}
        fallbackFocus={draftTextarea}
      >
        <p>Your changes to the subject and the email are replaced by the suggested draft.</p>
      </ConfirmDialog>
    </section>
  );
}
