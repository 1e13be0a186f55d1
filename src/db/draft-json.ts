import { type SQL, sql } from 'drizzle-orm';
import type { EvidenceLink, FeedbackSections } from '../domain/compose/types';
import type { StoredSentence } from './schema';

// A draft's sentences and outline repeat its body: every sentence's text, and nearly every string of the outline, is a
// piece of it, and each evidence link is in a sentence and again in the outline. A batch of drafts sent as JSON
// (`insertJsonRows`) was four parts in five such copies. `compactDraft` sends instead where each text is in the body
// and each link once; `draftFromCompact`, given to `insertJsonRows` as its computed columns, makes the texts and
// links again in the statement, so what is stored is exactly what sending them whole stored: readers see no
// difference, and rows stored before read as they always did.
//
// Offsets: JavaScript counts UTF-16 code units, PostgreSQL's `substr` counts characters (code points). They agree when
// the body has no surrogate, so a draft whose body has one (an emoji, any character outside the BMP) is sent whole.

/** What the statement is sent for a draft's sentences and outline: the compact form, or the values themselves. */
export interface DraftJson {
  sentences: unknown;
  outline: unknown;
}

/** A piece of the body by its offsets [start, end), or a text that is not in it (sent as it is). */
type Span = [number, number] | string;

/**
 * A draft's sentences and outline as sent to the statement: `sentences` becomes `{ s, l }`, where `l` is the draft's
 * evidence links (each once) and `s` each sentence as `[start, end]` or `[start, end, [link indexes]]`; the outline
 * keeps its shape, with each text that is in the body given by its offsets there and each list of links by the
 * links' indexes in `l`. The values themselves when the body has a surrogate, when a sentence is not the body's text
 * between its offsets, or when the outline lacks a field the statement writes.
 */
export function compactDraft(
  body: string,
  sentences: readonly StoredSentence[],
  outline: FeedbackSections | null,
): DraftJson {
  const whole = { sentences, outline };
  if (SURROGATE.test(body)) return whole;
  const links: EvidenceLink[] = [];
  const linkAt = new Map<string, number>();
  const refs = (list: readonly EvidenceLink[]) =>
    list.map((link) => {
      const k = `${link.scorecardId}\n${link.criterionId}\n${link.excerpt}`;
      let i = linkAt.get(k);
      if (i === undefined) {
        i = links.length;
        links.push(link);
        linkAt.set(k, i);
      }
      return i;
    });
  const s: unknown[] = [];
  for (const x of sentences) {
    if (body.slice(x.start, x.end) !== x.text) return whole;
    s.push(x.evidence.length ? [x.start, x.end, refs(x.evidence)] : [x.start, x.end]);
  }
  if (outline === null) return { sentences: { s, l: links }, outline };
  if (!complete(outline)) return whole;
  const span = (text: string): Span => {
    const at = body.indexOf(text);
    return at === -1 ? text : [at, at + text.length];
  };
  const orNull = (text: string | null) => (text === null ? null : span(text));
  const { strength } = outline;
  return {
    sentences: { s, l: links },
    outline: {
      ...outline,
      greeting: span(outline.greeting),
      opening: span(outline.opening),
      intro: orNull(outline.intro),
      strength: strength && {
        ...strength,
        criterion: span(strength.criterion),
        text: span(strength.text),
        evidence: refs(strength.evidence),
      },
      gaps: outline.gaps.map((g) => ({
        ...g,
        criterion: span(g.criterion),
        needs: span(g.needs),
        saw: g.saw.map(span),
        practise: span(g.practise),
        evidence: refs(g.evidence),
      })),
      closing: span(outline.closing),
      standardClosing: orNull(outline.standardClosing),
      signOff: outline.signOff.map(span),
    },
  };
}

const SURROGATE = /[\uD800-\uDFFF]/;

const isText = (v: unknown) => typeof v === 'string';
const isTextOrNull = (v: unknown) => v === null || typeof v === 'string';
const isTexts = (v: unknown) => Array.isArray(v) && v.every(isText);
const isLinks = (v: unknown) => Array.isArray(v);

/**
 * Whether the outline has every field the statement writes, of the type it writes (a missing field would come back as
 * null). Its type says so, but the stored value must not depend on that.
 */
function complete(o: FeedbackSections): boolean {
  const s = o.strength as Partial<NonNullable<FeedbackSections['strength']>> | null | undefined;
  return (
    isText(o.greeting) &&
    isText(o.opening) &&
    isTextOrNull(o.intro) &&
    (s === null ||
      (typeof s === 'object' &&
        s !== undefined &&
        isText(s.criterion) &&
        isText(s.text) &&
        isLinks(s.evidence))) &&
    Array.isArray(o.gaps) &&
    o.gaps.every(
      (g) =>
        isText(g.criterion) && isText(g.needs) && isTexts(g.saw) && isText(g.practise) && isLinks(g.evidence),
    ) &&
    isText(o.closing) &&
    isTextOrNull(o.standardClosing) &&
    isTexts(o.signOff)
  );
}

// The statement's side, reading the row `x` of `insertJsonRows` (`x."body"`, `x."sentences"`, `x."outline"`).

/** A span's text: `v` is `[start, end]` (offsets in the body, from 0) or the value itself (a string or null). */
const text = (v: string) =>
  `case when jsonb_typeof(${v}) = 'array' then to_jsonb(substr(x."body", (${v}->>0)::int + 1, (${v}->>1)::int - (${v}->>0)::int)) else ${v} end`;
/** A list of spans' texts. */
const texts = (v: string, a: string) =>
  `(select coalesce(jsonb_agg(${text(`${a}.v`)} order by ${a}.n), '[]'::jsonb) from jsonb_array_elements(${v}) with ordinality as ${a}(v, n))`;
/** A list of links, from their indexes in `l`. */
const links = (v: string, a: string) =>
  `(select coalesce(jsonb_agg(x."sentences"->'l'->(${a}.i::int) order by ${a}.n), '[]'::jsonb) from jsonb_array_elements_text(${v}) with ordinality as ${a}(i, n))`;
const compact = `jsonb_typeof(x."sentences") = 'object'`;

const SENTENCES = `case when ${compact} then (
  select coalesce(jsonb_agg(jsonb_build_object(
    'text', substr(x."body", (s.v->>0)::int + 1, (s.v->>1)::int - (s.v->>0)::int),
    'start', s.v->0,
    'end', s.v->1,
    'evidence', case when s.v->2 is null then '[]'::jsonb else ${links(`s.v->2`, 'se')} end
  ) order by s.n), '[]'::jsonb)
  from jsonb_array_elements(x."sentences"->'s') with ordinality as s(v, n)
) else x."sentences" end`;

const o = `x."outline"`;
const OUTLINE = `case when ${compact} and jsonb_typeof(${o}) = 'object' then ${o} || jsonb_build_object(
  'greeting', ${text(`(${o}->'greeting')`)},
  'opening', ${text(`(${o}->'opening')`)},
  'intro', ${text(`(${o}->'intro')`)},
  'strength', case when jsonb_typeof(${o}->'strength') = 'object' then (${o}->'strength') || jsonb_build_object(
    'criterion', ${text(`(${o}->'strength'->'criterion')`)},
    'text', ${text(`(${o}->'strength'->'text')`)},
    'evidence', ${links(`${o}->'strength'->'evidence'`, 'se')}
  ) else ${o}->'strength' end,
  'gaps', (select coalesce(jsonb_agg(g.v || jsonb_build_object(
    'criterion', ${text(`(g.v->'criterion')`)},
    'needs', ${text(`(g.v->'needs')`)},
    'saw', ${texts(`g.v->'saw'`, 'gs')},
    'practise', ${text(`(g.v->'practise')`)},
    'evidence', ${links(`g.v->'evidence'`, 'ge')}
  ) order by g.n), '[]'::jsonb) from jsonb_array_elements(${o}->'gaps') with ordinality as g(v, n)),
  'closing', ${text(`(${o}->'closing')`)},
  'standardClosing', ${text(`(${o}->'standardClosing')`)},
  'signOff', ${texts(`${o}->'signOff'`, 'so')}
) else ${o} end`;

/**
 * The stored `sentences` and `outline` of a draft sent by `compactDraft`, for `insertJsonRows`'s computed columns: the
 * values as they were before being made compact (and the values themselves when they were sent so).
 */
export const draftFromCompact: { sentences: SQL; outline: SQL } = {
  sentences: sql.raw(SENTENCES),
  outline: sql.raw(OUTLINE),
};
