/** What replaces a value that may hold personal data. */
export const ERASED = '[erased]';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
/** A code such as a rejection reason, a stage or a rule id: lower case, no spaces, no address. */
const CODE = /^[a-z0-9][a-z0-9._:-]{0,63}$/;

/**
 * An audit event's data with every value that could be personal replaced: numbers, booleans, ids, timestamps and
 * codes stay (so the event still says what happened, to which record), every other string becomes "[erased]", as do
 * codes equal to a word of the person's name. The keys stay, so the event keeps its shape.
 */
export function redactValue(value: unknown, personal: string[]): unknown {
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    if (personal.some((p) => p && lower.includes(p))) return ERASED;
    return UUID.test(value) || TIMESTAMP.test(value) || CODE.test(value) ? value : ERASED;
  }
  if (Array.isArray(value)) return value.map((v) => redactValue(v, personal));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, personal)]));
  }
  return value;
}

/** The words to look for: the whole name, each word of it of three letters or more, and each address. */
export function personalWords(name: string, addresses: string[]): string[] {
  const n = name.toLowerCase().trim();
  const words = n.split(/\s+/).filter((w) => w.length >= 3);
  return [...new Set([n, ...words, ...addresses.map((a) => a.toLowerCase())])].filter(Boolean);
}
