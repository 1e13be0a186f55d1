import type { ReactNode } from 'react';
import { ErrorNote } from '../components';

/**
 * The end of a form run by `useSubmit`: the last attempt's error, then the submit button, disabled and saying
 * "Working…" (or `busyLabel`) while the action runs. `disabled` holds it back for reasons of the form's own (nothing
 * typed yet); `beside` (a Cancel button) shares the row of actions with it.
 */
export function SubmitButton({
  submit,
  children,
  busyLabel = 'Working…',
  className,
  disabled = false,
  beside,
}: {
  submit: { busy: boolean; error?: string };
  children: string;
  busyLabel?: string;
  className?: string;
  disabled?: boolean;
  beside?: ReactNode;
}) {
  const button = (
    <button type="submit" className={className} disabled={submit.busy || disabled}>
      {submit.busy ? busyLabel : children}
    </button>
  );
  return (
    <>
      <ErrorNote error={submit.error} />
      {beside ? (
        <div className="actions">
          {button}
          {beside}
        </div>
      ) : (
        button
      )}
    </>
  );
}
