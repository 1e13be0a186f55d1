// Which improvement themes a piece of feedback names (with the vocabulary of themes.yaml and cues.yaml), and the
// themes across many. Pure and deterministic: no I/O, no clock; browser-safe. The matching itself is matcher.ts.

import { findTheme } from './catalogue';
import { type Gap, type GapTheme, type ThemeMatch, themeMatcher } from './matcher';
import { THEME_CUES, THEME_DATA } from './vocabulary.generated';

export type { Gap, GapTheme, ThemeMatch } from './matcher';

const MATCHER = themeMatcher(THEME_DATA, THEME_CUES);

/**
 * The improvement themes a piece of feedback names, in the order of their first evidence: each theme at most once,
 * with the sentence it was first found in. A sentence no phrase matches is read by the words of each theme's area
 * where it says something fell short. Praise and neutral text name no theme.
 */
export function themesOf(text: string): ThemeMatch[] {
  return MATCHER.themesOf(text);
}

/**
 * The one theme of a gap, chosen from the criterion's name and the evidence observed together (never from advice),
 * or null when neither names one.
 */
export function themeOfGap(gap: Gap): GapTheme | null {
  return MATCHER.themeOfGap(gap);
}

/** Themes a description asks for by naming them as requirements (topic phrases, no shortfall needed). */
export function requestedBy(description: string): string[] {
  return MATCHER.requestedBy(description);
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
