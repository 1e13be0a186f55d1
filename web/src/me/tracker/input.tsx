import type { ReactNode } from 'react';
import { Field } from '../../ui';

/** A text or date field bound to a string. */
export function Input({
  onChange,
  ...props
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  type?: string;
  required?: boolean;
  hint?: ReactNode;
  className?: string;
}) {
  return <Field {...props} onChange={(e) => onChange(e.target.value)} />;
}
