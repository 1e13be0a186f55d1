// Phrasing: how a criterion's name reads as a heading and inside a sentence, what the role needs said in plain words
// (derived from the name, never the pasted description), and the last tidy pass every sentence goes through (no
// doubled punctuation, no space before a comma). Pure.

import { capitalize } from '../text';

/** Names that keep their capital inside a sentence: languages, tools, products. Compared lower-case. */
const PROPER = new Set(
  (
    'python java javascript typescript excel english french german spanish italian portuguese dutch polish welsh ' +
    'arabic mandarin cantonese japanese hindi kubernetes salesforce figma sketch react angular vue node linux windows ' +
    'aws azure gcp google microsoft tableau sap hubspot epic powerpoint word ruby rust swift kotlin go scala php ' +
    'django rails docker terraform git jira xero sage quickbooks oracle postgres postgresql mysql spark hadoop ' +
    'snowflake dbt looker zendesk intercom shopify wordpress adobe photoshop illustrator indesign android ios ' +
    'nhs ifrs gaap'
  ).split(' '),
);

/** Acronyms kept in capitals when an all-capitals name is brought to sentence case. */
const ACRONYMS = new Set(
  'SQL UX UI API AWS GCP CRM ERP QA IT HR PR SEO SEM B2B B2C SaaS KPI NHS IFRS GAAP CSS HTML ETL ML AI BI CI CD iOS'.split(
    ' ',
  ),
);

/** A criterion's name cleaned: one line, no surrounding quotes or end punctuation, not shouting. */
export function cleanName(name: string): string {
  let n = name
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["'“‘]+|["'”’]+$/g, '')
    .replace(/[\s.;:!?,*-]+$/, '')
    .replace(/^[\s*#•-]+/, '');
  // Brackets only in pairs: "Communication (written)" keeps both, "(Written" loses its stray one.
  if (n.includes('(') !== n.includes(')')) n = n.replace(/[()]/g, '').trim();
  if (!/\p{Ll}/u.test(n) && /\p{Lu}{5,}/u.test(n)) {
    n = n
      .split(' ')
      .map((w) => (ACRONYMS.has(w) ? w : w.toLowerCase()))
      .join(' ');
  }
  return n || 'this skill';
}

/** The name as a heading: "Statistical reasoning", "Sales – discovery calls". */
export function headingName(name: string): string {
  const n = cleanName(name).replace(/\s*[:;]\s*/g, ' – ');
  return capitalize(n);
}

function lowerWord(w: string): string {
  if (!/^\p{Lu}\p{Ll}+(?:-\p{L}+)?$/u.test(w)) return w; // acronyms, camel case, lower case: as written
  if (PROPER.has(w.toLowerCase().replace(/-.*/, ''))) return w;
  return w.toLowerCase();
}

/**
 * The name as it reads inside a sentence: "Statistical reasoning" -> "statistical reasoning", "Customer Service
 * Skills" -> "customer service skills", "Python experience" keeps "Python", "Sales: discovery calls" -> "discovery
 * calls" (the part after a colon is the specific one).
 */
export function inlineCriterion(name: string): string {
  let n = cleanName(name);
  // "Communication (written)" -> "written communication"; a longer bracket is left out.
  n = n.replace(/^(.+?) \(([\p{L}-]+)\)$/u, '$2 $1').replace(/ \([^)]*\)/g, '');
  const afterColon = n.split(/\s*[:;]\s*/).filter(Boolean);
  if (afterColon.length > 1) n = afterColon.at(-1) ?? n;
  n = n.replace(/\s+[–—-]\s+/g, ' and ').replace(/\s*\/\s*/g, ' and ');
  const verb = verbLed(n);
  if (verb) return `${gerund(verb)}${n.slice(verb.length)}`;
  const words = n.split(' ');
  const titleCase = words.length > 1 && words.filter((w) => w.length > 3).every((w) => /^\p{Lu}/u.test(w));
  return words.map((w, i) => (i === 0 || titleCase ? lowerWord(w) : w)).join(' ');
}

/** Last words after which "strong X" needs no "skills": the name already names a skill. */
const SKILL_NOUN =
  /(?:reasoning|thinking|knowledge|experience|skills?|judge?ment|awareness|focus|empathy|rapport|care|detail|sense|expertise|literacy|fluency|insight|communication|leadership|management|ownership|craft|accuracy|rigou?r|understanding|ability|abilities|acumen)$/i;

/** Verbs a criterion's name may open with: "Knows the product line", "Writes clear code". */
const NAME_VERBS = new Set(
  (
    'agrees builds designs explains leads works writes understands manages plans delivers communicates knows keeps ' +
    'uses makes takes gives handles chooses reasons thinks asks listens solves creates owns runs sets gets shows ' +
    'stays adapts learns treats cares teaches sells closes negotiates presents checks follows prioritises ' +
    'prioritizes organises organizes coaches mentors supports resolves reconciles models tests debugs documents ' +
    'reviews collaborates engages motivates influences drives meets spots finds recognises recognizes escalates ' +
    'administers assesses differentiates analyses analyzes researches prototypes forecasts budgets'
  ).split(' '),
);
const DOUBLED = new Set(['plans', 'runs', 'sets', 'gets', 'spots']);

/** The verb a name opens with ("Knows the product line" -> "Knows"), or null. */
function verbLed(name: string): string | null {
  const [first, ...rest] = name.split(' ');
  if (!first || rest.length === 0 || !NAME_VERBS.has(first.toLowerCase())) return null;
  return first;
}

/** "knows" -> "knowing", "writes" -> "writing", "plans" -> "planning", "analyses" -> "analysing". */
function gerund(verb: string): string {
  const v = verb.toLowerCase();
  if (v === 'models') return 'modelling';
  if (DOUBLED.has(v)) return `${v.slice(0, -1)}${v.at(-2)}ing`;
  if (/(?:ss|sh|ch|x)es$/.test(v)) return `${v.slice(0, -2)}ing`;
  if (/[^aeiou]ies$/.test(v)) return `${v.slice(0, -3)}ying`;
  const base = v.slice(0, -1);
  if (/[^aeiou]e$/.test(base) || /ue$/.test(base)) return `${base.slice(0, -1)}ing`;
  return `${base}ing`;
}

/**
 * What the role needs, in plain words derived from the criterion's name, without the final period: "The role needs
 * strong statistical reasoning", "The role needs strong skills in Python", "The role needs someone who knows the
 * product line", "The role requires a valid nursing registration".
 */
export function needsPhrase(name: string, familyId: string): string {
  const cleaned = cleanName(name);
  const verb = verbLed(cleaned);
  if (verb) return `The role needs someone who ${verb.toLowerCase()}${cleaned.slice(verb.length)}`;
  const inline = inlineCriterion(name);
  if (familyId === 'qualification') {
    const article = /^(?:a|an|the|your|valid)\b/i.test(inline) || /s$/i.test(inline) ? '' : 'a valid ';
    return `The role requires ${article}${inline}`;
  }
  if (familyId === 'experience-with') {
    return /^experience\b/i.test(inline)
      ? `The role needs hands-on ${inline}`
      : `The role needs hands-on experience with ${inline}`;
  }
  return SKILL_NOUN.test(inline)
    ? `The role needs strong ${inline}`
    : `The role needs strong skills in ${inline}`;
}

/**
 * Whether any replacement in `tidy` would change the sentence: white space other than one space, three dots, white
 * space before punctuation, two marks of `,;:` in a row, one before an end mark, an ellipsis before or after one, or
 * two end marks in a row.
 */
const UNTIDY = /[^\S ]| {2}|\.{3}|\s[,.;:!?…]|[,;:]\s*[,;:.!?]|…\s*[.!?]|[.!?]\s*[.!?…]/;

/**
 * One sentence tidied: no space before punctuation, no punctuation doubled ("Inc..", ",.", "?."), one space between
 * words. An ellipsis of three dots is written as one character first, so it is not taken for doubled periods.
 */
export function tidy(sentence: string): string {
  // Most sentences have nothing to tidy: none of the replacements below would change them, so only the ends go.
  if (!UNTIDY.test(sentence)) return sentence.trim();
  return sentence
    .replace(/\s+/g, ' ')
    .replace(/\.{3,}/g, '…')
    .replace(/\s+([,.;:!?…])/g, '$1')
    .replace(/([,;:])(?:\s*[,;:])+/g, '$1')
    .replace(/[,;:]+\s*([.!?])/g, '$1')
    .replace(/…\s*([.!?])/g, '$1')
    .replace(/([.!?])[.!?]+/g, '$1')
    .replace(/([.!?])\s*…/g, '$1')
    .trim();
}
