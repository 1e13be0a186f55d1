import { type FigureList, figureQuery } from '../../../src/domain/dashboard-lists';

/**
 * The address of every job's applications list with these filters, as the list keeps them in its address (the
 * feedback state as `feedback`, the rest by their API names).
 */
export function listLink(l: FigureList) {
  const p = figureQuery(l);
  const feedback = p.get('feedbackStatus');
  if (feedback) {
    p.delete('feedbackStatus');
    p.set('feedback', feedback);
  }
  return `/applications?${p}`;
}
