// What the rule compiler refuses, as data: each problem names its file, and where it has one, the rule and field.

export interface CompileProblem {
  /** The YAML file, e.g. "protected.yaml". */
  file: string;
  /** The rule's id (or #n, its position, when it has no usable id). */
  rule?: string;
  /** The field at fault, e.g. "patterns", "examples.fire", "context.names". */
  field?: string;
  message: string;
}

export function describeProblem(p: CompileProblem): string {
  return `${p.file}${p.rule ? ` rule ${p.rule}` : ''}${p.field ? ` ${p.field}` : ''}: ${p.message}`;
}

/** Thrown when rule or theme data is malformed; `problems` lists every problem found, not only the first. */
export class RuleCompileError extends Error {
  constructor(readonly problems: CompileProblem[]) {
    super(`${problems.length} problem(s):\n${problems.map((p) => `  - ${describeProblem(p)}`).join('\n')}`);
    this.name = 'RuleCompileError';
  }
}

/** Collects problems while compiling; throws them together at the end. */
export class Problems {
  readonly list: CompileProblem[] = [];

  add(where: Omit<CompileProblem, 'message'>, message: string): void {
    this.list.push({ ...where, message });
  }

  throwIfAny(): void {
    if (this.list.length) throw new RuleCompileError(this.list);
  }
}
