import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { api, can, formatDate } from './api';
import { queryClient, signedOut, teamSession } from './session';

/** The hiring team's app: asks who is signed in, then shows the header and the page under it. */
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

  if (me === undefined || (me === null && isFetching)) return <p className="loading">Loading…</p>;
  if (me === null) return <Navigate to="/signin" replace />;

  async function signOut() {
    await api('POST', '/auth/logout');
    signedOut('team');
    navigate('/signin');
  }

  const section =
    path === '/'
      ? 'dashboard'
      : path === '/members'
        ? 'members'
        : path === '/requests'
          ? 'requests'
          : path === '/settings'
            ? 'settings'
            : path === '/audit'
              ? 'audit'
              : 'jobs';

  return (
    <div className="shell">
      <header>
        <span className="brand">Debrief</span>
        <nav>
          <Link to="/" className={section === 'dashboard' ? 'active' : ''}>
            Dashboard
          </Link>
          <Link to="/jobs" className={section === 'jobs' ? 'active' : ''}>
            Jobs
          </Link>
          {can(me, 'feedback.review') && (
            <Link to="/requests" className={section === 'requests' ? 'active' : ''}>
              Requests
            </Link>
          )}
          <Link to="/members" className={section === 'members' ? 'active' : ''}>
            Members
          </Link>
          {can(me, 'audit.search') && (
            <Link to="/audit" className={section === 'audit' ? 'active' : ''}>
              Audit
            </Link>
          )}
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
