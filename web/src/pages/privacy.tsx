import { useState } from 'react';
import { api, can, type Me } from '../api';
import { ErrorNote } from '../components';
import { useApi } from '../query';
import { Field, SubmitButton, Toast, useSubmit } from '../ui';

interface SubjectAccessExport {
  export: { candidate: { name: string; email: string }; exportedAt: string };
  html: string;
}
interface Erasure {
  candidateId: string;
  applications: number;
  emails: number;
  auditEventsRedacted: number;
}
interface RetentionSettings {
  retentionMonths: number;
  warningDays: number;
}

/** Saves a file the browser downloads, named by the caller. */
function download(name: string, type: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const fileStem = (email: string) => `debrief-data-${email.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;

/** An admin's page for candidates' data rights: the copy of their data, its erasure, and how long it is kept. */
export function PrivacyPage({ me }: { me: Me }) {
  if (!can(me, 'privacy.manage')) {
    return (
      <>
        <h1>Privacy</h1>
        <p className="muted">Only an admin can export or erase a candidate's data.</p>
      </>
    );
  }
  return (
    <>
      <h1>Privacy</h1>
      <p className="muted">
        What {me.organization.name} keeps about candidates, and their rights over it: a copy of everything
        (GDPR Article 15), erasure (Article 17), and how long rejected candidates' data is kept.
      </p>
      <ExportSection />
      <RetentionSection />
      <ErasureSection />
    </>
  );
}

function ExportSection() {
  const [done, setDone] = useState<string>();
  const submit = useSubmit(async (v) => {
    const r = await api<SubjectAccessExport>('POST', '/privacy/exports', { email: v.email });
    const stem = fileStem(r.export.candidate.email);
    download(`${stem}.html`, 'text/html', r.html);
    download(`${stem}.json`, 'application/json', JSON.stringify(r.export, null, 2));
    setDone(`Downloaded everything about ${r.export.candidate.name} (HTML and JSON)`);
  });
  return (
    <section className="card" aria-labelledby="export-head">
      <h2 id="export-head">Export everything about a candidate</h2>
      <p>
        One readable HTML document and the same in JSON: applications, scorecards with ratings, evidence and
        private notes, feedback drafts and what was sent, emails, the candidate's responses, questions and
        requests, and the audit trail about them. Read it before you send it on: it names the interviewers.
      </p>
      <form onSubmit={submit.onSubmit}>
        <Field label="Candidate's email address" name="email" type="email" autoComplete="off" required />
        <SubmitButton submit={submit} busyLabel="Exporting…">
          Export
        </SubmitButton>
        <Toast message={done} onDismiss={() => setDone(undefined)} />
      </form>
    </section>
  );
}

function RetentionSection() {
  const { data, error, setData } = useApi<RetentionSettings>('/privacy/settings');
  const [saved, setSaved] = useState<string>();
  const submit = useSubmit(async (v) => {
    const r = await api<RetentionSettings>('PUT', '/privacy/settings', { retentionMonths: Number(v.months) });
    setData(r);
    setSaved('Saved');
  });
  return (
    <section className="card" aria-labelledby="retention-head">
      <h2 id="retention-head">Retention</h2>
      <ErrorNote error={error} />
      {data && (
        <>
          <p>
            A rejected candidate's personal data is erased {data.retentionMonths} months after the final
            decision. Admins are emailed {data.warningDays} days before, once, and never lose that notice.
          </p>
          <form onSubmit={submit.onSubmit}>
            <Field
              label="Months to keep rejected candidates' data"
              name="months"
              type="number"
              min={1}
              max={120}
              defaultValue={data.retentionMonths}
              key={data.retentionMonths}
              required
            />
            <SubmitButton submit={submit}>Save</SubmitButton>
            <Toast message={saved} onDismiss={() => setSaved(undefined)} />
          </form>
        </>
      )}
    </section>
  );
}

function ErasureSection() {
  const [result, setResult] = useState<string>();
  const submit = useSubmit(async (v) => {
    const r = await api<Erasure>('POST', '/privacy/erasures', { email: v.email, confirm: v.confirm });
    setResult(
      `Erased: ${r.applications} application${r.applications === 1 ? '' : 's'}, ${r.emails} email${r.emails === 1 ? '' : 's'} and ${r.auditEventsRedacted} audit event${r.auditEventsRedacted === 1 ? '' : 's'} no longer hold their data.`,
    );
  });
  return (
    <section className="card danger-zone" aria-labelledby="erase-head">
      <h2 id="erase-head">Erase a candidate</h2>
      <p>
        Removes the candidate's name, address and every text about them: scorecard evidence and notes,
        feedback, their responses and questions, emails, and their details in the audit trail. The dashboard's
        counts stay. It cannot be undone: export their data first if they asked for a copy.
      </p>
      <form
        onSubmit={(e) => {
          setResult(undefined);
          submit.onSubmit(e);
        }}
      >
        <Field label="Candidate's email address" name="email" type="email" autoComplete="off" required />
        <Field
          label="Type the address again to confirm"
          name="confirm"
          type="text"
          autoComplete="off"
          required
          hint="Nothing is erased unless both match the candidate's address."
        />
        <SubmitButton submit={submit} className="danger" busyLabel="Erasing…">
          Erase for good
        </SubmitButton>
      </form>
      {result && (
        <p className="ok-note" role="status">
          {result}
        </p>
      )}
    </section>
  );
}
