// Improvement themes: feedback (from Debrief or logged by hand) mapped to the areas a candidate can work on, charted
// across rejections, turned into actions, and recalled before the next interview for a role that needs them. The
// vocabulary is data (themes.yaml, cues.yaml, roles.yaml), compiled at build; the logic is matcher.ts, match.ts,
// plan.ts (the plan's themes across sources) and roles.ts.
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
export {
  type FeedbackGap,
  gapsOfFeedback,
  type LinkedSentence,
  type PlanQuote,
  type PlanSource,
  type PlanTheme,
  planThemes,
} from './plan';
export { type OpenAction, type Reminder, ROLE_FAMILIES, remindersFor, themesForRole } from './roles';
