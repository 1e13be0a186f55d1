// Every theme's own examples, from the compiled vocabulary: each "fire" example must name the theme, each "pass"
// example must not.
import { describe, expect, it } from 'vitest';
import { THEMES, themesOf } from '../../src/domain/themes';
import { THEME_EXAMPLES } from '../../src/domain/themes/vocabulary.generated';

const ids = (text: string) => themesOf(text).map((m) => m.theme);

for (const theme of THEMES) {
  const examples = THEME_EXAMPLES[theme.id] ?? { fire: [], pass: [] };
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
  });
}
