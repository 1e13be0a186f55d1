import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  type DashboardFigure,
  figureQuery,
  listBehind,
  listOfGap,
  listOfWeek,
  requestsBehind,
} from '../../../src/domain/dashboard-lists';
import { type ApplicationsPage, can, type Job, type Me, type Page, type Stats } from '../api';
import { ColumnChart, Donut, HBarChart } from '../charts';
import { ErrorNote } from '../components';
import { useApi } from '../query';
import { ApproveAll } from './jobs/approve-all';
import { OperationPanel } from './jobs/bulk-operation';
import { listLink } from './list-link';
import { WelcomeCard } from './welcome';

export function Dashboard({ me }: { me: Me }) {
  const first = me.user.name.split(' ')[0];
  const mayStats = can(me, 'stats.read');
  const f = useFilters();
  const stats = useApi<Stats>(`/stats${f.query}`, { enabled: mayStats });
  const jobs = useApi<Page<Job>>('/jobs?limit=1');
  const allJobs = useApi<Page<Job>>('/jobs?limit=100', { enabled: mayStats });
  const to = f.listOf;
  // The oldest drafts first (they have waited longest), of the job and days chosen, as their figure counts them.
  const waitingQuery = figureQuery(listBehind('draftsWaiting', f.range));
  waitingQuery.set('sort', 'updated');
  waitingQuery.set('limit', '5');
  const waiting = useApi<ApplicationsPage>(`/applications?${waitingQuery}`, { enabled: mayStats });
  const drafts = { data: waiting.data?.items, total: waiting.data?.total ?? 0 };
  const s = stats.data;
  // Every job's drafts without findings, approved at once: its progress and summary.
  const [approving, setApproving] = useState<string>();
  const noJobs = jobs.data && jobs.data.items.length === 0;
  return (
    <>
      <h1>Dashboard</h1>
      {jobs.data && <WelcomeCard me={me} noJobs={Boolean(noJobs)} />}
      {!noJobs && jobs.data && <p className="muted">Welcome back, {first}.</p>}
      {mayStats && !noJobs && <Filters f={f} jobs={allJobs.data?.items ?? []} />}
      <ErrorNote error={stats.error} />
      {s && (
        <>
          <div className="grid">
            <section className="card stat">
              <h2>Feedback share</h2>
              {s.feedbackShare === null ? (
                <>
                  <p className="big">—</p>
                  <p className="muted">
                    The share of rejected candidates who received feedback appears after the first rejection.
                  </p>
                </>
              ) : (
                <div className="share">
                  <Donut
                    share={s.feedbackShare}
                    label={`${Math.round(s.feedbackShare * 100)}% of rejected candidates got feedback`}
                  />
                  <p className="muted">
                    <Figure n={s.feedbackSent} to={to('feedbackSent')} label="feedback sent" /> of{' '}
                    <Figure n={s.rejected} to={to('rejected')} label="rejected" /> rejected candidate
                    {s.rejected === 1 ? '' : 's'} received feedback.
                  </p>
                </div>
              )}
            </section>
            <section className="card stat">
              <h2>Time to feedback</h2>
              <p className="big">
                {s.medianHoursToSend === null ? (
                  '—'
                ) : (
                  <Link
                    to={to('feedbackSent')}
                    aria-label={`${hours(s.medianHoursToSend)}, the median of ${s.feedbackSent} feedback sent`}
                  >
                    {hours(s.medianHoursToSend)}
                  </Link>
                )}
              </p>
              <p className="muted">
                {s.medianHoursToSend === null
                  ? 'The median time from rejection to sent appears once feedback has been sent.'
                  : 'Median time from rejection to sent. Candidates expect it within 48 hours.'}
              </p>
            </section>
            <section className="card stat">
              <h2>Drafts waiting</h2>
              <p className="big">
                <Figure n={s.draftsWaiting} to={to('draftsWaiting')} label="drafts waiting" />
              </p>
              {drafts.data && drafts.data.length > 0 ? (
                <ul className="drafts">
                  {drafts.data.map((a) => (
                    <li key={a.id}>
                      <Link to={`/feedback/${a.feedback!.id}`}>{a.candidate.name}</Link>
                    </li>
                  ))}
                  {drafts.total > drafts.data.length && (
                    <li className="muted">and {drafts.total - drafts.data.length} more</li>
                  )}
                </ul>
              ) : (
                <p className="muted">Drafts composed from scorecards wait here for review.</p>
              )}
              {s.scheduled > 0 && (
                <p className="muted small">
                  <Figure n={s.scheduled} to={to('scheduled')} label="scheduled" /> approved and scheduled.
                </p>
              )}
            </section>
          </div>
          {can(me, 'feedback.review') && (
            <ApproveAll title="Every job's drafts" onStarted={(op) => setApproving(op.id)} />
          )}
          {approving && <OperationPanel id={approving} onDismiss={() => setApproving(undefined)} />}
          <CandidatesView
            s={s}
            to={to}
            requests={`/requests${f.query && `?${requestsBehind(f.range)}`}`}
            late={`/requests?${requestsBehind(f.range, 'requestsOverdue')}`}
          />
          <div className="grid wide">
            <section className="card">
              <h2>Most common gaps</h2>
              {s.commonGaps.length === 0 ? (
                <p className="muted">
                  The criteria rejected candidates most often fell short on will appear here, from their
                  scorecards.
                </p>
              ) : (
                <HBarChart
                  label="Rejected candidates below the bar, by criterion"
                  data={s.commonGaps.slice(0, 8).map((g) => ({
                    label: g.criterion,
                    value: g.count,
                    to: listLink(listOfGap(g.criterion, f.range)),
                    says: `${g.criterion}: ${g.count} rejected below the bar`,
                  }))}
                />
              )}
              {s.ratingsLeftOut > 0 && (
                <p className="muted small">
                  {s.ratingsLeftOut === 1
                    ? '1 rating is left out: its evidence was flagged by the checker or redacted.'
                    : `${s.ratingsLeftOut} ratings are left out: their evidence was flagged by the checker or redacted.`}
                </p>
              )}
            </section>
            <section className="card">
              <h2>Feedback sent by week</h2>
              {s.sentByWeek.length === 0 ? (
                <p className="muted">Each week's sent feedback will appear here as a column.</p>
              ) : (
                <ColumnChart
                  label="Feedback sent per week"
                  data={lastWeeks(s.sentByWeek).map((w) => ({
                    ...w,
                    to: listLink(listOfWeek(w.week, f.range)),
                    says: `Week of ${w.label}: ${w.value} feedback sent`,
                  }))}
                />
              )}
            </section>
          </div>
        </>
      )}
    </>
  );
}

/**
 * What candidates did with the feedback: ratings, thanks, questions, opt-ins, and requests waiting; `requests` and
 * `late` are the requests behind the open and the overdue counts.
 */
function CandidatesView({
  s,
  to,
  requests,
  late,
}: {
  s: Stats;
  to: (figure: DashboardFigure) => string;
  requests: string;
  late: string;
}) {
  const n = (v: number | undefined) => v ?? 0;
  return (
    <section className="card" aria-labelledby="cv-head">
      <h2 id="cv-head">What candidates said</h2>
      <dl className="figures">
        <div>
          <dt>Usefulness</dt>
          <dd>
            <span className="big">
              {s.usefulAverage == null ? '—' : `${s.usefulAverage.toFixed(1).replace(/\.0$/, '')} / 5`}
            </span>
            <small className="muted">
              {n(s.usefulRatings) === 0 ? (
                'No ratings yet'
              ) : (
                <>
                  average of{' '}
                  <Figure n={s.usefulRatings} to={to('usefulRatings')} label="usefulness ratings" /> rating
                  {s.usefulRatings === 1 ? '' : 's'}
                </>
              )}
            </small>
          </dd>
        </div>
        <div>
          <dt>Thanks received</dt>
          <dd>
            <span className="big">
              <Figure n={n(s.thanksReceived)} to={to('thanksReceived')} label="thanks received" />
            </span>
          </dd>
        </div>
        <div>
          <dt>Questions to answer</dt>
          <dd>
            <span className="big">
              <Figure n={n(s.questionsOpen)} to={to('questionsOpen')} label="questions to answer" />
            </span>
          </dd>
        </div>
        <div>
          <dt>Open to future roles</dt>
          <dd>
            <span className="big">
              <Figure n={n(s.futureRolesOptIns)} to={to('futureRolesOptIns')} label="open to future roles" />
            </span>
          </dd>
        </div>
        <div>
          <dt>Feedback requests</dt>
          <dd>
            <span className="big">
              <Figure n={n(s.requestsOpen)} to={requests} label="feedback requests open" />
            </span>
            <small className={n(s.requestsOverdue) > 0 ? 'error' : 'muted'}>
              <Figure n={n(s.requestsOverdue)} to={late} label="feedback requests overdue" /> overdue
              {n(s.requestsOpen) > 0 && (
                <>
                  {' · '}
                  <Link to={requests}>see requests</Link>
                </>
              )}
            </small>
          </dd>
        </div>
      </dl>
    </section>
  );
}

/** The dashboard's job and days of rejection, kept in the page's address. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const day = (k: string) =>
    /^\d{4}-\d{2}-\d{2}$/.test(params.get(k) ?? '') ? (params.get(k) as string) : '';
  const job = params.get('job') ?? '';
  const from = day('from');
  const until = day('to');
  const q = new URLSearchParams();
  if (job) q.set('jobId', job);
  if (from) q.set('from', from);
  if (until) q.set('to', until);
  const query = q.size ? `?${q}` : '';
  function set(k: string, v: string) {
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (v) next.set(k, v);
        else next.delete(k);
        return next;
      },
      { replace: true },
    );
  }
  const range = { jobId: job || undefined, from: from || undefined, to: until || undefined };
  /** The applications list behind a figure, for the same job (or every job) and days. */
  const listOf = (figure: DashboardFigure) => listLink(listBehind(figure, range));
  return { job, from, until, query, set, range, listOf };
}

function Filters({ f, jobs }: { f: ReturnType<typeof useFilters>; jobs: Job[] }) {
  return (
    <div className="filters list-controls">
      <div className="field">
        <label htmlFor="dash-job">Job</label>
        <select id="dash-job" value={f.job} onChange={(e) => f.set('job', e.target.value)}>
          <option value="">Every job</option>
          {jobs.map((j) => (
            <option key={j.id} value={j.id}>
              {j.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="dash-from">Rejected from</label>
        <input
          id="dash-from"
          type="date"
          value={f.from}
          max={f.until || undefined}
          onChange={(e) => f.set('from', e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="dash-to">Rejected to</label>
        <input
          id="dash-to"
          type="date"
          value={f.until}
          min={f.from || undefined}
          onChange={(e) => f.set('to', e.target.value)}
        />
      </div>
    </div>
  );
}

/** A figure, a link to the list behind it. */
function Figure({ n, to, label }: { n: number; to: string; label: string }) {
  return (
    <Link to={to} aria-label={`${n} ${label}`}>
      {n}
    </Link>
  );
}

function hours(h: number) {
  if (h < 1) return `${Math.max(1, Math.round(h * 60))} min`;
  if (h < 48) return `${h < 10 ? h.toFixed(1).replace(/\.0$/, '') : Math.round(h)} h`;
  return `${(h / 24).toFixed(1).replace(/\.0$/, '')} days`;
}

/** Every week from the first sent (at least 8, at most 26 back) to this one; weeks that sent nothing show as 0. */
function lastWeeks(sent: { week: string; sent: number }[]) {
  const byWeek = new Map(sent.map((w) => [w.week, w.sent]));
  const monday = new Date(); // the server's weeks start on Monday
  monday.setHours(0, 0, 0, 0);
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
  const key = (d: Date) =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const first = sent.map((w) => w.week).sort()[0];
  const span = first
    ? Math.round((monday.getTime() - new Date(`${first}T00:00`).getTime()) / (7 * 864e5)) + 1
    : 0;
  const n = Math.min(26, Math.max(8, span));
  const weeks = [];
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(monday);
    d.setDate(d.getDate() - 7 * i);
    weeks.push({
      week: key(d),
      label: d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' }),
      value: byWeek.get(key(d)) ?? 0,
    });
  }
  return weeks;
}
