import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ROLES } from '../../../src/domain/vocabulary';
import { api, can, formatDate, type Me } from '../api';
import type { components } from '../api/schema.generated';
import { ChangePasswordForm } from '../passwords';
import { invalidate, useApi } from '../query';
import { RecoveryCodes, TotpSetup } from '../two-factor';
import { Field, SubmitButton, useSubmit } from '../ui';
import { TEAM_PASSWORDS } from './auth';

type TwoFactorStatus = components['schemas']['TwoFactorStatus'];
type SsoSettings = components['schemas']['SsoSettings'];
type Preferences = components['schemas']['Preferences'];

/** The signed-in member's own account: who they are here, their password and two-factor sign-in. */
export function Settings({ me }: { me: Me }) {
  return (
    <>
      <h1>Your account</h1>
      <section className="card" aria-labelledby="who-head">
        <h2 id="who-head">You</h2>
        <p>
          <b>{me.user.name}</b> · {me.user.email}
        </p>
        <p className="muted">
          {me.user.role} at {me.organization.name}
        </p>
      </section>
      <section className="card" aria-labelledby="password-head">
        <h2 id="password-head">Password</h2>
        <p className="muted">
          Changing it signs you out of Debrief in every other browser. API tokens keep working: revoke one if
          you think it is known to someone else.
        </p>
        <ChangePasswordForm side={TEAM_PASSWORDS} />
      </section>
      {can(me, 'feedback.review') && <DailySummary />}
      {can(me, 'feedback.review') && (
        <section className="card" aria-labelledby="letters-head">
          <h2 id="letters-head">Your organization's letters</h2>
          <p className="muted">
            How {me.organization.name}'s feedback letters greet, introduce themselves, close and sign, and
            where candidates' replies go.
          </p>
          <Link to="/settings/letters">Greeting, closing and signature</Link>
        </section>
      )}
      {can(me, 'privacy.manage') && (
        <section className="card" aria-labelledby="privacy-head">
          <h2 id="privacy-head">Candidates' data</h2>
          <p className="muted">
            How long rejected candidates' data is kept, a candidate's copy of their data and its erasure:{' '}
            <Link to="/privacy">Privacy</Link>.
          </p>
        </section>
      )}
      <TwoFactorSection />
      {can(me, 'identity.manage') && <OrganizationSignIn />}
      {can(me, 'organization.delete') && <DeleteOrganization me={me} />}
    </>
  );
}

/** The daily summary email of drafts waiting and requests due, which a member who reviews feedback may turn off. */
function DailySummary() {
  const { data: prefs, error } = useApi<Preferences>('/me/preferences');
  const [saved, setSaved] = useState<string>();
  const save = useSubmit(async (v) => {
    const r = await api<Preferences>('PUT', '/me/preferences', { reviewDigest: v.reviewDigest === 'on' });
    setSaved(
      r.reviewDigest ? 'You will get the daily summary.' : 'You will no longer get the daily summary.',
    );
    await invalidate('team', 'me', 'preferences');
  });
  return (
    <section className="card" aria-labelledby="summary-head">
      <h2 id="summary-head">Daily summary</h2>
      {error && <p className="error">{error}</p>}
      {saved && (
        <p className="ok-note" role="status">
          {saved}
        </p>
      )}
      {prefs && (
        <form onSubmit={save.onSubmit} key={String(prefs.reviewDigest)}>
          <label className="checkbox">
            <input type="checkbox" name="reviewDigest" defaultChecked={prefs.reviewDigest} /> Email me each
            morning the drafts waiting for review over a day and the candidates' requests due within two days
          </label>
          <p className="muted">Sent only on days with something waiting, with a link to each.</p>
          <SubmitButton submit={save} className="secondary">
            Save
          </SubmitButton>
        </form>
      )}
    </section>
  );
}

/** Two-factor sign-in for the member: set it up, see how many recovery codes are left, make new ones, turn it off. */
function TwoFactorSection() {
  const { data: status, error } = useApi<TwoFactorStatus>('/auth/two-factor');
  const [setup, setSetup] = useState(false);
  const [codes, setCodes] = useState<string[]>();
  const fresh = useSubmit(async (v) => {
    const r = await api<{ recoveryCodes: string[] }>('POST', '/auth/two-factor/recovery-codes', {
      password: v.password,
    });
    setCodes(r.recoveryCodes);
    await invalidate('team', 'auth', 'two-factor');
  });
  const off = useSubmit(async (v) => {
    await api('POST', '/auth/two-factor/disable', { password: v.password });
    await invalidate('team', 'auth', 'two-factor');
  });
  return (
    <section className="card" aria-labelledby="two-factor-head">
      <h2 id="two-factor-head">Two-factor sign-in</h2>
      {error && <p className="error">{error}</p>}
      {codes && <RecoveryCodes codes={codes} onDone={() => setCodes(undefined)} />}
      {status && !status.enabled && !setup && (
        <>
          <p>
            Off. With it on, signing in asks for a code from an authenticator app on your phone after your
            password.
            {status.required && ' Your organization requires it.'}
          </p>
          <button type="button" onClick={() => setSetup(true)}>
            Set up two-factor sign-in
          </button>
        </>
      )}
      {status && !status.enabled && setup && (
        <TotpSetup
          onEnabled={async (r) => {
            setSetup(false);
            setCodes(r.recoveryCodes);
            await invalidate('team', 'auth', 'two-factor');
          }}
        />
      )}
      {status?.enabled && !codes && (
        <>
          <p>
            On. Signing in asks for a code from your authenticator app.{' '}
            <span className="muted">
              {status.recoveryCodesLeft} of 10 recovery codes left.
              {status.required && ' Your organization requires it.'}
            </span>
          </p>
          <form onSubmit={fresh.onSubmit}>
            <Field
              label="Your password, for new recovery codes"
              name="password"
              type="password"
              autoComplete="current-password"
              required
            />
            <SubmitButton submit={fresh} className="secondary">
              Make new recovery codes
            </SubmitButton>
          </form>
          {!status.required && (
            <form onSubmit={off.onSubmit}>
              <Field
                label="Your password, to turn it off"
                name="password"
                type="password"
                autoComplete="current-password"
                required
              />
              <SubmitButton submit={off} className="secondary">
                Turn off two-factor sign-in
              </SubmitButton>
            </form>
          )}
        </>
      )}
    </section>
  );
}

/** An admin's settings for how the whole organization signs in: requiring a second factor, and single sign-on. */
function OrganizationSignIn() {
  const { data: twoFactor } = useApi<TwoFactorStatus>('/auth/two-factor');
  const { data: sso } = useApi<SsoSettings>('/organization/sso');
  const [saved, setSaved] = useState<string>();
  const require = useSubmit(async (v) => {
    const r = await api<{ required: boolean; sessionsEnded: number }>('PUT', '/organization/two-factor', {
      required: v.required === 'on',
    });
    setSaved(
      r.required
        ? `Required. ${r.sessionsEnded} session(s) of members without it ended; they set it up at their next sign-in.`
        : 'No longer required.',
    );
    await invalidate('team', 'auth', 'two-factor');
  });
  const connect = useSubmit(async (v) => {
    await api('PUT', '/organization/sso', {
      issuer: v.issuer,
      clientId: v.clientId,
      ...(v.clientSecret ? { clientSecret: v.clientSecret } : {}),
      emailDomain: v.emailDomain || null,
      defaultRole: v.defaultRole,
    });
    setSaved('Single sign-on saved.');
    await invalidate('team', 'organization', 'sso');
  });
  return (
    <section className="card" aria-labelledby="org-sign-in-head">
      <h2 id="org-sign-in-head">How your organization signs in</h2>
      {saved && (
        <p className="ok-note" role="status">
          {saved}
        </p>
      )}
      {twoFactor && (
        <form onSubmit={require.onSubmit} key={String(twoFactor.required)}>
          <label className="checkbox">
            <input type="checkbox" name="required" defaultChecked={twoFactor.required} /> Require two-factor
            sign-in for every member
          </label>
          <p className="muted">Turn it on for your own account first. API tokens are not affected.</p>
          <SubmitButton submit={require} className="secondary">
            Save requirement
          </SubmitButton>
        </form>
      )}
      {sso && (
        <form onSubmit={connect.onSubmit} key={sso.updatedAt ?? 'new'}>
          <h3>Single sign-on (OpenID Connect)</h3>
          <p className="muted">
            Register this redirect URI at your provider: <code>{sso.redirectUri}</code>
          </p>
          <Field
            label="Issuer URL"
            name="issuer"
            type="url"
            defaultValue={sso.issuer ?? ''}
            placeholder="https://your-company.okta.com"
            required
          />
          <Field label="Client ID" name="clientId" defaultValue={sso.clientId ?? ''} required />
          <Field
            label="Client secret"
            name="clientSecret"
            type="password"
            autoComplete="off"
            required={!sso.configured}
            hint={
              sso.configured
                ? 'Stored encrypted; leave empty to keep it'
                : 'Stored encrypted, never shown again'
            }
          />
          <Field
            label="Domain of members’ addresses (optional)"
            name="emailDomain"
            defaultValue={sso.emailDomain ?? ''}
            placeholder="your-company.com"
            hint="Only addresses at this domain sign in, and new members join on their first sign-in"
          />
          <Field label="Role of new members">
            {(control) => (
              <select {...control} name="defaultRole" defaultValue={sso.defaultRole ?? 'interviewer'}>
                {ROLES.map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
            )}
          </Field>
          <SubmitButton submit={connect}>
            {sso.configured ? 'Save single sign-on' : 'Connect provider'}
          </SubmitButton>
        </form>
      )}
    </section>
  );
}

/**
 * Deleting the organization (admins): the password and the organization's name typed out; it happens a week later,
 * and until then any admin cancels here.
 */
function DeleteOrganization({ me }: { me: Me }) {
  const queries = useQueryClient();
  const refresh = (org: Me['organization']) =>
    queries.setQueryData<Me | null>(['team', 'me'], (old) => (old ? { ...old, organization: org } : old));
  const schedule = useSubmit(async (v) => {
    refresh(
      await api<Me['organization']>('POST', '/organization/deletion', {
        password: v.password,
        confirmName: v.confirmName,
      }),
    );
  });
  const cancel = useSubmit(async () => {
    refresh(await api<Me['organization']>('DELETE', '/organization/deletion'));
  });
  const deletion = me.organization.deletion;
  return (
    <section className="card" aria-labelledby="organization-head">
      <h2 id="organization-head">Delete the organization</h2>
      {deletion ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void cancel.run();
          }}
        >
          <p>
            {deletion.requestedBy ?? 'An admin'} asked for {me.organization.name} to be deleted. Everything of
            it is erased on <b>{formatDate(deletion.dueAt, true)}</b> unless an admin cancels before.
          </p>
          <SubmitButton submit={cancel}>Cancel the deletion</SubmitButton>
        </form>
      ) : (
        <form onSubmit={schedule.onSubmit}>
          <p className="muted">
            Every job, application, scorecard, feedback, member and audit event of {me.organization.name} is
            erased seven days after you ask. Every admin is emailed, and any admin can cancel until then.
          </p>
          <Field
            label="Your password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
          <Field
            label="The organization's name"
            name="confirmName"
            hint={`Type ${me.organization.name} to confirm`}
            autoComplete="off"
            required
          />
          <SubmitButton submit={schedule} className="danger">
            Delete the organization in 7 days
          </SubmitButton>
        </form>
      )}
    </section>
  );
}
