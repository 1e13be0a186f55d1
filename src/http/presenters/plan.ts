import type { planActions } from '../../db/schema';

export function presentPlanAction(a: typeof planActions.$inferSelect) {
  return {
    id: a.id,
    theme: a.theme,
    title: a.title,
    dueOn: a.dueOn,
    done: Boolean(a.doneAt),
  };
}

/** The improvement plan, its actions shown as the API shows them. */
export function presentImprovementPlan<T extends { actions: (typeof planActions.$inferSelect)[] }>(p: T) {
  return { ...p, actions: p.actions.map(presentPlanAction) };
}
