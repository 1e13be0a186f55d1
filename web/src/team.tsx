import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import type { Action } from '../../src/domain/policy';
import { api, can, formatDate, type Stats } from './api';
import { useApi } from './query';
import { queryClient, signedOut, teamSession } from './session';

/** The hiring team's app: asks who is signed in, then shows the header and the page under it. */
/**
 * The team app's navigation: each entry with the permission that shows it. Pages not listed here (a job, an
 * application, a draft) belong to Jobs.
 */
const NAV: {
  to: string;
  label: string;
  section: string;
  may?: Action;
  /** A count beside the entry: what waits there for the team ("3 drafts waiting"), urgent when something is late. */
  badge?: (s: Stats) => { count: number; says: string; urgent?: boolean };
}[] = [
  { to: '/', label: 'Dashboard', section: 'dashboard' },
  {
    to: '/jobs',
    label: 'Jobs',
    section: 'jobs',
    badge: (s) => ({
      count: s.draftsWaiting,
      says:
        s.draftsWaiting === 1 ? '1 draft waiting for review' : `${s.draftsWaiting} drafts waiting for review`,
    }),
  },
  { to: '/applications', label: 'Applications', section: 'applications' },
  {
    to: '/requests',
    label: 'Requests',
    section: 'requests',
    may: 'feedback.review',
    badge: (s) => ({
      count: s.requestsOpen,
      says: `${s.requestsOpen === 1 ? '1 request for feedback' : `${s.requestsOpen} requests for feedback`} to answer${s.requestsOverdue ? `, ${s.requestsOverdue} late` : ''}`,
      urgent: s.requestsOverdue > 0,
    }),
  },
  { to: '/members', label: 'Members', section: 'members' },
  { to: '/audit', label: 'Audit', section: 'audit', may: 'audit.search' },
  { to: '/privacy', label: 'Privacy', section: 'privacy', may: 'privacy.manage' },
  { to: '/integrations', label: 'Integrations', section: 'integrations', may: 'integrations.manage' },
  { to: '/import', label: 'Import', section: 'import', may: 'imports.manage' },
  { to: '/webhooks', label: 'Webhooks', section: 'webhooks', may: 'webhooks.manage' },
];
const SECTION_OF_PATH: Record<string, string> = {
  ...Object.fromEntries(NAV.map((n) => [n.to, n.section])),
  '/settings': 'settings',
  '/settings/letters': 'settings',
};

export function TeamLayout() {
  return (
    <QueryClientProvider client={queryClient}>
      <TeamShell />
    </QueryClientProvider>
  );
}

function TeamShell() {
  const { pathname: path } = useLocation();
  const navigate = useNavigate();
  const { data: me, isFetching } = useQuery(teamSession);
  const stats = useApi<Stats>('/stats', { enabled: !!me && can(me, 'stats.read') }).data;

  if (me === undefined || (me === null && isFetching)) return <p className="loading">Loading…</p>;
  if (me === null) return <Navigate to="/signin" replace />;

  async function signOut() {
    await api('POST', '/auth/logout');
    signedOut('team');
    navigate('/signin');
  }

  const section = SECTION_OF_PATH[path] ?? 'jobs';

  return (
    <div className="shell">
      <header>
        <span className="brand">Debrief</span>
        <nav>
          {NAV.filter((n) => !n.may || can(me, n.may)).map((n) => {
            const badge = stats && n.badge?.(stats);
            return (
              <Link key={n.to} to={n.to} className={section === n.section ? 'active' : ''}>
                {n.label}
                {badge && badge.count > 0 && (
                  <span className={badge.urgent ? 'nav-badge urgent' : 'nav-badge'} title={badge.says}>
                    <span aria-hidden="true">{badge.count}</span>
                    <span className="visually-hidden">: {badge.says}</span>
                  </span>
                )}
              </Link>
            );
          })}
        </nav>
        <Link
          to="/settings"
          className={`who${section === 'settings' ? ' active' : ''}`}
          title="Your account and password"
        >
          {me.user.name} · {me.organization.name}
        </Link>
        <button type="button" className="link" onClick={signOut}>
          Sign out
        </button>
      </header>
      {me.organization.deletion && (
        <div className="deletion-banner" role="alert">
          {me.organization.name} is to be deleted on {formatDate(me.organization.deletion.dueAt, true)}, with
          every job, application, feedback and member.{' '}
          {can(me, 'organization.delete') ? (
            <Link to="/settings#organization-head">Cancel the deletion</Link>
          ) : (
            'Ask an admin if this is a mistake.'
          )}
        </div>
      )}
      <main>
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <Outlet context={me} />
        </Suspense>
      </main>
    </div>
  );
}
