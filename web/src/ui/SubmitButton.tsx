import { ErrorNote } from '../components';

/**
 * The end of a form run by `useSubmit`: the last attempt's error, then the submit button, disabled and saying
 * "Working…" while the action runs.
 */
export function SubmitButton({
  submit,
  children,
}: {
  submit: { busy: boolean; error?: string };
  children: string;
}) {
  return (
    <>
      <ErrorNote error={submit.error} />
      <button type="submit" disabled={submit.busy}>
        {submit.busy ? 'Working…' : children}
      </button>
    </>
  );
}
