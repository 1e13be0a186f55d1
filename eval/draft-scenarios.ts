// Generated hiring outcomes for measuring the feedback composer (npm run eval:drafts) and for its seeded invariant
// tests: roles from different fields (engineering, data, sales, nursing, teaching, finance, design, customer work),
// 2 to 6 criteria each with a description, every stage and rejection reason, and evidence written short, long, messy
// or in the third person. Also the checks a draft must pass. Pure: no I/O, so tests and the eval share it.

import { check } from '../src/checker';
import {
  type ComposedFeedback,
  type ComposeInput,
  type ComposeScorecard,
  DEFAULT_REJECTION_REASONS,
  SKILL_FAMILIES,
  type Stage,
  splitSentences,
} from '../src/domain';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface CriterionSpec {
  name: string;
  description: string;
  /** The skill family whose pointer the gap should get. */
  family: string;
  /** What an interviewer would write about. */
  topics: string[];
}

interface Field {
  field: string;
  jobs: string[];
  criteria: CriterionSpec[];
}

const c = (name: string, family: string, description: string, topics: string[]): CriterionSpec => ({
  name,
  family,
  description,
  topics,
});

export const FIELDS: Field[] = [
  {
    field: 'engineering',
    jobs: ['Backend Engineer', 'Data Scientist', 'Platform Engineer', 'Senior Software Engineer'],
    criteria: [
      c(
        'Statistical reasoning',
        'statistics',
        'Chooses and explains appropriate tests; reasons about uncertainty.',
        ['the choice of test', 'confidence intervals', 'sample size'],
      ),
      c('Programming', 'programming', 'Writes clear, working code in a language of their choice.', [
        'the parsing exercise',
        'error handling',
        'the loop in the pairing task',
      ]),
      c('System design', 'system-design', 'Designs services that stay reliable as traffic grows.', [
        'how the queue would scale',
        'what happens when a worker fails',
        'caching',
      ]),
      c('Testing', 'testing', 'Writes automated tests for the code they ship.', [
        'the edge cases',
        'a test for the failing input',
        'the test plan',
      ]),
      c('SQL', 'data-and-sql', 'Writes correct queries over large tables.', [
        'the join on orders',
        'duplicate rows',
        'the window function',
      ]),
      c('Debugging', 'testing', 'Finds the cause of a failure methodically.', [
        'the failing build',
        'the log output',
        'the race condition',
      ]),
      c('Stats / experimentation', 'statistics', 'Designs A/B tests and reads their results honestly.', [
        'the A/B test design',
        'the p-value',
      ]),
    ],
  },
  {
    field: 'sales',
    jobs: ['Account Executive', 'Sales Development Representative', 'Enterprise Sales Manager'],
    criteria: [
      c('Discovery', 'sales', 'Uncovers the buyer’s needs before pitching.', [
        'the buyer’s budget',
        'open questions',
        'the decision maker',
      ]),
      c('Negotiation', 'sales', 'Agrees terms that work for both sides without giving away margin.', [
        'the discount request',
        'the renewal terms',
      ]),
      c('Sales: objection handling', 'sales', 'Answers concerns with evidence rather than pressure.', [
        'the price objection',
        'the competitor question',
      ]),
      c('Pipeline management', 'sales', 'Keeps an accurate, up-to-date forecast of deals.', [
        'the stalled deals',
        'the forecast in the case study',
      ]),
      c('Account management', 'customer-work', 'Grows existing accounts through regular contact.', [
        'the renewal plan',
        'the account review',
      ]),
      c('Presentation skills', 'presenting', 'Presents a clear pitch to a room of buyers.', [
        'the product demo',
        'the closing slide',
      ]),
    ],
  },
  {
    field: 'nursing',
    jobs: ['Staff Nurse', 'Ward Sister', 'Community Nurse', 'Registered Nurse, Emergency Department'],
    criteria: [
      c(
        'Clinical judgement',
        'clinical-care',
        'Recognises deterioration early and escalates appropriately.',
        ['the falling blood pressure in the scenario', 'when to escalate', 'the early warning score'],
      ),
      c('Medication administration', 'clinical-care', 'Gives medicines safely, following the five rights.', [
        'the double check for the controlled drug',
        'the allergy check',
      ]),
      c('Patient communication', 'clinical-care', 'Explains care in plain words and checks understanding.', [
        'the discharge explanation',
        'the question about side effects',
      ]),
      c('Infection control', 'clinical-care', 'Follows hand hygiene and isolation procedures.', [
        'the isolation procedure',
        'hand hygiene in the scenario',
      ]),
      c(
        'NMC registration',
        'qualification',
        'A current registration with the Nursing and Midwifery Council.',
        ['the registration number'],
      ),
      c('Handover', 'clinical-care', 'Gives structured handovers using SBAR.', [
        'the SBAR handover',
        'the handover notes',
      ]),
    ],
  },
  {
    field: 'teaching',
    jobs: ['Secondary Maths Teacher', 'Primary Teacher', 'Head of Science'],
    criteria: [
      c('Lesson planning', 'teaching', 'Plans lessons with clear objectives and differentiation.', [
        'the lesson objective',
        'the extension task',
      ]),
      c('Behaviour management', 'teaching', 'Keeps a calm, focused classroom.', [
        'the low-level disruption',
        'the seating plan',
      ]),
      c('Subject knowledge', 'teaching', 'Deep knowledge of the secondary maths curriculum.', [
        'fractions',
        'the misconception about negative numbers',
      ]),
      c('Assessment for learning', 'teaching', 'Checks understanding during lessons and adapts.', [
        'the mini whiteboards',
        'the exit ticket',
      ]),
    ],
  },
  {
    field: 'finance',
    jobs: ['Financial Analyst', 'Management Accountant', 'Finance Business Partner'],
    criteria: [
      c('Financial modelling', 'finance', 'Builds three-statement models that balance.', [
        'the balance sheet link',
        'the revenue assumptions',
      ]),
      c('Reconciliations', 'finance', 'Reconciles ledgers to bank statements each month.', [
        'the unmatched items',
        'the timing differences',
      ]),
      c('Budgeting and forecasting', 'finance', 'Prepares budgets and explains variances.', [
        'the variance explanation',
        'the phasing of the budget',
      ]),
      c('Excel', 'data-and-sql', 'Uses lookups, pivot tables and clean layouts.', [
        'the lookup formula',
        'the pivot table',
      ]),
    ],
  },
  {
    field: 'design',
    jobs: ['Product Designer', 'UX Researcher', 'Senior Visual Designer'],
    criteria: [
      c('UX research', 'design', 'Plans and runs studies that answer product questions.', [
        'the research plan',
        'the interview questions',
      ]),
      c('Visual design', 'design', 'Creates clear, consistent layouts and type.', [
        'the type scale',
        'the spacing in the mock-up',
      ]),
      c('Prototyping', 'design', 'Builds prototypes fast enough to test ideas.', [
        'the prototype',
        'the flow for new users',
      ]),
    ],
  },
  {
    field: 'customer',
    jobs: ['Customer Support Specialist', 'Customer Success Manager'],
    criteria: [
      c('Customer Service Skills', 'customer-work', 'Resolves issues calmly and follows up.', [
        'the refund case',
        'the follow-up email',
      ]),
      c('Complaint handling', 'customer-work', 'Turns complaints into clear next steps.', [
        'the angry caller scenario',
        'the escalation path',
      ]),
    ],
  },
  {
    field: 'general',
    jobs: [],
    criteria: [
      c('Written communication', 'writing', 'Writes clearly and concisely for the reader.', [
        'the written summary',
        'the email exercise',
      ]),
      c('Stakeholder management', 'stakeholder-work', 'Works with people across teams to reach decisions.', [
        'the conflicting requests',
        'the update to senior managers',
      ]),
      c('Leadership', 'leadership', 'Leads projects and develops others.', [
        'the team conflict',
        'the delegation example',
      ]),
      c('ATTENTION TO DETAIL', 'attention-to-detail', 'Accurate, error-free work.', [
        'the figures in the report',
        'the names in the letter',
      ]),
      c('Problem solving', 'problem-solving', 'Breaks down unfamiliar problems and checks answers.', [
        'the estimation question',
        'the case question',
      ]),
      c('Project planning', 'planning', 'Plans work so that deadlines are met.', [
        'the project timeline',
        'the risks',
      ]),
      c('Teamwork', 'teamwork', 'Works well with others to share the load.', [
        'the group exercise',
        'the shared task',
      ]),
      c('Verbal communication', 'presenting', 'Explains ideas clearly out loud.', [
        'the explanation of the project',
        'the answer to the follow-up question',
      ]),
    ],
  },
];

const CANDIDATES = [
  'Sam Rivera',
  'Aisha Khan',
  'Tomás Ortega',
  'Mei Lin',
  'Jordan Blake',
  'Ngozi Eze',
  'Lars Berg',
];
const ORGS = [
  'Northwind',
  'The Ridgeway Trust',
  'Acme Inc.',
  'Bluebird Health',
  'Kestrel & Co',
  'Harbour Schools',
];
const INTERVIEWERS = ['Priya Natarajan', 'Marcus Olsen', 'Dana Whitfield', 'Will Hart', 'Jo-Anne Baptiste'];

/** How an interviewer wrote the note: `{t}` is the topic, `{n}` the candidate's first name. */
const GAP_NOTES: Record<'short' | 'long' | 'messy' | 'third', string[]> = {
  short: [
    'Unsure about {t}.',
    'Missed {t}.',
    'Could not explain {t}.',
    'Struggles with {t}.',
    'No answer on {t}.',
    'Used the wrong approach for {t} and could not say why.',
    'Offered a guess on {t} before checking the facts.',
  ],
  long: [
    'We asked the candidate to walk through {t}. The candidate gave a partial answer and did not check the result. When prompted, the candidate corrected one step but missed the second one.',
    'The candidate spent most of the exercise on setup and only reached {t} in the last five minutes. The answer on {t} left out the main risk, and the candidate did not come back to it when asked.',
    'Across the session the candidate knew the basics but could not go further on {t}, even with a hint. The candidate said they had not worked on this before.',
  ],
  messy: [
    '- {t}: not covered\n- needed two hints',
    '{t}... unclear',
    'Q3 - {t}: hesitated, no clear answer',
    'Given a question on {t}, got stuck after the first step',
    'weak on {t}; didnt check the answer',
    '{t} — missed it entirely...',
    'Tested the easy case only, nothing on {t}',
  ],
  third: [
    'The candidate could not explain {t}.',
    'She struggled with {t} and needed two prompts.',
    'He did not mention {t} at all.',
    '{n} was unsure about {t}.',
    'Candidate tends to skip {t}.',
    'We asked the candidate about {t}; she could not answer.',
  ],
};

const STRENGTH_NOTES = [
  'The candidate explained {t} clearly.',
  'Strong on {t}.',
  '- {t}: excellent, clear answer',
  '{n} handled {t} well and checked the result.',
  'She gave a thorough answer on {t}.',
];

export interface Scenario {
  seed: number;
  field: string;
  input: ComposeInput;
  /** Criterion id to the family its pointer should come from. */
  families: Map<string, string>;
  descriptions: string[];
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

const STAGE_PATHS: Stage[][] = [
  ['screen'],
  ['screen', 'interview'],
  ['interview'],
  ['screen', 'interview', 'final'],
  ['screen', 'final'],
  ['interview', 'interview', 'interview'],
];

/** One generated hiring outcome; the same seed gives the same scenario. */
export function scenario(seed: number): Scenario {
  const r = rng(seed);
  const fields = FIELDS.filter((f) => f.jobs.length > 0);
  const field = pick(r, fields);
  const general = FIELDS.find((f) => f.field === 'general')?.criteria ?? [];
  // Mostly the field's own criteria, sometimes a general one or one from another field.
  const pool = [...field.criteria, ...general.filter(() => r() < 0.4)];
  if (r() < 0.25) pool.push(pick(r, pick(r, fields).criteria));
  const count = 2 + Math.floor(r() * 5);
  const chosen: CriterionSpec[] = [];
  for (const spec of [...pool].sort(() => r() - 0.5)) {
    if (chosen.length >= count) break;
    if (!chosen.some((x) => x.name === spec.name)) chosen.push(spec);
  }
  const criteria = chosen.map((spec, i) => ({ id: `c${i}`, name: spec.name, description: spec.description }));
  const candidateName = pick(r, CANDIDATES);
  const first = candidateName.split(' ')[0] ?? '';
  const stages = pick(r, STAGE_PATHS);
  const style = pick(r, ['short', 'long', 'messy', 'third', 'mixed'] as const);
  const scorecards: ComposeScorecard[] = stages.map((stage, i) => ({
    id: `sc${i}`,
    stage,
    interviewerName: pick(r, INTERVIEWERS),
    notes: 'PRIVATE note',
    ratings: chosen.map((spec, k) => {
      // The first two criteria lean low, the last one high, so most outcomes have gaps and a strength.
      const lean = k < 2 ? 0.7 : k === chosen.length - 1 ? 0.15 : 0.45;
      const rating = (r() < lean ? 1 + Math.floor(r() * 2) : 3 + Math.floor(r() * 2)) as 1 | 2 | 3 | 4;
      const s = style === 'mixed' ? pick(r, ['short', 'long', 'messy', 'third'] as const) : style;
      const template = rating < 3 ? pick(r, GAP_NOTES[s]) : pick(r, STRENGTH_NOTES);
      const evidence = template.replaceAll('{t}', pick(r, spec.topics)).replaceAll('{n}', first);
      return { criterionId: `c${k}`, rating, evidence };
    }),
  }));
  const reason = pick(r, DEFAULT_REJECTION_REASONS);
  return {
    seed,
    field: field.field,
    input: {
      organizationName: pick(r, ORGS),
      jobTitle: pick(r, field.jobs),
      candidateName,
      reason,
      criteria,
      scorecards,
    },
    families: new Map(chosen.map((spec, i) => [`c${i}`, spec.family])),
    descriptions: chosen.map((spec) => spec.description),
  };
}

export type Problem =
  | 'pasted-description'
  | 'repeated-sentence'
  | 'double-punctuation'
  | 'gap-without-evidence'
  | 'gap-without-specific-pointer'
  | 'checker-finding'
  | 'too-long'
  | 'private-or-name';

function words(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** A description is pasted when four of its words in a row appear in the letter. */
export function pastesDescription(body: string, description: string): boolean {
  const b = ` ${words(body).join(' ')} `;
  const d = words(description);
  for (let i = 0; i + 4 <= d.length; i++) if (b.includes(` ${d.slice(i, i + 4).join(' ')} `)) return true;
  return d.length > 0 && d.length < 4 && b.includes(` ${d.join(' ')} `);
}

/** The letter's content sentences: without the greeting, the headings and the sign-off. */
export function contentSentences(out: ComposedFeedback): string[] {
  const headings = new Set([
    ...(out.sections.strength ? ['What went well'] : []),
    ...out.sections.gaps.map((g) => g.criterion),
  ]);
  return splitSentences(out.body)
    .map((s) => s.text)
    .filter((t) => t !== out.sections.greeting && !out.sections.signOff.includes(t) && !headings.has(t));
}

/** Everything wrong with a draft for its scenario. */
export function problems(s: Scenario, out: ComposedFeedback): Problem[] {
  const found = new Set<Problem>();
  const { body } = out;
  if (s.descriptions.some((d) => pastesDescription(body, d))) found.add('pasted-description');
  const seen = new Set<string>();
  for (const sentence of splitSentences(body)) {
    const k = sentence.text.toLowerCase();
    if (seen.has(k)) found.add('repeated-sentence');
    seen.add(k);
  }
  if (/[,;:]\s*[,;:.!?]|[.!?]\s*[,;:]|(?<!\.)\.\.(?!\.)|[!?]\./.test(body)) found.add('double-punctuation');
  for (const gap of out.sections.gaps) {
    if (gap.evidence.length === 0 || gap.saw.length === 0) found.add('gap-without-evidence');
    const expected = s.families.get(gap.criterionId);
    const family = SKILL_FAMILIES.find((f) => f.id === gap.pointer);
    if (!family || gap.pointer !== expected || !family.marks.test(gap.practise))
      found.add('gap-without-specific-pointer');
  }
  if (check(body, { mode: 'feedback' }).length > 0) found.add('checker-finding');
  if (contentSentences(out).length > out.policy.maxSentences) found.add('too-long');
  const names = s.input.scorecards.flatMap((x) => x.interviewerName.split(/[\s-]+/));
  if (body.includes('PRIVATE') || names.some((n) => new RegExp(`\\b${n}\\b`).test(body)))
    found.add('private-or-name');
  return [...found];
}
