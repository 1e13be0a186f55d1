// Improvement themes: feedback (from Debrief or logged by hand) mapped to the areas a candidate can work on, charted
// across rejections, turned into actions, and recalled before the next interview for a role that needs them. The
// vocabulary is data (themes.yaml, roles.yaml), compiled at build; the logic is matcher.ts, match.ts and roles.ts.
export { findTheme, THEMES, type Theme } from './catalogue';
export {
  type Gap,
  type GapTheme,
  summarizeThemes,
  type ThemeMatch,
  type ThemeSummary,
  themeOfGap,
  themesOf,
} from './match';
export { type OpenAction, type Reminder, ROLE_FAMILIES, remindersFor, themesForRole } from './roles';
