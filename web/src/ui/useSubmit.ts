import { type FormEvent, useRef, useState } from 'react';
import { errorText } from '../api';

export type FormValues = Record<string, string>;

/** A form's named fields as strings. */
export function formValues(form: HTMLFormElement): FormValues {
  const values: FormValues = {};
  for (const [k, v] of new FormData(form)) if (typeof v === 'string') values[k] = v;
  return values;
}

/**
 * One way to submit: `busy` while the action runs (disable the button with it), the API's message in `error`
 * when it fails, and both cleared for the next try. `onSubmit` is a form's handler and passes the action the
 * form's values; `run` starts the action from a button. A second submit while one is running is ignored.
 */
export function useSubmit(action: (values: FormValues) => Promise<unknown>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const running = useRef(false);
  async function run(values: FormValues = {}): Promise<boolean> {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    setError(undefined);
    try {
      await action(values);
      return true;
    } catch (err) {
      setError(errorText(err));
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    void run(formValues(e.currentTarget));
  }
  return { busy, error, setError, run, onSubmit };
}
