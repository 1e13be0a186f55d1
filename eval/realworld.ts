// The real-world sets: sentences and candidate messages as published on public pages, labelled by hand before the
// checker ever read them (see the headers of eval/data/realworld-*.yaml). Loading, validation and the split into a
// learn half and a holdout half by source page.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { CATEGORIES, type Mode } from '../src/checker';

const here = dirname(fileURLToPath(import.meta.url));

export interface RealItem {
  url: string;
  text: string;
  risky: boolean;
  labels: string[];
  mode: Mode;
}

export type Half = 'learn' | 'holdout';

/**
 * The half a source page belongs to: the first byte of sha1(url), even for learn, odd for holdout. Every item of a
 * page lands in the same half, so nothing read on a learn page can leak into the holdout figures.
 */
export function halfOf(url: string): Half {
  return createHash('sha1').update(url, 'utf8').digest()[0]! % 2 === 0 ? 'learn' : 'holdout';
}

export function loadRealWorld(mode: Mode): RealItem[] {
  const file = `realworld-${mode}.yaml`;
  const docs = parse(readFileSync(join(here, 'data', file), 'utf8')) as Partial<RealItem>[];
  const allowed = new Set<string>(CATEGORIES[mode]);
  return docs.map((d, i) => {
    const where = `${file}#${i + 1}`;
    if (typeof d.url !== 'string' || typeof d.text !== 'string' || typeof d.risky !== 'boolean') {
      throw new Error(`${where}: url, text and risky are required`);
    }
    const labels = d.labels ?? [];
    for (const l of labels) if (!allowed.has(l)) throw new Error(`${where}: unknown ${mode} category "${l}"`);
    if (d.risky !== labels.length > 0)
      throw new Error(`${where}: risky must be true exactly when labels are given`);
    return { url: d.url, text: d.text, risky: d.risky, labels, mode };
  });
}

export function split(items: RealItem[]): Record<Half, RealItem[]> {
  return {
    learn: items.filter((i) => halfOf(i.url) === 'learn'),
    holdout: items.filter((i) => halfOf(i.url) === 'holdout'),
  };
}
