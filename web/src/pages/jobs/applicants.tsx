import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { rejectionRefusal, STAGE_LABELS } from '../../../../src/domain/pipeline';
import { APPLICATION_STAGES, type ApplicationStage } from '../../../../src/domain/vocabulary';
import {
  type ApplicationListItem,
  type ApplicationsPage,
  api,
  type BulkOperation,
  can,
  errorText,
  type Me,
  type RejectionReason,
} from '../../api';
import { Badge, ErrorNote, ReasonField } from '../../components';
import { keyOf, useApi } from '../../query';
import { ConfirmDialog } from '../../ui';

const PAGE_SIZE = 50;

/** The sorts the list offers, by the words a person reads. */
export const SORTS = [
  ['-applied', 'Newest applications'],
  ['applied', 'Oldest applications'],
  ['name', 'Name, A to Z'],
  ['-name', 'Name, Z to A'],
  ['stage', 'Stage, earliest first'],
  ['-stage', 'Stage, furthest first'],
  ['-updated', 'Recently updated'],
  ['updated', 'Least recently updated'],
] as const;
type Sort = (typeof SORTS)[number][0];
const isSort = (s: string | null): s is Sort => SORTS.some(([v]) => v === s);
const isStage = (s: string | null): s is ApplicationStage =>
  (APPLICATION_STAGES as readonly string[]).includes(s ?? '');

/**
 * The list's filters, search and sort, kept in the page's address: a reload, a shared link and the back button
 * bring them back. Typing in the search replaces the address (one history entry per search, not per key).
 */
export function useListState() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const stage = isStage(params.get('stage')) ? (params.get('stage') as ApplicationStage) : '';
  const sort: Sort = isSort(params.get('sort')) ? (params.get('sort') as Sort) : '-applied';
  const drafts = params.get('drafts') === '1';
  // Where the dashboard's figures lead: feedback in one state, applications rejected between two days.
  const feedback = FEEDBACK.find((f) => f === params.get('feedback')) ?? '';
  const day = (k: string) => (DAY.test(params.get(k) ?? '') ? (params.get(k) as string) : '');
  const rejectedFrom = day('rejectedFrom');
  const rejectedTo = day('rejectedTo');
  const sentFrom = day('sentFrom');
  const sentTo = day('sentTo');
  // What the candidate did with the feedback: 'true', 'false' or nothing.
  const flag = (k: Flag) =>
    ['true', 'false'].includes(params.get(k) ?? '') ? (params.get(k) as string) : '';
  const flags = Object.fromEntries(FLAGS.map(([k]) => [k, flag(k)])) as Record<Flag, string>;
  // A criterion rated below the bar: one of the dashboard's common gaps.
  const gap = (params.get('gap') ?? '').slice(0, 200);
  function set(changes: Record<string, string | undefined>, replace = false) {
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace, preventScrollReset: true },
    );
  }
  return { q, stage, sort, drafts, feedback, rejectedFrom, rejectedTo, sentFrom, sentTo, flags, gap, set };
}

/** The candidate's responses the list filters on, with what a person reads for `true` and for `false`. */
const FLAGS = [
  ['rated', 'Rated the feedback', 'Did not rate the feedback'],
  ['thanked', 'Thanked the team', 'Did not thank the team'],
  ['asked', 'Asked a question', 'Asked no question'],
  ['answered', 'Question answered', 'Question waiting for an answer'],
  ['futureRoles', 'Open to future roles', 'Not open to future roles'],
] as const;
type Flag = (typeof FLAGS)[number][0];

const FEEDBACK = ['draft', 'scheduled', 'sent'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
type ListState = ReturnType<typeof useListState>;

/** The query string of the list's API request for these filters. */
function listQuery(jobId: string | undefined, s: Omit<ListState, 'set'>) {
  const p = new URLSearchParams({ limit: String(PAGE_SIZE), sort: s.sort });
  if (jobId) p.set('jobId', jobId);
  if (s.stage) p.set('stage', s.stage);
  if (s.drafts || s.feedback) p.set('feedbackStatus', s.feedback || 'draft');
  if (s.rejectedFrom) p.set('rejectedFrom', s.rejectedFrom);
  if (s.rejectedTo) p.set('rejectedTo', s.rejectedTo);
  if (s.sentFrom) p.set('sentFrom', s.sentFrom);
  if (s.sentTo) p.set('sentTo', s.sentTo);
  for (const [k] of FLAGS) if (s.flags[k]) p.set(k, s.flags[k]);
  if (s.gap.trim()) p.set('gap', s.gap.trim());
  if (s.q.trim()) p.set('q', s.q.trim());
  return p.toString();
}

/** What narrows the list beyond search and stage, in words: "Feedback sent. Sent from 2026-03-02 to 2026-03-08." */
function narrowing(s: ListState): string[] {
  const days = (what: string, from: string, to: string) =>
    from || to ? `${what}${from ? ` from ${from}` : ''}${to ? ` to ${to}` : ''}` : '';
  return [
    s.feedback && `Feedback ${s.feedback}`,
    days('Rejected', s.rejectedFrom, s.rejectedTo),
    days('Feedback sent', s.sentFrom, s.sentTo),
    ...FLAGS.map(([k, yes, no]) => (s.flags[k] === 'true' ? yes : s.flags[k] === 'false' ? no : '')),
    s.gap.trim() && `Below the bar on ${s.gap.trim()}`,
  ].filter(Boolean);
}

/**
 * A job's applicants, or every job's (without `jobId`, each row names its job): search, stage and drafts filters, sort, pages loaded one after the other ("Show more"), and
 * boxes to choose applications and reject them together for one reason, in the background. Someone with an offer,
 * hired or withdrawn has no box (a hire is never rejected); choosing "every matching application" leaves them out on
 * the server, which names each one skipped.
 */
export function Applicants(props: {
  jobId?: string;
  me: Me;
  onStarted: (op: BulkOperation) => void;
  emptyText: string;
}) {
  const { jobId, me, onStarted } = props;
  const state = useListState();
  const [typed, setTyped] = useState(state.q);
  // The address changed by itself (back, forward): the box follows.
  useEffect(() => setTyped(state.q), [state.q]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the address follows what is typed, after a pause
  useEffect(() => {
    if (typed === state.q) return;
    const t = setTimeout(() => state.set({ q: typed || undefined }, true), 300);
    return () => clearTimeout(t);
  }, [typed]);

  const query = listQuery(jobId, state);
  const list = useInfiniteQuery({
    queryKey: [...keyOf('team', `/applications?${query}`), 'pages'],
    queryFn: ({ pageParam }) =>
      api<ApplicationsPage>(
        'GET',
        `/applications?${query}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows: ApplicationListItem[] = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total;

  const mayReject = can(me, 'applications.reject');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  // A new filter is a new list: nothing stays chosen that the person can no longer see.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on a new query
  useEffect(() => {
    setChosen(new Set());
    setAllMatching(false);
  }, [query]);
  const selectable = rows.filter((a) => rejectionRefusal(a.stage) === null);
  const pageAllChosen = selectable.length > 0 && selectable.every((a) => chosen.has(a.id));
  const count = allMatching ? (total ?? 0) : chosen.size;
  // Rejecting in bulk takes one job and no feedback state, days or responses: the boxes shown are chosen one by one.
  const described = narrowing(state);
  const narrowed = described.length > 0 || !jobId;

  const [confirming, setConfirming] = useState(false);
  const reasons = useApi<{ items: RejectionReason[] }>('/rejection-reasons', { enabled: mayReject });
  const [reason, setReason] = useState('');
  const reasonCode = reason || reasons.data?.items[0]?.code || '';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function reject() {
    setBusy(true);
    setError(undefined);
    try {
      const filter = {
        jobId,
        ...(state.stage ? { stage: state.stage } : {}),
        ...(state.drafts ? { feedbackStatus: 'draft' } : {}),
        ...(state.q.trim() ? { q: state.q.trim() } : {}),
      };
      const op = await api<BulkOperation>('POST', '/applications/bulk-rejection', {
        reason: reasonCode,
        ...(allMatching ? { filter } : { applicationIds: [...chosen] }),
      });
      setConfirming(false);
      setChosen(new Set());
      setAllMatching(false);
      onStarted(op);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  function toggle(id: string, on: boolean) {
    setAllMatching(false);
    setChosen((c) => {
      const next = new Set(c);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  const anyDrafts = state.drafts || rows.some((a) => a.feedback?.status === 'draft');
  return (
    <>
      <div className="filters list-controls">
        <div className="field">
          <label htmlFor="applicant-search">Search</label>
          <input
            id="applicant-search"
            type="search"
            placeholder="Name or email"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="stage-filter">Stage</label>
          <select
            id="stage-filter"
            value={state.stage}
            onChange={(e) => state.set({ stage: e.target.value || undefined })}
          >
            <option value="">Every stage</option>
            {APPLICATION_STAGES.map((s) => (
              <option key={s} value={s}>
                {STAGE_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sort">Sort by</label>
          <select
            id="sort"
            value={state.sort}
            onChange={(e) => state.set({ sort: e.target.value === '-applied' ? undefined : e.target.value })}
          >
            {SORTS.map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {anyDrafts && (
        <div className="filters">
          <button
            type="button"
            className={state.drafts ? 'chip' : 'chip on'}
            aria-pressed={!state.drafts}
            onClick={() => state.set({ drafts: undefined })}
          >
            All
          </button>
          <button
            type="button"
            className={state.drafts ? 'chip on' : 'chip'}
            aria-pressed={state.drafts}
            onClick={() => state.set({ drafts: '1' })}
          >
            Drafts waiting for review
          </button>
        </div>
      )}
      {described.length > 0 && (
        <p className="filters small">
          {described.map((n) => (
            <span key={n}>{n}. </span>
          ))}
          <button
            type="button"
            className="link"
            onClick={() =>
              state.set({
                feedback: undefined,
                rejectedFrom: undefined,
                rejectedTo: undefined,
                sentFrom: undefined,
                sentTo: undefined,
                gap: undefined,
                ...Object.fromEntries(FLAGS.map(([k]) => [k, undefined])),
              })
            }
          >
            Show all
          </button>
        </p>
      )}
      <ErrorNote error={list.error ? errorText(list.error) : undefined} />
      {total !== undefined && (
        <p className="muted small" aria-live="polite">
          {total === 1 ? '1 application' : `${total} applications`}
          {rows.length < total ? `, ${rows.length} shown` : ''}
        </p>
      )}
      {mayReject && (count > 0 || allMatching) && (
        <div className="bulk-bar">
          <span>
            {allMatching
              ? `All ${total} matching applications chosen; offers, hires and withdrawals are skipped.`
              : `${count} chosen.`}
          </span>
          {!allMatching && !narrowed && pageAllChosen && total !== undefined && rows.length < total && (
            <button type="button" className="link" onClick={() => setAllMatching(true)}>
              Choose all {total} matching applications
            </button>
          )}
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            Reject chosen…
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setChosen(new Set());
              setAllMatching(false);
            }}
          >
            Clear
          </button>
        </div>
      )}
      {list.data && rows.length === 0 ? (
        <p className="muted">
          {state.q || state.stage || state.drafts || described.length > 0
            ? 'No application matches.'
            : props.emptyText}
        </p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                {mayReject && (
                  <th className="check">
                    <input
                      type="checkbox"
                      aria-label="Choose every application on this page"
                      checked={pageAllChosen || allMatching}
                      disabled={selectable.length === 0}
                      onChange={(e) => {
                        setAllMatching(false);
                        setChosen(e.target.checked ? new Set(selectable.map((a) => a.id)) : new Set());
                      }}
                    />
                  </th>
                )}
                <th>Candidate</th>
                {!jobId && <th>Job</th>}
                <th>Stage</th>
                <th>Status</th>
                <th>Feedback</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => {
                const refusal = rejectionRefusal(a.stage);
                return (
                  <tr key={a.id}>
                    {mayReject && (
                      <td className="check">
                        <input
                          type="checkbox"
                          aria-label={`Choose ${a.candidate.name}`}
                          disabled={refusal !== null}
                          title={refusal?.message}
                          checked={refusal === null && (allMatching || chosen.has(a.id))}
                          onChange={(e) => toggle(a.id, e.target.checked)}
                        />
                      </td>
                    )}
                    <td>
                      <Link to={`/applications/${a.id}`}>{a.candidate.name}</Link>
                      <div className="muted small">{a.candidate.email}</div>
                    </td>
                    {!jobId && (
                      <td>
                        <Link to={`/jobs/${a.job.id}`}>{a.job.title}</Link>
                      </td>
                    )}
                    <td>{STAGE_LABELS[a.stage]}</td>
                    <td>
                      <Badge value={a.status} />
                    </td>
                    <td>
                      {a.feedback ? (
                        <Link to={`/feedback/${a.feedback.id}`}>
                          <Badge value={a.feedback.status} />{' '}
                          {a.feedback.status === 'draft' ? 'Review' : 'View'}
                        </Link>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {list.hasNextPage && (
        <button
          type="button"
          className="secondary"
          disabled={list.isFetchingNextPage}
          onClick={() => list.fetchNextPage()}
        >
          {list.isFetchingNextPage
            ? 'Loading…'
            : `Show ${Math.min(PAGE_SIZE, (total ?? 0) - rows.length)} more`}
        </button>
      )}
      <ConfirmDialog
        open={confirming}
        title={
          allMatching
            ? `Reject every matching application (${count})?`
            : count === 1
              ? 'Reject 1 application?'
              : `Reject ${count} applications?`
        }
        confirm={
          allMatching
            ? 'Reject every matching application'
            : count === 1
              ? 'Reject 1 application'
              : `Reject ${count} applications`
        }
        danger
        busy={busy}
        error={error}
        onConfirm={reject}
        onCancel={() => {
          setConfirming(false);
          setError(undefined);
        }}
      >
        <p>
          Each is rejected for the reason you choose and Debrief drafts its feedback, in the background.
          Nothing is sent until someone approves each draft. Offers, hires and withdrawals are never rejected
          this way.
        </p>
        <ReasonField
          id="bulk-selected-reason"
          reasons={reasons.data?.items}
          value={reasonCode}
          onChange={setReason}
        />
      </ConfirmDialog>
    </>
  );
}
