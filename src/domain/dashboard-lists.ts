/**
 * The list of applications behind each dashboard figure: the filters of `GET /applications` whose total is the
 * figure `GET /stats` gives for the same job and days of rejection. The dashboard links each figure to it.
 */

/** The dashboard's own filters: one job, and the first and last day candidates were rejected on (YYYY-MM-DD). */
export interface DashboardRange {
  jobId?: string;
  from?: string;
  to?: string;
}

/** The filters of the applications list, named as the API names them. */
export interface FigureList {
  jobId?: string;
  stage?: 'rejected';
  feedbackStatus?: 'draft' | 'scheduled' | 'sent';
  rejectedFrom?: string;
  rejectedTo?: string;
  sentFrom?: string;
  sentTo?: string;
  rated?: boolean;
  thanked?: boolean;
  answered?: boolean;
  futureRoles?: boolean;
  gap?: string;
}

/** The figures that have a list behind them, by their name in `GET /stats`. */
export type DashboardFigure =
  | 'rejected'
  | 'feedbackSent'
  | 'draftsWaiting'
  | 'scheduled'
  | 'usefulRatings'
  | 'thanksReceived'
  | 'questionsOpen'
  | 'futureRolesOptIns';

const BEHIND: Record<DashboardFigure, Omit<FigureList, 'jobId' | 'rejectedFrom' | 'rejectedTo'>> = {
  rejected: { stage: 'rejected' },
  feedbackSent: { stage: 'rejected', feedbackStatus: 'sent' },
  draftsWaiting: { stage: 'rejected', feedbackStatus: 'draft' },
  scheduled: { stage: 'rejected', feedbackStatus: 'scheduled' },
  usefulRatings: { rated: true },
  thanksReceived: { thanked: true },
  questionsOpen: { answered: false },
  futureRolesOptIns: { futureRoles: true },
};

function ranged(r: DashboardRange): FigureList {
  const l: FigureList = {};
  if (r.jobId) l.jobId = r.jobId;
  if (r.from) l.rejectedFrom = r.from;
  if (r.to) l.rejectedTo = r.to;
  return l;
}

/** The list behind a figure, for the dashboard's job and days. */
export function listBehind(figure: DashboardFigure, range: DashboardRange): FigureList {
  return { ...ranged(range), ...BEHIND[figure] };
}

/** The feedback sent in one week of `sentByWeek` (its Monday, YYYY-MM-DD; weeks run Monday to Sunday, UTC). */
export function listOfWeek(monday: string, range: DashboardRange): FigureList {
  const start = new Date(`${monday}T00:00:00Z`);
  const sunday = new Date(start.getTime() + 6 * 86_400_000).toISOString().slice(0, 10);
  return { ...ranged(range), feedbackStatus: 'sent', sentFrom: monday, sentTo: sunday };
}

/** The rejected applications rated below the bar on a criterion (by name): one bar of `commonGaps`. */
export function listOfGap(criterion: string, range: DashboardRange): FigureList {
  return { ...ranged(range), stage: 'rejected', gap: criterion };
}

/** The figures of `GET /stats` that count requests for feedback. */
export type RequestsFigure = 'requestsOpen' | 'requestsOverdue';

/**
 * The requests for feedback behind a figure, as filters of `GET /feedback-requests` (open is its default): of the
 * job, asked on the days; for `requestsOverdue`, only those past their deadline without an answer.
 */
export function requestsBehind(
  range: DashboardRange,
  figure: RequestsFigure = 'requestsOpen',
): URLSearchParams {
  const p = new URLSearchParams();
  if (range.jobId) p.set('jobId', range.jobId);
  if (range.from) p.set('from', range.from);
  if (range.to) p.set('to', range.to);
  if (figure === 'requestsOverdue') p.set('overdue', 'true');
  return p;
}

/** The list's filters as query parameters, in a stable order. */
export function figureQuery(l: FigureList): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(l)) if (v !== undefined) p.set(k, String(v));
  return p;
}
