// The improvement themes' lexicon (src/domain/themes/lexicon.txt), built by scripts/build-lexicons.mjs from WordNet:
// for each word a theme lists in themes.yaml (`words`), the sense it is most used in (the most tagged sense over nouns,
// verbs, adjectives and adverbs), then the other words of that synset and the words WordNet derives from it
// ("punctual" gives "punctuality", "cooperate" gives "cooperation" and "cooperative"). A related word is kept only if
// its own most used sense is that synset (so "lab" does not bring "science lab" words, nor "close" bring "shut"), it
// is one or two plain words, and no theme lists it already.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const POS = { 1: 'noun', 2: 'verb', 3: 'adj', 4: 'adv', 5: 'adj' };
const PTR_POS = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };
/** Related words whose everyday sense in feedback is another ("excellent" from "excel", "critical" from "criticism"). */
const NOT_THEIRS = new Set([
  ...[
    'excellent',
    'excellence',
    'critical',
    'clear',
    'use',
    'model',
    'level',
    'prompt',
    'fault',
    'information',
  ],
  ...['informant', 'cut off', 'disrupt', 'tale', 'obscure', 'sphere', 'exclusively', 'solely', 'licentious'],
  ...[
    'significant',
    'vitalness',
    'healthy',
    'grapevine',
    'dismiss',
    'toss',
    'committee',
    'district',
    'territorial',
  ],
  ...[
    'distinction',
    'distinguish',
    'rating',
    'profit',
    'profits',
    'expense',
    'ailment',
    'disappointed',
    'rationalize',
  ],
  ...[
    'trade name',
    'availability',
    'opposition',
    'alter',
    'changer',
    'industrialist',
    'merchandise',
    'childly',
  ],
  ...[
    'platinum',
    'administrative',
    'administrable',
    'administration',
    'precede',
    'iconic',
    'graphical',
    'redundant',
  ],
]);
/** How often WordNet's tagged texts use a synonym in that sense before it is kept: rare synonyms are mostly other senses in feedback. */
const SYNONYM_TAGS = 3;
const ENTRY = /^[a-z0-9]+(?:['/-][a-z0-9]+)*(?: [a-z0-9]+(?:['/-][a-z0-9]+)*)?$/;

/** Synsets of one part of speech: offset -> { words, derived: [{ from, offset, pos, to }] }. */
function readData(dir, pos) {
  const synsets = new Map();
  for (const line of readFileSync(join(dir, `data.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.slice(0, line.indexOf(' | ') < 0 ? undefined : line.indexOf(' | ')).split(' ');
    const count = Number.parseInt(f[3], 16);
    const words = [];
    for (let i = 0; i < count; i++)
      words.push(
        f[4 + 2 * i]
          .replace(/\(.*\)$/, '')
          .toLowerCase()
          .replace(/_/g, ' '),
      );
    let at = 4 + 2 * count;
    const pointers = Number(f[at++]);
    const derived = [];
    for (let i = 0; i < pointers; i++, at += 4) {
      if (f[at] !== '+') continue;
      const st = f[at + 3];
      derived.push({
        from: Number.parseInt(st.slice(0, 2), 16),
        offset: f[at + 1],
        pos: PTR_POS[f[at + 2]],
        to: Number.parseInt(st.slice(2), 16),
      });
    }
    synsets.set(f[0], { words, derived });
  }
  return synsets;
}

/** Each lemma's most used sense: { pos, offset }, by tagged count, then sense number. */
function readTopSenses(dir) {
  const best = new Map();
  for (const line of readFileSync(join(dir, 'index.sense'), 'utf8').split('\n')) {
    if (!line) continue;
    const [key, offset, number, tags] = line.split(' ');
    const lemma = key.slice(0, key.indexOf('%')).replace(/_/g, ' ');
    const pos = POS[key[key.indexOf('%') + 1]];
    const s = { pos, offset, number: Number(number), tags: Number(tags) };
    if (!best.has(lemma) && !lemma) continue;
    const b = best.get(lemma);
    if (!b || s.tags > b.tags || (s.tags === b.tags && s.number < b.number)) best.set(lemma, s);
  }
  return best;
}

/** The lexicon's lines ("theme-id word") and how many words it adds, for the themes.yaml at `themesFile`. */
export function themeWords(wordnetDir, themesFile) {
  const data = Object.fromEntries(['noun', 'verb', 'adj', 'adv'].map((p) => [p, readData(wordnetDir, p)]));
  const top = readTopSenses(wordnetDir);
  const themes = parse(readFileSync(themesFile, 'utf8')).themes;
  const listed = new Set(themes.flatMap((t) => t.words ?? []));
  const taken = new Set(listed);
  const lines = [];
  const isTop = (word, pos, offset) => {
    const s = top.get(word);
    return s && s.pos === pos && s.offset === offset;
  };
  for (const t of themes) {
    for (const seed of t.words ?? []) {
      const sense = top.get(seed);
      const synset = sense && data[sense.pos].get(sense.offset);
      if (!synset) continue;
      // Synonyms in use (tagged at least once in that sense); derived forms that keep the word's stem.
      const related = synset.words
        .filter((w) => isTop(w, sense.pos, sense.offset) && top.get(w).tags >= SYNONYM_TAGS)
        .map((w) => [w, sense.pos, sense.offset]);
      const seedAt = synset.words.indexOf(seed) + 1;
      const stem = seed.slice(0, Math.max(4, seed.length - 2));
      for (const d of synset.derived) {
        if (d.from !== seedAt) continue;
        const word = data[d.pos]?.get(d.offset)?.words[d.to - 1];
        if (word?.startsWith(stem)) related.push([word, d.pos, d.offset]);
      }
      for (const [word, pos, offset] of related) {
        if (taken.has(word) || NOT_THEIRS.has(word) || !ENTRY.test(word) || !isTop(word, pos, offset))
          continue;
        taken.add(word);
        lines.push(`${t.id} ${word}`);
      }
    }
  }
  return lines;
}
