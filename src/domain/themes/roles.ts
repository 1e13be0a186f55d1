// Which themes a role's interviews test (roles.yaml), and the open actions to recall before such an interview.
// The first family whose title pattern matches gives the base list; words in the title (lead, manager, senior) and
// in the description add to it. Pure and deterministic: no I/O, no clock; browser-safe.

import { findTheme } from './catalogue';
import { requestedBy } from './match';
import { ROLE_THEMES } from './vocabulary.generated';

interface RoleFamily {
  id: string;
  title: RegExp;
  themes: string[];
}

export const ROLE_FAMILIES: readonly RoleFamily[] = ROLE_THEMES.families.map((f) => ({
  id: f.id,
  title: new RegExp(f.title, 'i'),
  themes: f.themes,
}));

const DEFAULT_ROLE_THEMES = ROLE_THEMES.default;

/** A title that leads work: leadership is tested. */
const LEAD_TITLE = new RegExp(ROLE_THEMES.leadTitle, 'i');
/** A title that manages people or teams: collaboration is tested too. */
const MANAGER_TITLE = new RegExp(ROLE_THEMES.managerTitle, 'i');

/**
 * The themes a new role's interviews will likely test, most central first: the family of its title (e.g. 'Backend
 * Engineer': technical-depth, system-design, problem-solving, communication, interview-structure), leadership and
 * collaboration for a lead or manager, then the themes its description names.
 */
export function themesForRole(roleTitle: string, description?: string): string[] {
  const family = ROLE_FAMILIES.find((f) => f.title.test(roleTitle));
  const out = [...(family?.themes ?? DEFAULT_ROLE_THEMES)];
  const add = (id: string) => {
    if (!out.includes(id)) out.push(id);
  };
  if (LEAD_TITLE.test(roleTitle)) add('leadership');
  if (MANAGER_TITLE.test(roleTitle)) add('collaboration');
  if (description) for (const id of requestedBy(description)) add(id);
  return out;
}

export interface OpenAction {
  id: string;
  theme: string;
  title: string;
  due?: string | null;
  done: boolean;
}

export interface Reminder {
  actionId: string;
  theme: string;
  title: string;
  why: string;
}

/**
 * Before an interview: the candidate's open actions on themes the role needs, in the order of the role's themes,
 * then by due date (undated last), then as given. Done actions and themes the role does not test are left out.
 */
export function remindersFor(
  roleTitle: string,
  description: string | undefined,
  openActions: OpenAction[],
): Reminder[] {
  const needed = themesForRole(roleTitle, description);
  const role = roleTitle.trim().replace(/\s+/g, ' ') || 'this role';
  return openActions
    .map((action, index) => ({ action, index, rank: needed.indexOf(action.theme) }))
    .filter((x) => !x.action.done && x.rank >= 0)
    .sort((a, b) => {
      const da = a.action.due ?? '\uffff';
      const db = b.action.due ?? '\uffff';
      return a.rank - b.rank || (da < db ? -1 : da > db ? 1 : 0) || a.index - b.index;
    })
    .map(({ action }) => {
      const label = findTheme(action.theme)?.label ?? action.theme;
      const due = action.due ? ` (due ${action.due})` : '';
      return {
        actionId: action.id,
        theme: action.theme,
        title: action.title,
        why: `Interviews for ${role} usually test ${label.toLowerCase()}, and this action on it is still open${due}.`,
      };
    });
}
