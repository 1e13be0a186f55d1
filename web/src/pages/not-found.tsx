import { Link, useLocation } from 'react-router';

/** Any path the app does not know: say so, and offer the ways back in. */
export function NotFound() {
  const { pathname } = useLocation();
  const candidate = pathname === '/me' || pathname.startsWith('/me/');
  return (
    <main className="auth">
      <div className="brand">Debrief</div>
      <section className="card">
        <h1>Page not found</h1>
        <p>
          There is no page at <code>{pathname}</code>. The link may be mistyped, or the page may have moved.
        </p>
        <p className="switch">
          {candidate ? <Link to="/me">Go to your workspace</Link> : <Link to="/">Go to the dashboard</Link>}
        </p>
      </section>
    </main>
  );
}
