// Debrief's own labelled sets (eval/data/feedback-*.txt and request-*.yaml): loading, and the blind set's halves.
// Shared by the evaluation (eval/run.ts) and the second opinion's trainer (scripts/train-second-opinion.ts).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Mode } from '../src/checker';

const here = dirname(fileURLToPath(import.meta.url));

export interface Item {
  text: string;
  labels: string[];
  mode: Mode;
  /** file:line (or file#n for YAML). */
  source: string;
  /** The heading ("## ..." or "# --- ... ---") the item sits under in a text set; empty for YAML. */
  section: string;
}

function loadLines(file: string, mode: Mode): Item[] {
  const items: Item[] = [];
  let section = '';
  readFileSync(join(here, 'data', file), 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.startsWith('##') || line.startsWith('# ---')) section = line;
      if (!line.trim() || line.startsWith('#')) return;
      const bar = line.indexOf(' | ');
      if (bar < 0) throw new Error(`${file}:${i + 1}: expected "labels | text"`);
      const labels = line.slice(0, bar).trim();
      items.push({
        text: line.slice(bar + 3),
        labels: labels === '-' ? [] : labels.split(',').map((s) => s.trim()),
        mode,
        source: `${file}:${i + 1}`,
        section,
      });
    });
  return items;
}

function loadYaml(file: string, mode: Mode): Item[] {
  const docs = parse(readFileSync(join(here, 'data', file), 'utf8')) as { text: string; labels: string[] }[];
  return docs.map((d, i) => ({
    text: d.text,
    labels: d.labels ?? [],
    mode,
    source: `${file}#${i + 1}`,
    section: '',
  }));
}

export function loadSet(split: 'dev' | 'heldout' | 'blind'): Item[] {
  return [...loadLines(`feedback-${split}.txt`, 'feedback'), ...loadYaml(`request-${split}.yaml`, 'request')];
}

/**
 * The blind set, written without reading the rules, in two halves by alternate items: the odd half may be read to
 * fix misses by class (`--blind-odd` prints its errors); the even half is never read, so it measures generalization.
 */
export function blindHalf(half: 'odd' | 'even'): Item[] {
  return loadSet('blind').filter((_, i) => (i % 2 === 0) === (half === 'odd'));
}
