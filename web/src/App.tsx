import { useEffect, useState } from 'react';
import { ApiError, api, type Me } from './api';
import { AcceptInvitation, SignIn, SignUp } from './pages/auth';
import { Dashboard, Members } from './pages/dashboard';
import { Link, useRouter } from './router';

export function App() {
  const { path, navigate } = useRouter();
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  useEffect(() => {
    api<Me>('GET', '/me')
      .then(setMe)
      .catch((e) => {
        if (e instanceof ApiError && e.status === 401) setMe(null);
        else setMe(null);
      });
  }, []);

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

  return (
    <div className="shell">
      <header>
        <span className="brand">Debrief</span>
        <nav>
          <Link to="/" className={path === '/' ? 'active' : ''}>
            Dashboard
          </Link>
          <Link to="/members" className={path === '/members' ? 'active' : ''}>
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
      <main>{path === '/members' ? <Members me={me} /> : <Dashboard me={me} />}</main>
    </div>
  );
}
