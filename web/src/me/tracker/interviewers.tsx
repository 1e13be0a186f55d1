import { useRef } from 'react';
import type { Person } from '../api';
import { Input } from './input';

/** One interviewer as the form holds it: every field a string, and a key that stays with the row when others go. */
export interface PersonRow {
  key: number;
  name: string;
  role: string;
  email: string;
  /** Kept as it was: the form does not show it. */
  phone?: string;
}

let nextKey = 0;
export const emptyPerson = (): PersonRow => ({ key: nextKey++, name: '', role: '', email: '' });

/** A round's interviewers as rows of the form. */
export const rowsOf = (people: Person[]): PersonRow[] =>
  people.map((p) => ({
    key: nextKey++,
    name: p.name,
    role: p.role ?? '',
    email: p.email ?? '',
    phone: p.phone,
  }));

/** The rows as the API takes them: those without a name left out, empty fields omitted. */
export const peopleOf = (rows: PersonRow[]): Person[] =>
  rows
    .filter((p) => p.name.trim())
    .map((p) => ({
      name: p.name.trim(),
      ...(p.role.trim() ? { role: p.role.trim() } : {}),
      ...(p.email.trim() ? { email: p.email.trim() } : {}),
      ...(p.phone ? { phone: p.phone } : {}),
    }));

/**
 * The people met in a round: each with a name, a role and an email, added and removed one by one. Removing one moves
 * focus to "Add an interviewer", which stays.
 */
export function InterviewerFields({
  idPrefix,
  rows,
  onChange,
}: {
  idPrefix: string;
  rows: PersonRow[];
  onChange: (rows: PersonRow[]) => void;
}) {
  const add = useRef<HTMLButtonElement>(null);
  const set = (i: number, k: 'name' | 'role' | 'email', v: string) =>
    onChange(rows.map((p, j) => (j === i ? { ...p, [k]: v } : p)));
  return (
    <fieldset>
      <legend>Interviewers you met</legend>
      {rows.map((p, i) => (
        <div className="row" key={p.key}>
          <Input
            id={`${idPrefix}-p${p.key}-name`}
            label={`Interviewer ${i + 1} name`}
            value={p.name}
            onChange={(v) => set(i, 'name', v)}
            className="grow"
          />
          <Input
            id={`${idPrefix}-p${p.key}-role`}
            label={`Interviewer ${i + 1} role`}
            value={p.role}
            onChange={(v) => set(i, 'role', v)}
            className="grow"
          />
          <Input
            id={`${idPrefix}-p${p.key}-email`}
            label={`Interviewer ${i + 1} email`}
            type="email"
            value={p.email}
            onChange={(v) => set(i, 'email', v)}
            className="grow"
          />
          <button
            type="button"
            className="link danger"
            onClick={() => {
              onChange(rows.filter((_, j) => j !== i));
              add.current?.focus();
            }}
          >
            Remove {p.name.trim() || `interviewer ${i + 1}`}
          </button>
        </div>
      ))}
      <button
        ref={add}
        type="button"
        className="secondary small-button"
        onClick={() => onChange([...rows, emptyPerson()])}
      >
        Add an interviewer
      </button>
    </fieldset>
  );
}
