// Improvement themes: feedback (from Debrief or logged by hand) mapped to the areas a candidate can work on, charted
// across rejections, turned into actions, and recalled before the next interview for a role that needs them.
// Pure and deterministic: no I/O, no clock; browser-safe.
//
// Vocabulary. Each theme has two kinds of phrases, matched case-insensitively in one pass over the text:
// - GAP phrases say by themselves that something fell short ("missed two typos", "hard to follow", "unprepared",
//   "someone with more years", "the role was filled internally"). They count unless negated just before ("did not
//   seem unprepared").
// - TOPIC phrases only name an area ("system design", "communication", "attention to detail"). They count only when
//   their clause says it fell short (missed, lacked, not, below, gap, improve, work on, ...) or states it as a
//   requirement, and never in a clause of praise ("great communication, but ..."; "the one thing you did best was
//   communication"). A clause is cut at "but", "however", "although", ";" and ":"; with no cue in the clause, the
//   sentence decides (a shortfall and no praise).
// Single words that are everyday English ("detail", "test", "lead", "design") are never topics on their own: "I
// will detail my plan" names no theme.

import { splitSentences } from './text';

export interface Theme {
  id: string;
  label: string;
  description: string;
  suggestedActions: string[];
}

export const THEMES: readonly Theme[] = Object.freeze([
  {
    id: 'attention-to-detail',
    label: 'Attention to detail',
    description:
      'Typos, small errors, missed edge cases or instructions; work that was rushed or not checked.',
    suggestedActions: [
      'Keep a list of the mistakes you tend to make and check every piece of work against it before you send it',
      'Re-read the brief after finishing an exercise and tick off each requirement',
      'In coding exercises, list the edge cases (empty, one, many, invalid) before you start',
    ],
  },
  {
    id: 'technical-depth',
    label: 'Technical depth',
    description:
      'Knowledge of the tools and concepts the role uses, beyond the surface: how and why they work.',
    suggestedActions: [
      'Pick one tool you use daily and study how it works underneath; explain it to someone in five minutes',
      'Review the fundamentals the role lists and write a short note on each from memory',
      'Build a small project that uses the core technology of the roles you apply for',
    ],
  },
  {
    id: 'communication',
    label: 'Communication',
    description: 'Explaining your thinking clearly and concisely, in speech and in writing, and listening.',
    suggestedActions: [
      'Practise explaining a recent piece of work in two minutes: the problem, what you did, the result',
      'Record yourself answering a question and cut the answer to half its length',
      'Ask someone whose writing you trust to review a short document of yours for clarity',
    ],
  },
  {
    id: 'interview-structure',
    label: 'Interview structure',
    description:
      'Shaping answers: concrete examples, a clear structure (situation, task, action, result), timing.',
    suggestedActions: [
      'Write five stories from your work in situation-task-action-result form and rehearse them aloud',
      'Time your answers in a mock interview: aim for two minutes, then stop and check the question was answered',
      'Do a mock interview with a friend or a coach and ask for one thing to change',
    ],
  },
  {
    id: 'experience-gap',
    label: 'Experience gap',
    description:
      'The role needed hands-on experience (a kind of work, a tool, a domain) you have not had yet.',
    suggestedActions: [
      'Name the experience the role asked for and find one way to get it: a project, a course with practical work, a task at your current job',
      'Describe the closest experience you do have in your applications, with what you built and learned',
      'Aim the next applications at roles whose requirements match your experience today',
    ],
  },
  {
    id: 'system-design',
    label: 'System design',
    description: 'Designing systems end to end: components, data flow, scale, failure and trade-offs.',
    suggestedActions: [
      'Practise designing a system out loud: requirements, components, data flow, then trade-offs',
      'For each design, ask what happens when one part fails or traffic grows tenfold',
      'Read two architecture write-ups of real systems and summarise their trade-offs',
    ],
  },
  {
    id: 'problem-solving',
    label: 'Problem solving',
    description:
      'Approaching unfamiliar problems: clarifying, breaking them down, trying a simple approach, checking.',
    suggestedActions: [
      'Work through unfamiliar problems out loud: clarifying questions, assumptions, a simple approach first',
      'Do timed practice problems and review each one afterwards: where did you get stuck, and why',
    ],
  },
  {
    id: 'domain-knowledge',
    label: 'Domain knowledge',
    description: 'The field the role works in: its customers, products, market and rules.',
    suggestedActions: [
      'Study the field of your target roles: its main products, customers and regulations',
      'Connect your own work to that field with two concrete examples for your answers',
    ],
  },
  {
    id: 'leadership',
    label: 'Leadership',
    description: 'Leading work and people: ownership, decisions, mentoring, influence.',
    suggestedActions: [
      'Prepare two examples where you led a piece of work: the decisions, how you made them, what changed',
      'Take the lead on one piece of work or mentor someone, and note what you learn',
    ],
  },
  {
    id: 'collaboration',
    label: 'Collaboration',
    description: 'Working with others: stakeholders, other teams, disagreement, openness to input.',
    suggestedActions: [
      'Prepare two examples of bringing people with different goals to a decision, including a disagreement',
      'In the next pairing exercise, ask for input early and build on it visibly',
    ],
  },
  {
    id: 'testing',
    label: 'Testing and quality',
    description: 'Testing your own work: what to test, automated tests, a plan for quality.',
    suggestedActions: [
      'Write tests alongside the code in your next project, covering edge cases and failure paths',
      'Be ready to explain how you decide what to test, with an example',
    ],
  },
  {
    id: 'qualifications',
    label: 'Qualifications',
    description: 'A qualification, certification, licence or degree the role requires.',
    suggestedActions: [
      'Check which qualification the role lists and the route to gaining it',
      'State qualifications you hold, or are working towards, clearly in your applications',
    ],
  },
  {
    id: 'preparation',
    label: 'Preparation',
    description:
      'Knowing the company, the role and the job description before the interview; questions to ask.',
    suggestedActions: [
      'Before each interview, read the job description, the company site and recent news; write down why this role',
      'Prepare three questions for the interviewers about the team and the work',
    ],
  },
  {
    id: 'beyond-my-control',
    label: 'Beyond my control',
    description:
      'Reasons with the role, not you: filled internally, cancelled, changed, a budget or a freeze.',
    suggestedActions: [
      'Note it and move on: nothing here says your interviews fell short',
      'Ask to be considered for future roles at the company',
    ],
  },
] satisfies Theme[]);

const THEME_BY_ID = new Map(THEMES.map((t) => [t.id, t]));

export function findTheme(id: string): Theme | undefined {
  return THEME_BY_ID.get(id);
}

interface Vocabulary {
  /** Phrases that say by themselves that something fell short. */
  gap: string[];
  /** Phrases that name an area; they need a shortfall or a requirement in their clause. */
  topic: string[];
}

/**
 * Regular-expression sources, lower case; a space stands for any white space. Only phrases: a single everyday word
 * ("detail", "test", "design") is never enough.
 */
const VOCABULARY: Record<string, Vocabulary> = {
  'attention-to-detail': {
    gap: [
      'typos?',
      '(?:spelling|grammar|grammatical|formatting) (?:mistakes|errors|issues)',
      'careless(?:ly| mistakes| errors)?',
      'sloppy|sloppiness',
      "miss(?:ed|es|ing) (?:[\\w'-]+ ){0,3}?(?:errors?|mistakes?|typos?|details?|edge[- ]cases?|corner[- ]cases?|steps?|bugs?|inconsistenc(?:y|ies)|discrepanc(?:y|ies)|instructions|requirements?)",
      '(?:small|minor|silly|simple|several|a few|a couple of|two|three|four|some|basic|obvious|avoidable) (?:mistakes|errors|inaccuracies|slips)',
      'rushed (?:through )?(?:the|my|your|a|an|it|this|his|her|their)',
      'inaccura(?:te|cy|cies)',
      '(?:got|had) (?:the |some |a few )?(?:numbers|figures|names|dates|details|calculations?) wrong',
      '(?:overlooked|skipped|ignored) (?:the |some |a few |several )?(?:details?|instructions|requirements|edge cases|steps)',
      "(?:didn't|did not) (?:follow|read) the (?:instructions|brief)",
      "(?:didn't|did not|failed to|forgot to) (?:proofread|double[- ]check|check (?:your|my|his|her|their) work)",
    ],
    topic: [
      'attention to (?:the )?details?',
      'detail[- ]oriented',
      '(?:an )?eye for detail',
      'accuracy',
      'proofread(?:ing)?',
      '(?:edge|corner)[- ]cases?',
      'precision',
      'thoroughness',
    ],
  },
  'technical-depth': {
    gap: [
      '(?:surface[- ]level|shallow|superficial|textbook) (?:knowledge|understanding|answers?|grasp)',
      "(?:didn't|did not|couldn't|could not|unable to) go (?:any )?deeper",
      '(?:lacked|lacking|lack of|needed more|more) (?:technical )?depth',
      '(?:struggled|struggling) with (?:the )?(?:technical|coding|programming|live coding|take[- ]home)',
      '(?:knowledge|understanding|answers?|grasp) (?:of [\\w#+.-]+ )?(?:was|were|seemed|felt) (?:a bit |quite |rather |somewhat |too |a little )?(?:shallow|superficial|basic|surface[- ]level|thin)',
      "(?:couldn't|could not|didn't|did not|wasn't able to|unable to) (?:explain|describe) (?:how|why) (?:[\\w'-]+ ){0,3}?(?:works?|worked|is implemented)",
    ],
    topic: [
      'technical depth',
      'depth of (?:knowledge|understanding)',
      'technical (?:knowledge|skills?|abilit(?:y|ies)|understanding|foundations?)',
      '(?:coding|programming) (?:skills?|abilit(?:y|ies))',
      '(?:cs |computer science |engineering )?fundamentals',
      '(?:core|computer science) concepts',
      'internals',
      'under the hood',
      'data structures?',
      '(?:sql|python|java|javascript|typescript|react|kubernetes|aws|language|framework) (?:knowledge|skills)',
      '(?:knowledge|understanding) of (?:sql|python|java|javascript|typescript|react|go|rust|c#|kotlin|swift|kubernetes|aws|the language|the framework|the stack)',
    ],
  },
  communication: {
    gap: [
      '(?:hard|difficult|tricky) to follow',
      'rambl(?:ed|ing|e|y)',
      'long[- ]winded',
      'verbose',
      '(?:unclear|vague|confusing|muddled|disorganised|disorganized) (?:answers?|explanations?|responses?|writing|emails?|communication)',
      "(?:didn't|did not) (?:listen|explain (?:your|his|her|their|my) (?:thinking|reasoning|approach))",
      'talked over',
      'interrupt(?:ed|ing) (?:the interviewers?|me|them|us|the panel)',
    ],
    topic: [
      'communicat(?:ion|ions|ing|ed|e)',
      'writing (?:style|skills)',
      'written (?:answers|english)',
      'presentation skills',
      'present(?:ing|ed)? (?:your|the|his|her|their) (?:work|ideas|solution|findings)',
      'explain(?:ed|ing)? (?:your|his|her|their|my) (?:thinking|reasoning|approach|thought process|decisions)',
      'thought process',
      '(?:think|thinking|talk|talking|talked) (?:out loud|aloud)',
      'listening',
      'concise(?:ly|ness)?',
      'articulat(?:e|ed|ing) (?:your|his|her|their|my)',
      'clarity',
    ],
  },
  'interview-structure': {
    gap: [
      '(?:ran|running|run|went|going) (?:out of|over) time',
      '(?:unstructured|meandering|rambling) (?:answers?|responses?)',
      '(?:overly |over-|too )rehearsed',
      '(?:answers|responses) (?:were |was )?(?:too )?(?:long|short|brief|generic)',
      '(?:too )?generic (?:answers?|examples?|responses?)',
      '(?:went|go|going|got) off (?:on )?(?:a )?tangents?',
      'off[- ]topic',
      "(?:didn't|did not|never) (?:really )?answer(?:ed)? the question",
    ],
    topic: [
      'star (?:method|format|structure|framework|technique)',
      'structur(?:e|ed|ing) (?:your |my |the |his |her |their )?(?:answers?|responses?|examples?|stories)',
      '(?:specific|concrete|real|relevant) examples?',
      '(?:interview|interviewing) (?:technique|skills|style|performance)',
      'time management',
      '(?:answer|answered|answering|address(?:ed)?) the (?:actual )?question',
    ],
  },
  'experience-gap': {
    gap: [
      "more (?:[\\w'-]+ ){0,2}?(?:experience|years)",
      'more (?:senior|experienced)',
      '(?:more|longer) (?:track record|tenure)',
      'someone (?:with|who had|who has) more',
      "(?:lack(?:ed|ing|s)?(?: of)?|limited|little|no|not enough|insufficient|less) (?:[\\w'-]+ ){0,2}?experience",
      "(?:not|wasn't|isn't) (?:yet |quite )?(?:senior|experienced) enough",
      'under[- ]?qualified',
      'more qualified',
      'experience gap',
      '(?:background|experience) (?:does|did) not (?:yet )?cover',
      '(?:new|newer) to (?:the|this) (?:field|industry|area|technology|stack)',
    ],
    topic: [
      '(?:relevant|direct|hands-on|practical|professional|commercial|prior|previous|industry) experience',
      'experience (?:with|in|of|using)',
      'track record',
      'seniority',
      "years of (?:[\\w'-]+ ){0,2}?experience",
    ],
  },
  'system-design': {
    gap: [
      "what happens when (?:a |the |one )?(?:[\\w'-]+ ){0,2}?(?:fails|goes down|crashes|is down|times out|breaks)",
      'single points? of failure',
    ],
    topic: [
      'systems? design',
      'system architecture',
      'architectur(?:e|al) (?:decisions|choices|thinking|design)',
      'scal(?:e|es|ed|ing|ability|able)',
      'distributed systems?',
      'trade[- ]offs?',
      'fault[- ]toleran(?:ce|t)',
      'failure (?:modes?|cases?|scenarios?|handling)',
      'high availability',
      'load balanc(?:ing|er|ers)',
      'data model(?:s|ling|ing)?',
      'design(?:ing)? (?:a |the )?(?:system|service|api|schema)',
      'bottlenecks?',
    ],
  },
  'problem-solving': {
    gap: [
      '(?:got|was|were|seemed|getting) stuck',
      'needed (?:a lot of |lots of |many |several |some |a few )?(?:hints|prompting|nudges)',
      'jump(?:ed|ing)? (?:straight )?(?:in|into) (?:coding|the code|a solution|the solution|code)',
      "(?:didn't|did not|couldn't|could not) (?:solve|finish|complete) (?:the )?(?:problem|task|exercise|challenge|question)",
      "(?:didn't|did not) ask (?:any )?clarifying questions",
    ],
    topic: [
      'problem[- ]solving',
      'analytical (?:skills|thinking|abilit(?:y|ies))',
      'reasoning (?:skills|abilit(?:y|ies))',
      '(?:flawed|faulty|weak) reasoning',
      'algorithm(?:s|ic)?',
      'debugg(?:ing|ed)',
      'troubleshoot(?:ing|ed)?',
      '(?:approach|approached) (?:to )?(?:the )?(?:problem|task|exercise|question)',
      '(?:break|broke|breaking) (?:the |a )?(?:problem|task) down',
      '(?:break|broke|breaking) down (?:the |a )?(?:problem|task)',
      'clarifying questions',
      '(?:time|space|algorithmic) complexity',
      'brute[- ]force',
      'logical (?:thinking|reasoning)',
    ],
  },
  'domain-knowledge': {
    gap: [],
    topic: [
      'domain (?:knowledge|expertise|understanding)',
      '(?:industry|sector|market|business|product|regulatory) (?:knowledge|expertise|understanding|context|awareness|acumen)',
      "(?:knowledge|understanding|awareness) of (?:the |our |their )?(?:[\\w'-]+ )?(?:industry|sector|market|domain|regulations?|customers|users|business)",
      'commercial awareness',
      'regulat(?:ion|ions|ory)',
    ],
  },
  leadership: {
    gap: [],
    topic: [
      'leadership',
      'lead(?:ing)? (?:a |the )?(?:team|teams|people|projects?|initiatives?)',
      'led (?:a |the )?(?:team|teams|projects?)',
      'mentor(?:s|ing|ship|ed)?',
      'people management',
      'manag(?:e|ed|ing) (?:people|a team|teams|others|reports)',
      '(?:take|took|taking) ownership',
      'ownership',
      'decision[- ]making',
      'strategic (?:thinking|vision|planning)',
      'influenc(?:e|ing) (?:others|stakeholders|people|decisions)',
      'delegat(?:e|ion|ing)',
    ],
  },
  collaboration: {
    gap: ['dismissive of (?:feedback|suggestions|input|hints)'],
    topic: [
      'collaborat(?:ion|ive|ing|e|ed)',
      'team ?work',
      'team player',
      'work(?:ing|ed)? (?:with|across) (?:others|teams|other teams|stakeholders|colleagues)',
      'stakeholders?(?: management)?',
      'cross[- ]functional',
      'pair(?:ing)? programming',
      '(?:receptive|open) to (?:feedback|input|suggestions|ideas)',
      'working relationships?',
    ],
  },
  testing: {
    gap: ["(?:no|didn't write|did not write|without) (?:any )?(?:unit |automated |integration )?tests"],
    topic: [
      'testing',
      'test coverage',
      '(?:unit|integration|automated|end-to-end) tests?',
      'test cases?',
      'test[- ]driven',
      'tdd',
      'test (?:strategy|plan|approach)',
      "(?:wrote|write|writing|written) (?:[\\w'-]+ )?tests",
      'quality assurance',
    ],
  },
  qualifications: {
    gap: [
      '(?:missing|lack(?:ed|ing|s)?|without|no) (?:the |a |an )?(?:required |relevant |necessary )?(?:qualifications?|certifications?|degree|licen[cs]e)',
    ],
    topic: [
      'qualifications?',
      'certif(?:icate|icates|ication|ications|ied)',
      'licen[cs]e[ds]?',
      'accreditation',
    ],
  },
  preparation: {
    gap: [
      'unprepared',
      'under[- ]?prepared',
      "(?:not|wasn't|weren't|didn't seem|did not seem) (?:very |well |adequately |fully |sufficiently )?prepared",
      "(?:didn't|did not|hadn't|had not|hasn't|haven't) (?:[\\w'-]+ )?(?:research(?:ed)?|read(?: up on)?|look(?:ed)? (?:at|into)|know|understand) (?:[\\w'-]+ ){0,3}?(?:company|product|products|business|website|job description|mission|organi[sz]ation)",
      '(?:knew|know|knowledge of) (?:little|nothing|very little) about (?:the |our |their )?(?:company|product|business|team|role|mission|organi[sz]ation)',
      "(?:didn't|did not|never) ask (?:any|many) questions",
      'no questions (?:for|about)',
    ],
    topic: [
      'preparation',
      'prepar(?:e|ed|ing) (?:for )?(?:the |your |my |an )?(?:interview|meeting|presentation)',
      'research(?:ing)? (?:the |our )?(?:company|organi[sz]ation|business|product)',
      'job description',
      'why (?:you|I) (?:want|wanted) (?:this|the) (?:role|job)',
      'motivation for (?:the|this) (?:role|job)',
    ],
  },
  'beyond-my-control': {
    gap: [
      '(?:filled|hired) internally',
      'internal (?:candidate|hire|applicant|transfer|move|promotion)',
      'fill(?:ed)? (?:the |this )?(?:role|position|job|vacancy) (?:from within|internally)',
      "(?:role|position|job|vacancy|opening|post|requisition|headcount) (?:was|has been|had been|is|got|have been|were) (?:(?!not\\b)[\\w'-]+ )?(?:cancell?ed|closed|put on hold|on hold|frozen|withdrawn|pulled|eliminated|cut|filled|scrapped|paused|re-?scoped|changed)",
      '(?:role|position|job) no longer exists',
      '(?:the )?requirements (?:of (?:this|the) (?:role|position) )?(?:have |had )?changed',
      '(?:job|role) (?:spec|specification|description|scope) (?:has |had )?changed',
      'no longer (?:recruiting|hiring|filling)',
      '(?:decided|decision) not to fill',
      '(?:have|has) (?:now )?filled (?:this|the) (?:role|position|job|vacancy)',
      'hiring freeze',
      'budget (?:cuts?|freeze|constraints?|was cut|reasons)',
      'restructur(?:e|ed|ing)',
      'reorg(?:ani[sz]ation)?',
      'over[- ]?qualified',
      'visa sponsorship',
      "(?:couldn't|could not|cannot|can't|unable to) sponsor",
    ],
    topic: [],
  },
};

/** A clause says something fell short. */
const SHORTFALL =
  /\b(?:miss(?:ed|es|ing)?|lack(?:ed|ing|s)?|not|never|no|none|without|below|gaps?|weak(?:er|ness|nesses)?|struggl\w*|improv\w*|work(?:ing)? on|needs work|limited|insufficient|inadequate|poor(?:ly)?|unclear|unsure|difficult(?:y|ies)?|hard(?:er)?|could have|should have|concerns?|concerned|issues?|problems?|errors?|mistakes?|fell short|short of|room for|lower|less|fewer|too|instead of|rather than|wanted (?:more|to see)|would have liked|hoped for|more|needs? (?:more|to)|needed|should|brush(?:ing)? up|refresh|revisit)\b|n['’]t\b/i;
/** A clause that clears the area ("no concerns about your communication", "couldn't fault"). */
const NO_CONCERN =
  /\b(?:no|without|never any) (?:real |major |significant |serious |particular )?(?:concerns?|issues?|problems?|doubts?|complaints?)\b|\b(?:couldn't|could not|can't|cannot) fault\b/i;
/** A clause states a requirement (composer drafts: "Testing is a requirement of this role"). */
const REQUIREMENT = /\b(?:requirements?|required|requires|require|essential)\b/i;
/** A clause praises. */
const PRAISE =
  /\b(?:did best|strengths?|strong(?:ly)?|excellent|great|impressive|impressed|good|well|exceeded|exceptional|outstanding|solid|clear|confident(?:ly)?|thoughtful|liked|enjoyed|highlights?|comfortabl[ey]|praised|positive|fantastic|brilliant|met what|nailed|loved)\b/i;
/** A negation just before a gap phrase clears it ("did not seem unprepared"; not "did not cover what happens when"). */
const NEGATED =
  /(?:\b(?:not|never|no|without)|n['’]t)\s+(?:(?:seem|seemed|feel|felt|look|looked|appear|appeared|come across as|came across as|really|at all|particularly|too|very|be|being|get|getting)\s+){0,2}$/i;
/** Where a sentence divides into clauses. */
const CLAUSE_BREAK = /[;:—–]|\s-\s|,?\s+\b(?:but|however|although|though|whereas|yet|except)\b/gi;

interface Alternative {
  theme: string;
  kind: 'gap' | 'topic';
  source: string;
}

function weight(source: string): number {
  const literal = source.replace(/\\.|\[[^\]]*\]|[()?:|*+{}^$]/g, '');
  const words = (source.match(/ /g) ?? []).length;
  return words * 1000 + literal.length;
}

const ALTERNATIVES: Alternative[] = (() => {
  const out: Alternative[] = [];
  for (const theme of THEMES) {
    const v = VOCABULARY[theme.id];
    if (!v) continue;
    for (const source of v.gap) out.push({ theme: theme.id, kind: 'gap', source });
    for (const source of v.topic) out.push({ theme: theme.id, kind: 'topic', source });
  }
  // The longer phrase wins where two start at the same place; stable for equal weights.
  return out
    .map((a, i) => ({ a, i, w: weight(a.source) }))
    .sort((x, y) => y.w - x.w || x.i - y.i)
    .map((x) => x.a);
})();

/** One expression for the whole vocabulary: group n + 1 is ALTERNATIVES[n]. */
const COMBINED = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${ALTERNATIVES.map((a) => `(${a.source.replace(/ /g, '\\s+')})`).join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

export interface ThemeMatch {
  theme: string;
  /** The sentence that matched; text.slice(start, end) === evidence. */
  evidence: string;
  start: number;
  end: number;
  /** The phrase that matched, inside the sentence. */
  phrase: { text: string; start: number; end: number };
}

interface Span {
  start: number;
  end: number;
}

/** The clause of sentence s (offsets in text) around [at, atEnd). */
function clauseAround(text: string, s: Span, at: number, atEnd: number): Span {
  const sentence = text.slice(s.start, s.end);
  let from = s.start;
  let to = s.end;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(sentence); m !== null; m = CLAUSE_BREAK.exec(sentence)) {
    const b0 = s.start + m.index;
    const b1 = b0 + m[0].length;
    if (b1 <= at) from = b1;
    else if (b0 >= atEnd) {
      to = b0;
      break;
    }
  }
  return { start: from, end: to };
}

function accepts(alt: Alternative, text: string, sentence: Span, start: number, end: number): boolean {
  const clause = clauseAround(text, sentence, start, end);
  if (alt.kind === 'gap') return !NEGATED.test(text.slice(clause.start, start));
  const c = text.slice(clause.start, clause.end);
  if (NO_CONCERN.test(c)) return false;
  if (SHORTFALL.test(c)) return true;
  if (PRAISE.test(c)) return false;
  if (REQUIREMENT.test(c)) return true;
  const s = text.slice(sentence.start, sentence.end);
  return SHORTFALL.test(s) && !PRAISE.test(s);
}

/**
 * The improvement themes a piece of feedback names, in the order of their first evidence: each theme at most once,
 * with the sentence it was first found in. Praise, neutral text and bare everyday words name no theme.
 */
export function themesOf(text: string): ThemeMatch[] {
  const sentences = splitSentences(text);
  const out: ThemeMatch[] = [];
  const seen = new Set<string>();
  let si = 0;
  COMBINED.lastIndex = 0;
  for (let m = COMBINED.exec(text); m !== null; m = COMBINED.exec(text)) {
    let g = 1;
    while (g < m.length && m[g] === undefined) g++;
    const alt = ALTERNATIVES[g - 1];
    const start = m.index;
    const end = start + m[0].length;
    while (si < sentences.length && sentences[si]!.end <= start) si++;
    const sentence = sentences[si] ?? { start: 0, end: text.length };
    if (!alt || seen.has(alt.theme) || !accepts(alt, text, sentence, start, end)) {
      // Let a phrase of another theme starting at the next character have its chance.
      COMBINED.lastIndex = start + 1;
      continue;
    }
    seen.add(alt.theme);
    // Phrases of other themes may start inside this one ("more leadership experience").
    COMBINED.lastIndex = start + 1;
    out.push({
      theme: alt.theme,
      evidence: text.slice(sentence.start, sentence.end),
      start: sentence.start,
      end: sentence.end,
      phrase: { text: m[0], start, end },
    });
  }
  return out;
}

export interface ThemeSummary {
  theme: string;
  label: string;
  /** How many items name the theme (an item that names it twice counts once). */
  count: number;
  sources: { id: string; evidence: string }[];
}

/** The themes across many pieces of feedback (one per rejection), most frequent first, then by label. */
export function summarizeThemes(items: { id: string; text: string }[]): ThemeSummary[] {
  const byTheme = new Map<string, ThemeSummary>();
  for (const item of items) {
    for (const match of themesOf(item.text)) {
      let s = byTheme.get(match.theme);
      if (!s) {
        s = {
          theme: match.theme,
          label: findTheme(match.theme)?.label ?? match.theme,
          count: 0,
          sources: [],
        };
        byTheme.set(match.theme, s);
      }
      s.count++;
      s.sources.push({ id: item.id, evidence: match.evidence });
    }
  }
  return [...byTheme.values()].sort(
    (a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
  );
}

// Which themes a role's interviews test. The first family whose title pattern matches gives the base list; words in
// the title (lead, manager, senior) and in the description add to it. Never experience-gap or beyond-my-control:
// an action on those is about the past role, not about preparing for the next.

interface RoleFamily {
  id: string;
  title: RegExp;
  themes: string[];
}

export const ROLE_FAMILIES: readonly RoleFamily[] = [
  {
    id: 'qa',
    title: /\b(?:qa|quality assurance|test(?:ing)?|sdet)\b/i,
    themes: [
      'testing',
      'attention-to-detail',
      'technical-depth',
      'problem-solving',
      'communication',
      'interview-structure',
    ],
  },
  {
    id: 'product',
    title: /\b(?:product (?:manager|owner|lead)|program(?:me)? manager|project manager|scrum master)\b/i,
    themes: [
      'problem-solving',
      'communication',
      'collaboration',
      'domain-knowledge',
      'leadership',
      'preparation',
      'interview-structure',
    ],
  },
  {
    id: 'backend',
    title:
      /\b(?:back[- ]?end|platform|infrastructure|infra|site reliability|sre|devops|cloud|distributed|architect|data engineer(?:ing)?|systems? engineer)\b/i,
    themes: ['technical-depth', 'system-design', 'problem-solving', 'communication', 'interview-structure'],
  },
  {
    id: 'frontend',
    title: /\b(?:front[- ]?end|ui engineer|ios|android|mobile|web developer)\b/i,
    themes: [
      'technical-depth',
      'problem-solving',
      'attention-to-detail',
      'communication',
      'interview-structure',
    ],
  },
  {
    id: 'data',
    title:
      /\b(?:data (?:scientist|analyst)|analyst|analytics|business intelligence|bi|machine learning|ml|statistician)\b/i,
    themes: [
      'technical-depth',
      'problem-solving',
      'attention-to-detail',
      'domain-knowledge',
      'communication',
      'interview-structure',
    ],
  },
  {
    id: 'engineering',
    title: /\b(?:engineer|engineering|developer|programmer|swe|software|full[- ]?stack|coder)\b/i,
    themes: ['technical-depth', 'problem-solving', 'system-design', 'communication', 'interview-structure'],
  },
  {
    id: 'design',
    title: /\b(?:designer|ux|ui|user research(?:er)?|design)\b/i,
    themes: [
      'problem-solving',
      'attention-to-detail',
      'communication',
      'collaboration',
      'preparation',
      'interview-structure',
    ],
  },
  {
    id: 'writing',
    title:
      /\b(?:writer|copywriter|editor|content|communications|pr|public relations|marketing|journalist|technical writer)\b/i,
    themes: [
      'communication',
      'attention-to-detail',
      'domain-knowledge',
      'preparation',
      'interview-structure',
    ],
  },
  {
    id: 'sales',
    title:
      /\b(?:sales|account (?:executive|manager)|business development|bdr|sdr|customer success|customer support|support)\b/i,
    themes: ['communication', 'collaboration', 'domain-knowledge', 'preparation', 'interview-structure'],
  },
  {
    id: 'finance',
    title: /\b(?:accountant|accounting|finance|financial|auditor|bookkeeper|actuary|controller)\b/i,
    themes: [
      'attention-to-detail',
      'technical-depth',
      'domain-knowledge',
      'qualifications',
      'communication',
      'interview-structure',
    ],
  },
];

const DEFAULT_ROLE_THEMES = ['communication', 'preparation', 'interview-structure'];

/** A title that leads work: leadership is tested. */
const LEAD_TITLE =
  /\b(?:lead|principal|staff|head of|director|vp|vice president|chief|engineering manager)\b/i;
/** A title that manages people or teams: collaboration is tested too. */
const MANAGER_TITLE =
  /\b(?:head of|director|vp|vice president|chief|engineering manager|team manager|people manager|delivery manager|team lead)\b/i;

/** Themes a description asks for by naming them as requirements (topic phrases, no shortfall needed). */
function requestedBy(description: string): string[] {
  const out: string[] = [];
  COMBINED.lastIndex = 0;
  for (let m = COMBINED.exec(description); m !== null; m = COMBINED.exec(description)) {
    let g = 1;
    while (g < m.length && m[g] === undefined) g++;
    const alt = ALTERNATIVES[g - 1];
    if (alt?.kind !== 'topic') continue;
    if (alt.theme === 'experience-gap' || alt.theme === 'beyond-my-control') continue;
    if (!out.includes(alt.theme)) out.push(alt.theme);
  }
  return out;
}

/**
 * The themes a new role's interviews will likely test, most central first: the family of its title (e.g. 'Backend
 * Engineer': technical-depth, system-design, problem-solving, communication, interview-structure), leadership and
 * collaboration for a lead or manager, then the themes its description names.
 */
export function themesForRole(roleTitle: string, description?: string): string[] {
  const family = ROLE_FAMILIES.find((f) => f.title.test(roleTitle));
  const out = [...(family?.themes ?? DEFAULT_ROLE_THEMES)];
  const add = (id: string) => {
    if (!out.includes(id)) out.push(id);
  };
  if (LEAD_TITLE.test(roleTitle)) add('leadership');
  if (MANAGER_TITLE.test(roleTitle)) add('collaboration');
  if (description) for (const id of requestedBy(description)) add(id);
  return out;
}

export interface OpenAction {
  id: string;
  theme: string;
  title: string;
  due?: string | null;
  done: boolean;
}

export interface Reminder {
  actionId: string;
  theme: string;
  title: string;
  why: string;
}

/**
 * Before an interview: the candidate's open actions on themes the role needs, in the order of the role's themes,
 * then by due date (undated last), then as given. Done actions and themes the role does not test are left out.
 */
export function remindersFor(
  roleTitle: string,
  description: string | undefined,
  openActions: OpenAction[],
): Reminder[] {
  const needed = themesForRole(roleTitle, description);
  const role = roleTitle.trim().replace(/\s+/g, ' ') || 'this role';
  return openActions
    .map((action, index) => ({ action, index, rank: needed.indexOf(action.theme) }))
    .filter((x) => !x.action.done && x.rank >= 0)
    .sort((a, b) => {
      const da = a.action.due ?? '\uffff';
      const db = b.action.due ?? '\uffff';
      return a.rank - b.rank || (da < db ? -1 : da > db ? 1 : 0) || a.index - b.index;
    })
    .map(({ action }) => {
      const label = findTheme(action.theme)?.label ?? action.theme;
      const due = action.due ? ` (due ${action.due})` : '';
      return {
        actionId: action.id,
        theme: action.theme,
        title: action.title,
        why: `Interviews for ${role} usually test ${label.toLowerCase()}, and this action on it is still open${due}.`,
      };
    });
}
