// Small text helpers of the request coach. Pure.

export function clean(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

export function firstName(name: string): string {
  return clean(name).split(' ')[0] ?? '';
}

export const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
];
export function inWords(n: number): string {
  return NUMBER_WORDS[n] ?? 'several';
}
