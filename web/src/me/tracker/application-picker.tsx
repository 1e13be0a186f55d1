import { useEffect, useState } from 'react';
import { useCandidateApi } from '../../query';
import { Field } from '../../ui';
import type { AppRef, TrackerPage } from '../api';

/** How many applications the picker offers at once: the newest, or the newest matching what is typed. */
export const PICKER_SIZE = 20;

/**
 * Chooses one of the candidate's applications (or none) without loading them all: the select offers the newest
 * few, and a search by company or role asks the server for others. The one already chosen stays on offer.
 */
export function ApplicationPicker(props: {
  id: string;
  value: string;
  /** The application chosen before, named (it may be none of those offered). */
  current?: AppRef | null;
  onChange: (id: string) => void;
  /** The select's name in its form. */
  name?: string;
  className?: string;
}) {
  const [picked, setPicked] = useState<AppRef | null>(props.current ?? null);
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(t);
  }, [typed]);
  const params = new URLSearchParams({ limit: String(PICKER_SIZE) });
  if (q) params.set('q', q);
  const found = useCandidateApi<TrackerPage>(`/applications?${params}`);
  const items: AppRef[] = found.data?.items ?? [];
  const chosen = picked && picked.id === props.value ? picked : null;
  const offered: AppRef[] = chosen && !items.some((a) => a.id === chosen.id) ? [chosen, ...items] : items;
  const total = found.data?.total ?? 0;
  return (
    <>
      <Field
        id={`${props.id}-q`}
        label="Find by company or role"
        type="search"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        // Enter searches (it already has); it does not send the form around the picker.
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.preventDefault();
        }}
        hint={
          found.data && total > items.length
            ? `${q ? 'The newest' : 'Your newest'} ${items.length} of ${total}${q ? ' matching' : ''}; type to narrow.`
            : found.data && q && total === 0
              ? 'None matches.'
              : undefined
        }
        className={props.className}
      />
      <Field id={props.id} label="Application" className={props.className}>
        {(control) => (
          <select
            {...control}
            name={props.name}
            value={props.value}
            onChange={(e) => {
              setPicked(offered.find((a) => a.id === e.target.value) ?? null);
              props.onChange(e.target.value);
            }}
          >
            <option value="">None</option>
            {offered.map((a) => (
              <option key={a.id} value={a.id}>
                {a.company} · {a.role}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
