// Every theme's own examples, from the compiled vocabulary: each "fire" example must name the theme, each "pass"
// example must not, and each gap example (a criterion and what was observed) must be given the theme.
import { describe, expect, it } from 'vitest';
import { THEMES, themeOfGap, themesOf } from '../../src/domain/themes';
import { THEME_EXAMPLES } from '../../src/domain/themes/vocabulary.generated';

const ids = (text: string) => themesOf(text).map((m) => m.theme);

for (const theme of THEMES) {
  const examples = THEME_EXAMPLES[theme.id] ?? { fire: [], pass: [], gaps: [] };
  describe(`theme ${theme.id}`, () => {
    it('carries examples that must name it and examples that must not', () => {
      expect(examples.fire.length).toBeGreaterThan(0);
      expect(examples.pass.length).toBeGreaterThan(0);
    });
    it.each(examples.fire)('is named by: %s', (text) => {
      expect(ids(text)).toContain(theme.id);
    });
    it.each(examples.pass)('is not named by: %s', (text) => {
      expect(ids(text)).not.toContain(theme.id);
    });
    it.each(examples.gaps.map((g) => [g.evidence, g] as const))('is the theme of the gap: %s', (_, gap) => {
      expect(themeOfGap(gap)?.theme).toBe(theme.id);
    });
  });
}
