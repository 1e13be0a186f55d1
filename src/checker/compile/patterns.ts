// Pattern syntax (see src/checker/rules/README.md): a JavaScript regular expression, case-insensitive, matched at
// word boundaries, where a space means "one or more whitespace characters", `~` means "a space, a hyphen or
// nothing", an apostrophe also matches a curly one, and {NAME} inserts a macro from context.yaml.

import type { CompileProblem, Problems } from './errors';

type Where = Omit<CompileProblem, 'message'>;

export function expandMacros(
  source: string,
  macros: Record<string, string>,
  where: Where,
  problems: Problems,
  depth = 0,
): string {
  if (depth > 8) {
    problems.add(where, 'macros nest too deeply (a macro refers to itself?)');
    return source;
  }
  return source.replace(/\{([A-Z][A-Z0-9_]*)\}/g, (_, name: string) => {
    const macro = macros[name];
    if (!(name in macros) || macro === undefined) {
      problems.add(where, `unknown macro {${name}}`);
      return '';
    }
    return `(?:${expandMacros(macro, macros, where, problems, depth + 1)})`;
  });
}

/** Space -> \s+, `~` -> optional space or hyphen, ' -> straight or curly apostrophe (outside character classes). */
export function transform(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      out += c + (source[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c === "'" ? "'’" : c;
      continue;
    }
    if (c === '[') inClass = true;
    if (c === ' ') {
      while (source[i + 1] === ' ') i++;
      out += '\\s+';
    } else if (c === '~') out += '(?:\\s+|-)?';
    else if (c === "'") out += "['’]";
    else out += c;
  }
  return out;
}

/**
 * Notes are typed fast: a negative contraction is often written without its apostrophe ("didnt", "wasnt", "dont").
 * Every `n't` in a pattern also matches `nt`, for the trigger words and the compiled expression alike.
 */
export function loosen(source: string): string {
  return source.replace(/n't\b/g, "n'?t");
}

/** The regular-expression source of a pattern; a problem when it does not compile (or, for a phrase, captures). */
export function compilePattern(
  source: string,
  macros: Record<string, string>,
  where: Where,
  problems: Problems,
  allowCaptures = false,
): string {
  const expanded = transform(loosen(expandMacros(source, macros, where, problems)));
  let re: RegExp;
  try {
    re = new RegExp(expanded, 'i');
  } catch (e) {
    problems.add(where, `pattern ${JSON.stringify(source)} does not compile: ${(e as Error).message}`);
    return expanded;
  }
  if (!allowCaptures) {
    const groups = (new RegExp(`${expanded}|`).exec('')?.length ?? 1) - 1;
    if (groups > 0)
      problems.add(where, `pattern ${JSON.stringify(source)} has a capturing group; use (?:...)`);
    if (re.test('')) problems.add(where, `pattern ${JSON.stringify(source)} matches the empty string`);
  }
  return expanded;
}
