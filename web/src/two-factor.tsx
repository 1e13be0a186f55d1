import { useEffect, useState } from 'react';
import { api, errorText, type Me } from './api';
import type { components } from './api/schema.generated';
import { ErrorNote } from './components';
import { Field, SubmitButton, useSubmit } from './ui';

/**
 * Two-factor sign-in, for the sign-in page and the account page alike: setting up an authenticator app (a QR code
 * or the key to type, then its first code), the recovery codes shown once, and the code step of signing in.
 */
type Enrolment = components['schemas']['TwoFactorEnrolment'];
export type SignInNextStep = components['schemas']['SignInNextStep'];

const CODE_HINT = 'The six digits your authenticator app shows for Debrief';

/** Ten recovery codes, shown once, with a way to copy them. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone?: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" aria-labelledby="recovery-head">
      <h2 id="recovery-head">Your recovery codes</h2>
      <p>
        Keep these somewhere safe, such as a password manager. Each signs you in once if you lose your phone.
        They are shown only now.
      </p>
      <ul className="recovery-codes" aria-label="Recovery codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() =>
            navigator.clipboard?.writeText(codes.join('\n')).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? 'Copied' : 'Copy codes'}
        </button>
        {onDone && (
          <button type="button" onClick={onDone}>
            I have saved my codes
          </button>
        )}
      </div>
    </div>
  );
}

/**
 * Setting up an authenticator app: a new key as a QR code and as text, then the first code turns it on. With a
 * challenge (an organization that requires it, right after the password) it also signs the member in.
 */
export function TotpSetup({
  challenge,
  onEnabled,
}: {
  challenge?: string;
  onEnabled: (answer: { recoveryCodes: string[]; user?: Me['user'] }) => void;
}) {
  const [enrolment, setEnrolment] = useState<Enrolment>();
  const [loadError, setLoadError] = useState<string>();
  useEffect(() => {
    let live = true;
    api<Enrolment>('POST', '/auth/two-factor/enrolment', challenge ? { challenge } : {}).then(
      (e) => live && setEnrolment(e),
      (e) => live && setLoadError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [challenge]);
  const submit = useSubmit(async (v) => {
    const r = await api<{ recoveryCodes: string[]; user?: Me['user'] }>(
      'POST',
      '/auth/two-factor/enrolment/confirm',
      { code: v.code, ...(challenge ? { challenge } : {}) },
    );
    onEnabled(r);
  });
  if (loadError) return <ErrorNote error={loadError} />;
  if (!enrolment) return <p className="muted">Preparing a key…</p>;
  return (
    <form onSubmit={submit.onSubmit} className="totp-setup">
      <ol>
        <li>
          Open an authenticator app on your phone (1Password, Google Authenticator, Authy, Microsoft
          Authenticator…).
        </li>
        <li>Scan this QR code, or type the key below.</li>
      </ol>
      <img
        className="qr"
        src={enrolment.qrCode}
        alt="QR code for your authenticator app"
        width={180}
        height={180}
      />
      <p>
        Key: <code className="totp-key">{enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
      </p>
      <Field
        label="Code from your authenticator app"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="\s*\d{3}\s*\d{3}\s*"
        maxLength={8}
        required
        hint={CODE_HINT}
      />
      <SubmitButton submit={submit}>Turn on two-factor sign-in</SubmitButton>
    </form>
  );
}

/** The step after the password: a code from the app, or a recovery code. */
export function CodeStep({ challenge, onSignedIn }: { challenge: string; onSignedIn: () => void }) {
  const [recovery, setRecovery] = useState(false);
  const submit = useSubmit(async (v) => {
    await api(
      'POST',
      '/auth/login/code',
      recovery ? { challenge, recoveryCode: v.recoveryCode } : { challenge, code: v.code },
    );
    onSignedIn();
  });
  return (
    <form onSubmit={submit.onSubmit} key={recovery ? 'recovery' : 'code'}>
      {recovery ? (
        <Field
          label="Recovery code"
          name="recoveryCode"
          autoComplete="off"
          required
          hint="One of the codes you saved when you turned on two-factor sign-in; each works once"
        />
      ) : (
        <Field
          label="Code from your authenticator app"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="\s*\d{3}\s*\d{3}\s*"
          maxLength={8}
          required
          autoFocus
          hint={CODE_HINT}
        />
      )}
      <SubmitButton submit={submit}>Verify and sign in</SubmitButton>
      <p className="switch">
        <button type="button" className="link" onClick={() => setRecovery(!recovery)}>
          {recovery ? 'Use a code from your app instead' : 'Lost your phone? Use a recovery code'}
        </button>
      </p>
    </form>
  );
}
