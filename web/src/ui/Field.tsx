import { type InputHTMLAttributes, type ReactNode, useId } from 'react';

/** What a Field hands its control: the id its label points at, and the hint and error that describe it. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

type FieldProps = {
  label: string;
  /** Shown under the control and read with it. */
  hint?: ReactNode;
  /** A message about this field's value: the control is marked invalid and described by it. */
  error?: string;
  /** Extra classes beside `field`, e.g. `grow`. */
  className?: string;
  /** Another control than a text input (a select, a textarea): rendered with the ids it needs. */
  children?: (control: ControlProps) => ReactNode;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'children' | 'className'>;

/**
 * A labelled form control with an optional hint and error. Without children it renders an `<input>` with the
 * remaining props (`name`, `type`, `value`, `onChange`, `required`…).
 */
export function Field({ label, hint, error, className, children, id: given, ...input }: FieldProps) {
  const auto = useId();
  const id = given ?? `f${auto.replace(/:/g, '')}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const control: ControlProps = {
    id,
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    ...(error ? { 'aria-invalid': true as const } : {}),
  };
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children ? children(control) : <input type="text" {...input} {...control} />}
      {hint && <small id={hintId}>{hint}</small>}
      {error && (
        <small id={errorId} className="error">
          {error}
        </small>
      )}
    </div>
  );
}
