import { useEffect, useState } from 'react';
import { ApiError, api, can, type Me } from './api';
import { CandidateApp } from './me/app';
import { ApplicationPage } from './pages/application';
import { AcceptInvitation, SignIn, SignUp } from './pages/auth';
import { Dashboard, Members } from './pages/dashboard';
import { JobPage, JobsPage } from './pages/jobs';
import { CandidatePage } from './pages/portal';
import { RequestsPage } from './pages/requests';
import { ReviewPage } from './pages/review';
import { Link, useRouter } from './router';

export function App() {
  const { path, navigate } = useRouter();
  const portal = /^\/f\/([^/]+)$/.exec(path);
  // The candidate's page needs no account: render it before (and without) asking who is signed in.
  if (portal) return <CandidatePage token={decodeURIComponent(portal[1])} />;
  // The candidate's workspace is a separate area with its own account and header.
  if (path === '/me' || path.startsWith('/me/')) return <CandidateApp path={path} navigate={navigate} />;
  return <TeamApp path={path} navigate={navigate} />;
}

function TeamApp({ path, navigate }: { path: string; navigate: (to: string) => void }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  useEffect(() => {
    api<Me>('GET', '/me')
      .then(setMe)
      .catch((e) => {
        if (e instanceof ApiError && e.status === 401) setMe(null);
        else setMe(null);
      });
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page starts at the top
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [path]);

  const invite = /^\/invitations\/([^/]+)$/.exec(path);
  if (invite) return <AcceptInvitation token={invite[1]} onSignedIn={setMe} />;
  if (path === '/signup') return <SignUp onSignedIn={setMe} />;
  if (path === '/signin') return <SignIn onSignedIn={setMe} />;
  if (me === undefined) return <p className="loading">Loading…</p>;
  if (me === null) {
    queueMicrotask(() => navigate('/signin'));
    return null;
  }

  async function signOut() {
    await api('POST', '/auth/logout');
    setMe(null);
    navigate('/signin');
  }

  const job = /^\/jobs\/([^/]+)$/.exec(path);
  const application = /^\/applications\/([^/]+)$/.exec(path);
  const review = /^\/feedback\/([^/]+)$/.exec(path);
  let page: React.ReactNode;
  if (path === '/members') page = <Members me={me} />;
  else if (path === '/requests') page = <RequestsPage />;
  else if (path === '/jobs') page = <JobsPage me={me} />;
  else if (job) page = <JobPage key={job[1]} id={job[1]} me={me} />;
  else if (application) page = <ApplicationPage key={application[1]} id={application[1]} me={me} />;
  else if (review) page = <ReviewPage key={review[1]} id={review[1]} me={me} />;
  else page = <Dashboard me={me} />;
  const section =
    path === '/' ? 'dashboard' : path === '/members' ? 'members' : path === '/requests' ? 'requests' : 'jobs';

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
        </nav>
        <span className="who">
          {me.user.name} · {me.organization.name}
        </span>
        <button type="button" className="link" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main>{page}</main>
    </div>
  );
}
