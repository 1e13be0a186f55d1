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
    .replace(/^["'“‘(]+|["'”’)]+$/g, '')
    .replace(/[\s.;:!?,*#-]+$/, '')
    .replace(/^[\s*#•-]+/, '');
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
  const afterColon = n.split(/\s*[:;]\s*/).filter(Boolean);
  if (afterColon.length > 1) n = afterColon.at(-1) ?? n;
  n = n.replace(/\s+[–—-]\s+/g, ' and ').replace(/\s*\/\s*/g, ' and ');
  const words = n.split(' ');
  const titleCase = words.length > 1 && words.filter((w) => w.length > 3).every((w) => /^\p{Lu}/u.test(w));
  return words.map((w, i) => (i === 0 || titleCase ? lowerWord(w) : w)).join(' ');
}

/** Last words after which "strong X" needs no "skills": the name already names a skill. */
const SKILL_NOUN =
  /(?:reasoning|thinking|knowledge|experience|skills?|judge?ment|awareness|focus|empathy|rapport|care|detail|sense|expertise|literacy|fluency|insight|communication|leadership|management|ownership|craft|accuracy|rigou?r|understanding|ability|abilities|acumen)$/i;

/** "The role needs strong statistical reasoning." / "The role requires a valid nursing registration." */
export function needsPhrase(inline: string, familyId: string): string {
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
    : `The role needs strong ${inline} skills`;
}

/**
 * One sentence tidied: no space before punctuation, no punctuation doubled ("Inc..", ",.", "?."), one space between
 * words. An ellipsis of three dots is written as one character first, so it is not taken for doubled periods.
 */
export function tidy(sentence: string): string {
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
