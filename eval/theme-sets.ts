// The labelled gap statements the theme accuracy is measured on (eval/data/themes-realworld*.yaml), read and checked
// against the theme catalogue: one place for the scoring (themes.ts) and the second opinion (theme-model.ts).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { findTheme } from '../src/domain/themes';

const here = dirname(fileURLToPath(import.meta.url));
/** The sets in the order they were collected; each was committed before the matcher read it. */
export const GAP_FILES = [
  'themes-realworld.yaml',
  'themes-realworld-2.yaml',
  'themes-realworld-3.yaml',
  'themes-realworld-4.yaml',
] as const;

export interface GapItem {
  url: string;
  criterion: string | null;
  text: string;
  /** The theme id a careful reader gives it, or null when none fits. */
  theme: string | null;
}

export function loadGapItems(file: string = GAP_FILES[0]): GapItem[] {
  const docs = parse(readFileSync(join(here, 'data', file), 'utf8')) as Partial<GapItem>[];
  return docs.map((d, i) => {
    const where = `${file}#${i + 1}`;
    if (typeof d.url !== 'string' || typeof d.text !== 'string')
      throw new Error(`${where}: url and text are required`);
    const theme = d.theme ?? null;
    if (theme !== null && !findTheme(theme)) throw new Error(`${where}: unknown theme "${theme}"`);
    return { url: d.url, criterion: d.criterion ?? null, text: d.text, theme };
  });
}
