// The themes' vocabulary as compiled from themes.yaml and roles.yaml. Pure types.

export interface ThemeData {
  id: string;
  label: string;
  description: string;
  suggestedActions: string[];
  /** Phrases that say by themselves that something fell short. */
  gap: string[];
  /** Phrases that name an area; they need a shortfall or a requirement in their clause. */
  topic: string[];
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
}

export interface CompiledThemes {
  themes: ThemeData[];
  roles: RoleThemesData;
  examples: Record<string, ThemeExamples>;
}
