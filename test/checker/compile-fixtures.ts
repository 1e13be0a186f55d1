/** A minimal rule file for the compiler's tests: one age rule, its examples, and a file header. */
export const rule = (id: string, extra = '') => `
  - id: ${id}
    basis: "UK Equality Act 2010 s.5"
    patterns: ["too old"]
    message: "Age."
    suggestion: "Describe the work instead."
${extra}`;
export const examples = `    examples: { fire: ["Too old."], pass: ["The library is old."] }`;
export const header = 'mode: feedback\ncategory: protected\nseverity: block\njurisdictions: [us]\nrules:';
