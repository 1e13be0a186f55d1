import { parse } from 'csv-parse/sync';
import type { ApplicationStage, ImportRowError, Rating, Recommendation, Stage } from '../../db/schema';
import { RATINGS, RECOMMENDATIONS, STAGES } from '../../domain/vocabulary';

/**
 * The CSV template for importing from any other ATS: one row per application, with at most one scorecard. The
 * columns below are fixed; each criterion of a job is a pair of columns, `<Criterion> rating` and
 * `<Criterion> evidence`. docs/integrations-csv.md describes them; GET /api/v1/imports/template.csv serves an example.
 */
export const FIXED_COLUMNS = [
  'job',
  'candidate_name',
  'candidate_email',
  'stage',
  'interviewer_email',
  'interviewer_name',
  'scorecard_stage',
  'recommendation',
  'notes',
] as const;
type FixedColumn = (typeof FIXED_COLUMNS)[number];
const REQUIRED: FixedColumn[] = ['job', 'candidate_name', 'candidate_email'];

/** The stages an imported application may be at. Rejections are made in Debrief, which drafts the feedback. */
export const IMPORT_STAGES = [
  'applied',
  ...STAGES,
  'offer',
  'hired',
  'withdrawn',
] as const satisfies readonly ApplicationStage[];

export const MAX_IMPORT_ROWS = 50_000;
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;

export const TEMPLATE_CSV = [
  'job,candidate_name,candidate_email,stage,interviewer_email,interviewer_name,scorecard_stage,recommendation,notes,SQL rating,SQL evidence,Communication rating,Communication evidence',
  'Data Analyst,Sam Rivera,sam.rivera@example.com,interview,alex@yourcompany.example,Alex Kim,interview,yes,,3,"Wrote a correct window query for the retention question and explained each step.",2,"Answered the stakeholder question with figures but no summary of what they meant."',
  'Data Analyst,Jo Chen,jo.chen@example.com,applied,,,,,,,,,',
  '',
].join('\r\n');

/** A criterion's pair of columns. */
interface CriterionColumns {
  name: string;
  rating?: string;
  evidence?: string;
}

export interface ParsedHeader {
  /** The fixed column each header cell is, by its index. */
  fixed: Partial<Record<FixedColumn, number>>;
  criteria: {
    name: string;
    rating: number;
    evidence: number;
    ratingHeader: string;
    evidenceHeader: string;
  }[];
}

/** One data row as it will be imported (before the database is consulted). */
export interface PlannedRow {
  /** The line in the file, the header being row 1. */
  row: number;
  job: string;
  candidate: { name: string; email: string };
  stage: ApplicationStage;
  scorecard: {
    interviewerEmail: string;
    interviewerName: string | null;
    stage: Stage;
    recommendation: Recommendation;
    notes: string | null;
    ratings: { criterion: string; column: string; rating: Rating; evidence: string }[];
  } | null;
}

export interface ParsedFile {
  header: ParsedHeader | null;
  rows: PlannedRow[];
  /** Rows with an error are not in `rows`. */
  errors: ImportRowError[];
  totalRows: number;
}

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
const RECOMMENDATION_WORDS: Record<string, Recommendation> = Object.fromEntries(
  RECOMMENDATIONS.map((r) => [r, r]),
);

/** Parses and checks a file on its own: columns, required cells, emails, stages, ratings and their evidence. */
export function parseImportFile(content: string): ParsedFile {
  const errors: ImportRowError[] = [];
  let records: string[][];
  try {
    records = parse(content.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as string[][];
  } catch (e) {
    const err = e as { lines?: number; message?: string };
    return {
      header: null,
      rows: [],
      errors: [{ row: err.lines ?? 1, column: '', message: `Not a readable CSV file: ${err.message ?? e}` }],
      totalRows: 0,
    };
  }
  if (!records.length)
    return {
      header: null,
      rows: [],
      errors: [{ row: 1, column: '', message: 'The file is empty' }],
      totalRows: 0,
    };
  const header = parseHeader(records[0], errors);
  const totalRows = records.length - 1;
  if (totalRows > MAX_IMPORT_ROWS)
    errors.push({
      row: MAX_IMPORT_ROWS + 2,
      column: '',
      message: `The file has ${totalRows} rows; import at most ${MAX_IMPORT_ROWS} at a time`,
    });
  if (errors.length) return { header: null, rows: [], errors, totalRows };

  const rows: PlannedRow[] = [];
  // Line numbers: csv-parse may span a quoted cell over lines; count records, the header being row 1.
  records.slice(1).forEach((cells, i) => {
    const planned = parseRow(header, cells, i + 2, errors);
    if (planned) rows.push(planned);
  });
  return { header, rows, errors, totalRows };
}

function parseHeader(cells: string[], errors: ImportRowError[]): ParsedHeader {
  const fixed: ParsedHeader['fixed'] = {};
  const byCriterion = new Map<string, CriterionColumns & { ratingAt?: number; evidenceAt?: number }>();
  cells.forEach((raw, i) => {
    const cell = raw.trim();
    if (!cell) return;
    const n = norm(cell);
    if ((FIXED_COLUMNS as readonly string[]).includes(n)) {
      if (fixed[n as FixedColumn] !== undefined)
        errors.push({ row: 1, column: cell, message: 'This column appears twice' });
      fixed[n as FixedColumn] = i;
      return;
    }
    const m = /^(.+?)[\s_-]+(rating|evidence)$/i.exec(cell);
    if (!m) {
      errors.push({
        row: 1,
        column: cell,
        message: `Unknown column; use ${FIXED_COLUMNS.join(', ')}, or "<criterion> rating" and "<criterion> evidence"`,
      });
      return;
    }
    const name = m[1].trim();
    const key = name.toLowerCase();
    const entry = byCriterion.get(key) ?? { name };
    if (m[2].toLowerCase() === 'rating') {
      entry.rating = cell;
      entry.ratingAt = i;
    } else {
      entry.evidence = cell;
      entry.evidenceAt = i;
    }
    byCriterion.set(key, entry);
  });
  for (const col of REQUIRED)
    if (fixed[col] === undefined) errors.push({ row: 1, column: col, message: 'This column is required' });
  const criteria: ParsedHeader['criteria'] = [];
  for (const c of byCriterion.values()) {
    if (c.ratingAt === undefined) {
      errors.push({
        row: 1,
        column: c.evidence ?? c.name,
        message: `No "${c.name} rating" column for this evidence`,
      });
    } else if (c.evidenceAt === undefined) {
      errors.push({
        row: 1,
        column: c.rating ?? c.name,
        message: `No "${c.name} evidence" column: every rating needs its evidence`,
      });
    } else {
      criteria.push({
        name: c.name,
        rating: c.ratingAt,
        evidence: c.evidenceAt,
        ratingHeader: c.rating ?? '',
        evidenceHeader: c.evidence ?? '',
      });
    }
  }
  return { fixed, criteria };
}

function parseRow(
  h: ParsedHeader,
  cells: string[],
  row: number,
  errors: ImportRowError[],
): PlannedRow | null {
  const before = errors.length;
  const fail = (column: string, message: string) => errors.push({ row, column, message });
  const get = (col: FixedColumn) => {
    const i = h.fixed[col];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const job = get('job');
  if (!job) fail('job', 'The job title is required');
  else if (job.length > 200) fail('job', 'The job title is longer than 200 characters');
  const name = get('candidate_name');
  if (!name) fail('candidate_name', "The candidate's name is required");
  else if (name.length > 200) fail('candidate_name', 'The name is longer than 200 characters');
  const email = get('candidate_email');
  if (!email) fail('candidate_email', "The candidate's email address is required");
  else if (!EMAIL.test(email) || email.length > 254)
    fail('candidate_email', `"${email}" is not an email address`);

  const stageCell = get('stage').toLowerCase();
  let stage: ApplicationStage = 'applied';
  if (stageCell) {
    if (stageCell === 'rejected')
      fail(
        'stage',
        'Rejected applications are not imported as rejected: import them at the last stage they reached, then reject them in Debrief, which drafts the feedback',
      );
    else if (!(IMPORT_STAGES as readonly string[]).includes(stageCell))
      fail('stage', `Unknown stage "${get('stage')}"; use one of ${IMPORT_STAGES.join(', ')}`);
    else stage = stageCell as ApplicationStage;
  }

  const ratings: NonNullable<PlannedRow['scorecard']>['ratings'] = [];
  for (const c of h.criteria) {
    const ratingCell = (cells[c.rating] ?? '').trim();
    const evidence = (cells[c.evidence] ?? '').trim();
    if (!ratingCell) {
      if (evidence) fail(c.ratingHeader, `Evidence for "${c.name}" without a rating`);
      continue;
    }
    const value = Number(ratingCell);
    if (!Number.isInteger(value) || !(RATINGS as readonly number[]).includes(value)) {
      fail(
        c.ratingHeader,
        `Rating out of range: "${ratingCell}"; use 1 (well below what the role needs), 2, 3 (meets) or 4 (exceeds)`,
      );
      continue;
    }
    if (!evidence) {
      fail(
        c.evidenceHeader,
        `Missing evidence for the rating of "${c.name}": say what the candidate did or said`,
      );
      continue;
    }
    if (evidence.length > 5000) {
      fail(c.evidenceHeader, 'The evidence is longer than 5000 characters');
      continue;
    }
    ratings.push({ criterion: c.name, column: c.ratingHeader, rating: value as Rating, evidence });
  }

  let scorecard: PlannedRow['scorecard'] = null;
  if (ratings.length) {
    const interviewerEmail = get('interviewer_email');
    if (!interviewerEmail)
      fail('interviewer_email', 'A scorecard needs the email address of its interviewer');
    else if (!EMAIL.test(interviewerEmail))
      fail('interviewer_email', `"${interviewerEmail}" is not an email address`);
    const recCell = norm(get('recommendation'));
    const recommendation = RECOMMENDATION_WORDS[recCell];
    if (!recCell) fail('recommendation', `A scorecard needs a recommendation: ${RECOMMENDATIONS.join(', ')}`);
    else if (!recommendation)
      fail(
        'recommendation',
        `Unknown recommendation "${get('recommendation')}"; use ${RECOMMENDATIONS.join(', ')}`,
      );
    const cardStageCell = get('scorecard_stage').toLowerCase();
    let cardStage: Stage | undefined;
    if (cardStageCell) {
      if ((STAGES as readonly string[]).includes(cardStageCell)) cardStage = cardStageCell as Stage;
      else
        fail(
          'scorecard_stage',
          `Unknown interview stage "${get('scorecard_stage')}"; use ${STAGES.join(', ')}`,
        );
    } else if ((STAGES as readonly string[]).includes(stage)) {
      cardStage = stage as Stage;
    } else {
      fail('scorecard_stage', `Say which interview stage the scorecard is from: ${STAGES.join(', ')}`);
    }
    if (errors.length === before && cardStage && recommendation)
      scorecard = {
        interviewerEmail,
        interviewerName: get('interviewer_name') || null,
        stage: cardStage,
        recommendation,
        notes: get('notes') || null,
        ratings,
      };
  }
  if (errors.length !== before) return null;
  return { row, job, candidate: { name, email }, stage, scorecard };
}
