import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const webSrc = join(import.meta.dirname, '../../web/src');
const stylesDir = join(webSrc, 'styles');
const tokensCss = readFileSync(join(stylesDir, 'tokens.css'), 'utf8');
const otherCss = [
  'styles.css',
  ...readdirSync(stylesDir)
    .filter((f) => f.endsWith('.css') && f !== 'tokens.css')
    .map((f) => `styles/${f}`),
].map((name) => ({ name, text: readFileSync(join(webSrc, name), 'utf8') }));

const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');

const tokens = new Map<string, string>();
for (const m of withoutComments(tokensCss).matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g))
  tokens.set(m[1], m[2].trim());

function resolve(name: string, depth = 0): string {
  const value = tokens.get(name);
  if (value === undefined) throw new Error(`${name} is not defined in tokens.css`);
  const ref = /^var\((--[\w-]+)\)$/.exec(value);
  if (!ref) return value;
  if (depth > 10) throw new Error(`${name} refers to itself`);
  return resolve(ref[1], depth + 1);
}

/** sRGB channels 0..255 of a #rgb or #rrggbb colour. */
function rgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`${hex} is not an opaque hex colour`);
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => Number.parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG 2.x relative luminance. */
function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.x contrast ratio between two tokens, 1..21. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(resolve(a)), luminance(resolve(b))].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('design tokens', () => {
  it('computes contrast with the WCAG formula', () => {
    tokens.set('--test-black', '#000');
    tokens.set('--test-white', '#ffffff');
    tokens.set('--test-grey', '#767676');
    expect(contrast('--test-black', '--test-white')).toBeCloseTo(21, 5);
    expect(contrast('--test-grey', '--test-white')).toBeCloseTo(4.54, 2);
    for (const k of ['--test-black', '--test-white', '--test-grey']) tokens.delete(k);
  });

  it('keeps raw hex colours inside tokens.css', () => {
    for (const { name, text } of otherCss)
      expect(withoutComments(text).match(/#[0-9a-f]{3,8}\b/gi), name).toBeNull();
  });

  it('defines every custom property the stylesheets use', () => {
    for (const { name, text } of otherCss)
      for (const m of text.matchAll(/var\((--[\w-]+)/g))
        expect(tokens.has(m[1]), `${name}: ${m[1]}`).toBe(true);
  });

  it('keeps each stylesheet under 400 lines', () => {
    for (const { name, text } of otherCss) expect(text.split('\n').length, name).toBeLessThan(400);
  });

  it('gives input borders and focus rings 3:1 against the surface and the page background', () => {
    for (const boundary of ['--border-input', '--focus-ring'])
      for (const background of ['--surface', '--bg'])
        expect(contrast(boundary, background), `${boundary} on ${background}`).toBeGreaterThanOrEqual(3);
  });

  it('gives body and secondary text 4.5:1 against the surface and the page background', () => {
    for (const text of ['--ink', '--muted'])
      for (const background of ['--surface', '--bg'])
        expect(contrast(text, background), `${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
  });
});
