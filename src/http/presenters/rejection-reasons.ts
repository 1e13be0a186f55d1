import type { RejectionReason } from '../../domain/rejection-reasons';

export function presentRejectionReason(r: RejectionReason) {
  return {
    code: r.code,
    label: r.label,
    beyondControl: r.beyondControl,
    candidateText: r.candidateText,
    description: r.description,
  };
}
