// Small text helpers for composing candidate-facing sentences. Pure: no I/O, browser-safe.

/** Words a criterion name may start with that are ordinary English, so they are lower-cased mid-sentence. */
const COMMON_FIRST_WORDS = new Set(
  (
    'accuracy active adaptability analytical analysis api attention business clarity clear code coding collaboration ' +
    'communication creative critical cross customer data debugging decision delivery design detail documentation ' +
    'domain empathy english experience financial front back frontend backend hands impact incident industry ' +
    'influence interview knowledge leadership learning listening management mentoring negotiation operational ' +
    'organisation organization ownership people performance planning presentation presenting prioritisation ' +
    'prioritization problem process product professional programming project quality relevant reliability ' +
    'research sales security software stakeholder strategic strategy structured system systems team teamwork ' +
    'technical test testing time understanding user verbal written writing accurate able agrees builds designs ' +
    'explains leads works writes understands manages plans delivers communicates'
  ).split(' '),
);

/** A criterion name as it reads inside a sentence: "Attention to detail" -> "attention to detail", "Python" stays. */
export function inlineName(name: string): string {
  const n = name.trim().replace(/\s+/g, ' ');
  const first = /^([A-Z][a-z]+)(?=$|[\s-])/.exec(n)?.[1];
  if (first && COMMON_FIRST_WORDS.has(first.toLowerCase()))
    return first.toLowerCase() + n.slice(first.length);
  return n;
}

export function capitalize(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** Without trailing white space and sentence punctuation. */
export function stripEnd(s: string): string {
  return s.trim().replace(/[\s.;:!?,]+$/, '');
}

/** One trimmed line that ends with '.', '!' or '?' (a closing quote or bracket may follow). */
export function ensurePeriod(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  if (/[.!?]["'”’)\]]*$/.test(t)) return t;
  return `${t.replace(/[,;:]+$/, '')}.`;
}

/** The text cut to about `max` characters at a word boundary, with an ellipsis when cut. */
export function excerpt(s: string, max = 200): string {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
