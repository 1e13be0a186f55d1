import { useState } from 'react';
import { ErrorNote } from '../../components';
import { Field, type FormValues, Toast, useSubmit } from '../../ui';
import { capi, day, type TrackerDetail } from '../api';

/** The salary range as the candidate wrote it: "€52,000 – €60,000", "from $90,000", or nothing. */
export function salaryText(a: Pick<TrackerDetail, 'salaryMin' | 'salaryMax' | 'salaryCurrency'>) {
  const { salaryMin: lo, salaryMax: hi, salaryCurrency: cur } = a;
  if (lo == null && hi == null) return '';
  const fmt = (n: number) => {
    try {
      return cur
        ? new Intl.NumberFormat(undefined, {
            style: 'currency',
            currency: cur,
            maximumFractionDigits: 0,
          }).format(n)
        : n.toLocaleString();
    } catch {
      return `${n.toLocaleString()} ${cur}`;
    }
  };
  if (lo != null && hi != null) return lo === hi ? fmt(lo) : `${fmt(lo)} – ${fmt(hi)}`;
  return lo != null ? `from ${fmt(lo)}` : `up to ${fmt(hi!)}`;
}

const whole = (v: string | undefined) => (v?.trim() ? Number(v) : null);

/** Notes, job link and salary range from a form's named fields, as the API takes them (empty is null). */
export function extraFrom(v: FormValues) {
  return {
    notes: v.notes?.trim() || null,
    jobUrl: v.jobUrl?.trim() || null,
    salaryMin: whole(v.salaryMin),
    salaryMax: whole(v.salaryMax),
    salaryCurrency: v.salaryCurrency?.trim().toUpperCase() || null,
  };
}

/** The job link, salary range and notes of an application, uncontrolled, for the add and edit forms. */
export function ExtraFields({ prefix, a }: { prefix: string; a?: TrackerDetail }) {
  return (
    <>
      <Field
        id={`${prefix}-url`}
        label="Job link"
        name="jobUrl"
        type="url"
        inputMode="url"
        placeholder="https://"
        pattern="https?://.+"
        title="An address starting with http:// or https://"
        defaultValue={a?.jobUrl ?? ''}
        hint="The posting, starting with http:// or https://"
      />
      <fieldset className="salary">
        <legend>Salary range</legend>
        <div className="row">
          <Field
            id={`${prefix}-min`}
            label="From"
            name="salaryMin"
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            defaultValue={a?.salaryMin ?? ''}
            className="grow"
          />
          <Field
            id={`${prefix}-max`}
            label="To"
            name="salaryMax"
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            defaultValue={a?.salaryMax ?? ''}
            className="grow"
          />
          <Field
            id={`${prefix}-cur`}
            label="Currency"
            name="salaryCurrency"
            maxLength={3}
            size={4}
            autoCapitalize="characters"
            placeholder="EUR"
            defaultValue={a?.salaryCurrency ?? ''}
          />
        </div>
      </fieldset>
      <Field id={`${prefix}-notes`} label="Notes">
        {(control) => (
          <textarea
            {...control}
            name="notes"
            rows={3}
            defaultValue={a?.notes ?? ''}
            placeholder="Who referred you, what stood out in the posting, questions to ask"
          />
        )}
      </Field>
    </>
  );
}

/** An application's details: shown, and edited in place (company, role, source, dates, link, salary, notes). */
export function DetailsSection({ a, onSaved }: { a: TrackerDetail; onSaved: () => void }) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string>();
  const save = useSubmit(async (v) => {
    await capi('PATCH', `/applications/${a.id}`, {
      company: v.company.trim(),
      role: v.role.trim(),
      source: v.source?.trim() || null,
      appliedOn: v.appliedOn || null,
      ...extraFrom(v),
    });
    setEditing(false);
    setSaved('Details saved.');
    onSaved();
  });
  const salary = salaryText(a);
  return (
    <section className="card" aria-labelledby="details-head">
      <h2 id="details-head">Details</h2>
      {editing ? (
        <form onSubmit={save.onSubmit} aria-label="Edit the details">
          <div className="row">
            <Field
              id="ed-company"
              label="Company"
              name="company"
              defaultValue={a.company}
              required
              className="grow"
            />
            <Field id="ed-role" label="Role" name="role" defaultValue={a.role} required className="grow" />
          </div>
          <div className="row">
            <Field
              id="ed-source"
              label="Source"
              name="source"
              defaultValue={a.source ?? ''}
              className="grow"
            />
            <Field
              id="ed-applied"
              label="Applied on"
              name="appliedOn"
              type="date"
              defaultValue={a.appliedOn ?? ''}
            />
          </div>
          <ExtraFields prefix="ed" a={a} />
          <ErrorNote error={save.error} />
          <div className="actions">
            <button type="submit" disabled={save.busy}>
              {save.busy ? 'Saving…' : 'Save details'}
            </button>
            <button type="button" className="secondary" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          <dl className="details">
            <dt>Job link</dt>
            <dd>
              {a.jobUrl ? (
                <a href={a.jobUrl} target="_blank" rel="noopener noreferrer">
                  {a.jobUrl.replace(/^https?:\/\//, '')}
                </a>
              ) : (
                '—'
              )}
            </dd>
            <dt>Salary</dt>
            <dd>{salary || '—'}</dd>
            <dt>Applied</dt>
            <dd>{day(a.appliedOn)}</dd>
            <dt>Notes</dt>
            <dd className="notes">{a.notes || '—'}</dd>
          </dl>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setSaved(undefined);
              setEditing(true);
            }}
          >
            Edit details
          </button>
        </>
      )}
      <Toast message={saved} onDismiss={() => setSaved(undefined)} />
    </section>
  );
}
