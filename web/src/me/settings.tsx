import { ChangePasswordForm } from '../passwords';
import { Field, SubmitButton, useSubmit } from '../ui';
import { type Account, capi } from './api';
import { CANDIDATE_PASSWORDS } from './auth';

/** The candidate's account: the password, a copy of everything in it, and deleting it. */
export function SettingsPage({ me }: { me: Account }) {
  return (
    <>
      <h1>Settings</h1>
      <section className="card" aria-labelledby="password-head">
        <h2 id="password-head">Password</h2>
        <p className="muted">
          You sign in as {me.email}. Changing the password signs you out of Debrief in every other browser.
        </p>
        <ChangePasswordForm side={CANDIDATE_PASSWORDS} />
      </section>
      <section className="card" aria-labelledby="export-head">
        <h2 id="export-head">Your data</h2>
        <p>
          Download everything in your account as one JSON file: your applications and their rounds, reminders,
          feedback you logged, your plan, and the feedback employers sent you through Debrief with your
          responses and requests.
        </p>
        <a className="button" href="/api/v1/candidate/export" download>
          Export my data
        </a>
      </section>
      <section className="card danger-zone" aria-labelledby="delete-head">
        <h2 id="delete-head">Delete account</h2>
        <p>
          This removes your account, applications, rounds, reminders, logged feedback and plan for good; it
          cannot be undone. Export your data first if you want to keep a copy. Feedback that employers sent
          you stays with them. We email your address when it is done.
        </p>
        <DeleteAccountForm />
      </section>
    </>
  );
}

/** The password is the confirmation: one deliberate step, and no way back. */
function DeleteAccountForm() {
  const submit = useSubmit(async (v) => {
    await capi('DELETE', '/me', { password: v.password });
    // A fresh page: nothing of the account stays in memory.
    window.location.replace('/me/deleted');
  });
  return (
    <form onSubmit={submit.onSubmit}>
      <Field
        label="Your password, to confirm"
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      <SubmitButton submit={submit} className="danger">
        Delete my account for good
      </SubmitButton>
    </form>
  );
}
