// The improvement themes a candidate can work on, as compiled from themes.yaml. Pure; browser-safe.

import { THEME_DATA } from './vocabulary.generated';

export interface Theme {
  id: string;
  label: string;
  description: string;
  suggestedActions: string[];
}

export const THEMES: readonly Theme[] = Object.freeze(
  THEME_DATA.map(({ id, label, description, suggestedActions }) => ({
    id,
    label,
    description,
    suggestedActions,
  })),
);

const THEME_BY_ID = new Map(THEMES.map((t) => [t.id, t]));

export function findTheme(id: string): Theme | undefined {
  return THEME_BY_ID.get(id);
}
