import { type ComponentType, lazy, Suspense } from 'react';
import { type RouteObject, useOutletContext, useParams, useRoutes } from 'react-router';
import type { Me } from './api';
import type { Account } from './me/api';
import { Titled, useFocusHeadingOnNavigate } from './navigation';
import { NotFound } from './pages/not-found';

/**
 * Every page of the web app, in one table: the candidate's feedback page behind the emailed link, the sign-in pages,
 * the hiring team's app and the candidate's workspace under /me. The server answers every path that is not the API
 * with index.html, so these paths are the app's URLs; emails and bookmarks link to them, keep them stable.
 *
 * Each page's code loads when the page is first shown: the candidate's page and the sign-in pages do not load the
 * hiring team's app.
 */

// biome-ignore lint/suspicious/noExplicitAny: a page component, whatever its props
type AnyComponent = ComponentType<any>;
/** A page loaded on demand: `page(() => import('./pages/jobs'), 'JobsPage')`. */
function page<M extends Record<K, AnyComponent>, K extends string>(load: () => Promise<M>, name: K) {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

const CandidatePage = page(() => import('./pages/portal'), 'CandidatePage');
const SignIn = page(() => import('./pages/auth'), 'SignIn');
const SignUp = page(() => import('./pages/auth'), 'SignUp');
const AcceptInvitation = page(() => import('./pages/invitation'), 'AcceptInvitation');
const ConfirmSignUp = page(() => import('./pages/auth'), 'ConfirmSignUp');
const ForgotPassword = page(() => import('./pages/auth'), 'ForgotPassword');
const ResetPassword = page(() => import('./pages/auth'), 'ResetPassword');

const TeamLayout = page(() => import('./team'), 'TeamLayout');
const Dashboard = page(() => import('./pages/dashboard'), 'Dashboard');
const Members = page(() => import('./pages/members'), 'Members');
const JobsPage = page(() => import('./pages/jobs'), 'JobsPage');
const JobPage = page(() => import('./pages/jobs'), 'JobPage');
const ApplicationsListPage = page(() => import('./pages/applications'), 'ApplicationsListPage');
const ApplicationPage = page(() => import('./pages/application'), 'ApplicationPage');
const ReviewPage = page(() => import('./pages/review'), 'ReviewPage');
const RequestsPage = page(() => import('./pages/requests'), 'RequestsPage');
const Settings = page(() => import('./pages/settings'), 'Settings');
const LettersPage = page(() => import('./pages/letters'), 'LettersPage');
const PrivacyPage = page(() => import('./pages/privacy'), 'PrivacyPage');
const ImportPage = page(() => import('./pages/imports'), 'ImportPage');
const WebhooksPage = page(() => import('./pages/imports'), 'WebhooksPage');
const IntegrationsPage = page(() => import('./pages/integrations'), 'IntegrationsPage');
const AuditPage = page(() => import('./pages/audit'), 'AuditPage');

const CandidateLayout = page(() => import('./me/app'), 'CandidateLayout');
const CandidateSignIn = page(() => import('./me/auth'), 'SignInPage');
const CandidateSignUp = page(() => import('./me/auth'), 'SignUpPage');
const VerifyPage = page(() => import('./me/auth'), 'VerifyPage');
const ConfirmCandidateSignUp = page(() => import('./me/auth'), 'ConfirmSignUpPage');
const ConfirmKeep = page(() => import('./me/auth'), 'ConfirmKeepPage');
const CandidateForgotPassword = page(() => import('./me/auth'), 'CandidateForgotPassword');
const CandidateResetPassword = page(() => import('./me/auth'), 'CandidateResetPassword');
const DeletedPage = page(() => import('./me/auth'), 'DeletedPage');
const HomePage = page(() => import('./me/home'), 'HomePage');
const TrackerPage = page(() => import('./me/tracker'), 'TrackerPage');
const TrackerDetailPage = page(() => import('./me/tracker'), 'TrackerDetailPage');
const CoachPage = page(() => import('./me/coach'), 'CoachPage');
const InboxPage = page(() => import('./me/inbox'), 'InboxPage');
const PlanPage = page(() => import('./me/plan'), 'PlanPage');
const SettingsPage = page(() => import('./me/settings'), 'SettingsPage');

/** A page of the hiring team's app, given the signed-in member and the :id of its path (a new id, a fresh page). */
function team(Page: ComponentType<{ me: Me; id: string }>) {
  return function TeamRoute() {
    const me = useOutletContext<Me>();
    const { id = '' } = useParams();
    return <Page key={id} id={id} me={me} />;
  };
}

/** A page of the candidate's workspace, given the signed-in account and the :id of its path. */
function workspace(Page: ComponentType<{ me: Account; id: string }>) {
  return function WorkspaceRoute() {
    const me = useOutletContext<Account>();
    const { id = '' } = useParams();
    return <Page key={id} id={id} me={me} />;
  };
}

/** A page that takes the :token of its path. */
function withToken(Page: ComponentType<{ token: string }>) {
  return function TokenRoute() {
    const { token = '' } = useParams();
    return <Page key={token} token={token} />;
  };
}

const titled = (title: string, Page: ComponentType) => (
  <Titled title={title}>
    <Page />
  </Titled>
);

export const routes: RouteObject[] = [
  // Public: no account needed.
  { path: '/f/:token', element: titled('Your feedback', withToken(CandidatePage)) },
  { path: '/signin', element: titled('Sign in', SignIn) },
  { path: '/signup', element: titled('Create your organization', SignUp) },
  { path: '/signup/confirm/:token', element: titled('Finish signing up', withToken(ConfirmSignUp)) },
  { path: '/invitations/:token', element: titled('Join your team', withToken(AcceptInvitation)) },
  { path: '/forgot-password', element: titled('Reset your password', ForgotPassword) },
  { path: '/reset-password/:token', element: titled('Choose a new password', withToken(ResetPassword)) },
  { path: '/me/signin', element: titled('Sign in', CandidateSignIn) },
  { path: '/me/signup', element: titled('Create your account', CandidateSignUp) },
  { path: '/me/confirm/:token', element: titled('Finish signing up', withToken(ConfirmCandidateSignUp)) },
  { path: '/me/keep/:token', element: titled('Keep your feedback', withToken(ConfirmKeep)) },
  { path: '/me/verify/:token', element: titled('Confirm your email', withToken(VerifyPage)) },
  { path: '/me/forgot-password', element: titled('Reset your password', CandidateForgotPassword) },
  {
    path: '/me/reset-password/:token',
    element: titled('Choose a new password', withToken(CandidateResetPassword)),
  },
  { path: '/me/deleted', element: titled('Account deleted', DeletedPage) },

  // The candidate's workspace.
  {
    path: '/me',
    element: <CandidateLayout />,
    children: [
      { index: true, element: titled('Home', workspace(HomePage)) },
      { path: 'applications', element: titled('Applications', TrackerPage) },
      { path: 'applications/:id', element: titled('Application', workspace(TrackerDetailPage)) },
      { path: 'applications/:id/ask', element: titled('Ask for feedback', workspace(CoachPage)) },
      { path: 'feedback', element: titled('Inbox', workspace(InboxPage)) },
      { path: 'plan', element: titled('Plan', PlanPage) },
      { path: 'settings', element: titled('Settings', workspace(SettingsPage)) },
    ],
  },

  // The hiring team's app.
  {
    path: '/',
    element: <TeamLayout />,
    children: [
      { index: true, element: titled('Dashboard', team(Dashboard)) },
      { path: 'jobs', element: titled('Jobs', team(JobsPage)) },
      { path: 'jobs/:id', element: titled('Job', team(JobPage)) },
      { path: 'applications', element: titled('Applications', team(ApplicationsListPage)) },
      { path: 'applications/:id', element: titled('Application', team(ApplicationPage)) },
      { path: 'feedback/:id', element: titled('Feedback', team(ReviewPage)) },
      { path: 'members', element: titled('Members', team(Members)) },
      { path: 'requests', element: titled('Requests', RequestsPage) },
      { path: 'settings', element: titled('Your account', team(Settings)) },
      { path: 'settings/letters', element: titled('Your letters', team(LettersPage)) },
      { path: 'privacy', element: titled('Privacy', team(PrivacyPage)) },
      { path: 'import', element: titled('Import', team(ImportPage)) },
      { path: 'webhooks', element: titled('Webhooks', team(WebhooksPage)) },
      { path: 'integrations', element: titled('Integrations', team(IntegrationsPage)) },
      { path: 'audit', element: titled('Audit trail', AuditPage) },
    ],
  },

  { path: '*', element: titled('Page not found', NotFound) },
];

export function AppRoutes() {
  useFocusHeadingOnNavigate();
  const element = useRoutes(routes);
  return <Suspense fallback={<p className="loading">Loading…</p>}>{element}</Suspense>;
}
