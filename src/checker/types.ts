// Shared types of the checker. Plain TypeScript: no Node APIs, so the browser can load it.

import type { Jurisdiction, Mode, Severity } from './vocabulary';

export type { Jurisdiction, Mode, Severity };

/** A rule's severity, or `review`: the second opinion's prompt to look again (second-opinion.ts), never blocking. */
export type FindingSeverity = Severity | 'review';

export interface Finding {
  ruleId: string;
  category: string;
  severity: FindingSeverity;
  /** UTF-16 offset into the text given (inclusive). */
  start: number;
  /** UTF-16 offset into the text given (exclusive). */
  end: number;
  /** text.slice(start, end); empty for a finding about the whole document. */
  text: string;
  message: string;
  suggestion: string;
}

export interface CheckOptions {
  /** Default: feedback. */
  mode?: Mode;
  /** Default: all jurisdictions. A rule applies when it carries any of these tags. */
  jurisdictions?: Jurisdiction[];
  /**
   * Feedback mode: also ask a second opinion about sentences no rule reported on, e.g. `secondOpinion` from
   * second-opinion.ts (a model trained on the labelled sets). Off unless given: nothing that ships passes one, so its
   * weights stay out of the server's and the web app's bundles (eval/REALWORLD.md, "Second opinion", says why).
   */
  secondOpinion?: SecondOpinion;
}

/** Review findings for the sentences of `text` that no finding in `ruled` touches; offsets count from `base`. */
export type SecondOpinion = (text: string, ruled: readonly Finding[], base?: number) => Finding[];

/** What a document-level rule looks for once the whole text has been seen. */
export type DocumentTest =
  /** No rule gave `signal`, and (with `when`) rules gave every one of those: a letter that states an outcome. */
  { kind: 'absent'; signal: string; when?: string[] } | { kind: 'maxWords'; limit: number };

/** One rule as compiled from YAML by scripts/compile-rules.ts (macros expanded, defaults applied). */
export interface RuleData {
  id: string;
  category: string;
  severity: Severity;
  mode: Mode;
  jurisdictions: Jurisdiction[];
  /** Legal or research basis, cited in the message too. */
  basis: string;
  /** Regular-expression sources (case-insensitive), each a phrase; empty for document rules. */
  patterns: string[];
  /** A signal rule marks that something is present (e.g. a thank-you) and reports nothing itself. */
  signal?: string;
  document?: DocumentTest;
  /** Context tests, run only around a match, on the match's sentence. */
  requireBefore?: string;
  requireAfter?: string;
  unlessBefore?: string;
  unlessAfter?: string;
  unlessSentence?: string;
  /** Like requireAfter, but case-sensitive and taken as written (no macros): to require a capitalised name. */
  requireAfterCased?: string;
  /** Skip when the phrase modifies a thing ("disability insurance product", "native app"). Default true. */
  thingCheck: boolean;
  /** A negation just before the match clears it (never for protected characteristics). */
  negationClears: boolean;
  /** Observed behaviour in the same sentence ("when she interrupted...") clears it. */
  evidenceClears: boolean;
  /** May contain {text}, replaced with the matched text. */
  message: string;
  suggestion: string;
}

export interface RuleExamples {
  /** Each must yield a finding of the rule. */
  fire: string[];
  /** Each must yield no finding of the rule's category. */
  pass: string[];
}
