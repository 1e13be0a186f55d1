// The themes' vocabulary as compiled from themes.yaml, cues.yaml and roles.yaml. Pure types.

export interface ThemeData {
  id: string;
  label: string;
  description: string;
  suggestedActions: string[];
  /** Phrases that say by themselves that something fell short. */
  gap: string[];
  /** Phrases that name an area; they need a shortfall or a requirement in their clause. */
  topic: string[];
  /**
   * Words of the theme's area, lower case, one or two words each ("patient", "lesson", "care plan"), with those
   * WordNet relates to them (lexicon.txt). In a gap they lean its theme toward this one, a word at a time.
   */
  words: string[];
  /**
   * About the role applied for (someone else had more experience, the role closed), never one a new role tests:
   * roles.yaml may not list it and a job description does not ask for it.
   */
  pastRole: boolean;
  /** The practice of one line of work (nursing, teaching, selling, finance, customer care, design): its words weigh more. */
  field: boolean;
}

/**
 * The cues that decide, clause by clause, whether a phrase counts (cues.yaml): regular expressions as written,
 * matched case-insensitively.
 */
export interface ThemeCues {
  /** Words, or word endings ("n't"), that say a clause fell short. */
  shortfall: { words: string[]; endings: string[] };
  /** Phrases that clear an area ("no concerns about ..."). */
  noConcern: string[];
  /** Words that state a requirement. */
  requirement: string[];
  /** Words of praise. */
  praise: string[];
  /** A negating word or ending, then at most two of the words `between`, just before a gap phrase. */
  negation: { words: string[]; endings: string[]; between: string[] };
  /** Where a sentence divides into clauses: marks, and words after an optional comma. */
  clauseBreaks: { marks: string[]; words: string[] };
}

export interface RoleFamilyData {
  id: string;
  /** A regular-expression source, matched case-insensitively against the role's title. */
  title: string;
  themes: string[];
}

export interface RoleThemesData {
  default: string[];
  leadTitle: string;
  managerTitle: string;
  families: RoleFamilyData[];
}

export interface ThemeExamples {
  /** Each must name the theme. */
  fire: string[];
  /** Each must not name the theme. */
  pass: string[];
  /** Gaps (a criterion and what was observed) whose one theme must be this one. */
  gaps: { criterion: string | null; evidence: string }[];
}

export interface CompiledThemes {
  themes: ThemeData[];
  cues: ThemeCues;
  roles: RoleThemesData;
  examples: Record<string, ThemeExamples>;
}
