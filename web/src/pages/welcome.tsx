import { Link } from 'react-router';
import { type ApplicationsPage, can, type Me, type User } from '../api';
import { useApi } from '../query';

/**
 * The dashboard's first card, fitted to what the member does: an admin sees the steps that set the organization up
 * (ticked as they are done), a reviewer the drafts waiting for them, an interviewer the applications they are asked to
 * score. Shown to a new member and while there is something to do.
 */
export function WelcomeCard({ me, noJobs }: { me: Me; noJobs: boolean }) {
  if (can(me, 'users.manage')) return <AdminSetup me={me} noJobs={noJobs} />;
  if (can(me, 'feedback.review')) return <ReviewerWelcome me={me} noJobs={noJobs} />;
  return <InterviewerWelcome me={me} />;
}

const firstName = (me: Me) => me.user.name.split(' ')[0];

function AdminSetup({ me, noJobs }: { me: Me; noJobs: boolean }) {
  const members = useApi<{ items: User[] }>('/users');
  if (!members.data) return null;
  const invited = members.data.items.length > 1;
  if (!noJobs && invited) return null;
  const steps = [
    { done: !noJobs, to: '/jobs', text: 'Create a job with the criteria it requires' },
    { done: invited, to: '/members', text: 'Invite your team: recruiters, hiring managers, interviewers' },
    {
      done: false,
      to: '/settings/letters',
      text: 'Set how your letters sound: greeting, closing and signer',
    },
    {
      done: false,
      to: '/integrations',
      text: 'Connect your ATS, or import past applications from a CSV file',
    },
  ];
  return (
    <section className="card empty welcome">
      <h2>Welcome to Debrief, {firstName(me)}</h2>
      <p>
        Set {me.organization.name} up in a few steps. Debrief drafts checked feedback from the scorecards when
        you reject, and you review it before anything is sent.
      </p>
      <ol className="setup-steps" aria-label="Setting up">
        {steps.map((s) => (
          <li key={s.to} className={s.done ? 'done' : undefined}>
            <Link to={s.to}>{s.text}</Link>
            {s.done && <span className="muted small"> · done</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

function ReviewerWelcome({ me, noJobs }: { me: Me; noJobs: boolean }) {
  const drafts = useApi<ApplicationsPage>('/applications?feedbackStatus=draft&sort=updated&limit=3');
  if (!drafts.data) return null;
  const n = drafts.data.total;
  if (!noJobs && n === 0) return null;
  return (
    <section className="card empty welcome">
      <h2>Welcome to Debrief, {firstName(me)}</h2>
      {n === 0 ? (
        <p>
          No drafts are waiting for you. When a candidate is rejected, Debrief drafts their feedback from the
          scorecards, and the draft waits here for your review before anything is sent.
        </p>
      ) : (
        <>
          <p>
            {n === 1 ? '1 draft is' : `${n} drafts are`} waiting for your review, the longest-waiting first.
          </p>
          <ul className="drafts">
            {drafts.data.items.map((a) => (
              <li key={a.id}>
                <Link to={`/feedback/${a.feedback!.id}`}>Review the feedback for {a.candidate.name}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function InterviewerWelcome({ me }: { me: Me }) {
  // An interviewer reads only the applications they are assigned to.
  const assigned = useApi<ApplicationsPage>('/applications?status=active&sort=updated&limit=10');
  if (!assigned.data) return null;
  const items = assigned.data.items;
  return (
    <section className="card empty welcome">
      <h2>Welcome to Debrief, {firstName(me)}</h2>
      {items.length === 0 ? (
        <p>
          No interviews are assigned to you yet. When you are asked to interview a candidate, you get an email
          and the application appears here for your scorecard.
        </p>
      ) : (
        <>
          <p>
            Your scorecards: record one after each interview, a rating and what you saw for each criterion.
            You see your colleagues' once yours is in.
          </p>
          <ul className="drafts" aria-label="Your assigned scorecards">
            {items.map((a) => (
              <li key={a.id}>
                <Link to={`/applications/${a.id}`}>{a.candidate.name}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
