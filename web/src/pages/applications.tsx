import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { BulkOperation, Job, Me, Page } from '../api';
import { useApi } from '../query';
import { Applicants } from './jobs/applicants';
import { OperationPanel } from './jobs/bulk-operation';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Every job's applications, or one job's, with the filters in the address: where each dashboard figure leads, with
 * the same job and days (`listLink`).
 */
export function ApplicationsListPage({ me }: { me: Me }) {
  const [params, setParams] = useSearchParams();
  const jobId = UUID.test(params.get('jobId') ?? '') ? (params.get('jobId') as string) : '';
  const jobs = useApi<Page<Job>>('/jobs?limit=100');
  const [started, setStarted] = useState<BulkOperation>();
  return (
    <>
      <h1>Applications</h1>
      <div className="filters list-controls">
        <div className="field">
          <label htmlFor="list-job">Job</label>
          <select
            id="list-job"
            value={jobId}
            onChange={(e) =>
              setParams((p) => {
                const next = new URLSearchParams(p);
                if (e.target.value) next.set('jobId', e.target.value);
                else next.delete('jobId');
                return next;
              })
            }
          >
            <option value="">Every job</option>
            {jobs.data?.items.map((j) => (
              <option key={j.id} value={j.id}>
                {j.title}
              </option>
            ))}
          </select>
        </div>
      </div>
      {started && <OperationPanel id={started.id} onDismiss={() => setStarted(undefined)} />}
      <Applicants
        key={jobId}
        jobId={jobId || undefined}
        me={me}
        onStarted={setStarted}
        emptyText="No applications yet. Add candidates from a job's page."
      />
    </>
  );
}
