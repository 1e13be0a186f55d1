import type { Actor } from '../app/context';
import { type Action, roleMay } from '../domain/policy';
import { forbidden } from '../lib/errors';

export type { Action };

/** Routes call `authorize` before they run a use case; the table itself is `src/domain/policy.ts`. */
export function can(actor: Actor, action: Action): boolean {
  return roleMay(actor.role, action);
}

export function authorize(actor: Actor, action: Action): void {
  if (!can(actor, action)) throw forbidden(`The ${actor.role} role may not do this (${action})`);
}
