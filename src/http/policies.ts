import type { Actor } from '../app/context';
import type { Role } from '../db/schema';
import { forbidden } from '../lib/errors';

/** Who may do what. Routes call `authorize` before they run a use case. */
const POLICY = {
  'users.read': ['admin', 'recruiter', 'hiring-manager'],
  'users.manage': ['admin'],
  'tokens.manage': ['admin'],
  'jobs.read': ['admin', 'recruiter', 'hiring-manager', 'interviewer'],
  'jobs.manage': ['admin', 'recruiter'],
  'applications.read': ['admin', 'recruiter', 'hiring-manager', 'interviewer'],
  'applications.create': ['admin', 'recruiter'],
  'scorecards.submit': ['admin', 'recruiter', 'hiring-manager', 'interviewer'],
  'applications.reject': ['admin', 'recruiter', 'hiring-manager'],
  'feedback.review': ['admin', 'recruiter', 'hiring-manager'],
  'feedback.override': ['admin'],
  'reasons.manage': ['admin'],
  'audit.read': ['admin', 'recruiter', 'hiring-manager'],
  'stats.read': ['admin', 'recruiter', 'hiring-manager'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof POLICY;

export function can(actor: Actor, action: Action): boolean {
  return (POLICY[action] as readonly Role[]).includes(actor.role);
}

export function authorize(actor: Actor, action: Action): void {
  if (!can(actor, action)) throw forbidden(`The ${actor.role} role may not do this (${action})`);
}
