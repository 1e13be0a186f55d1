import { and, asc, desc, eq, gt, gte, like, lt, type SQL } from 'drizzle-orm';
import { auditEvents } from '../../db/schema';
import { AppError } from '../../lib/errors';
import type { Actor, AppContext } from '../context';
import { loadApplication } from '../load';

/**
 * What an admin narrows the organization's audit trail to. Every filter is optional; the organization is not: it
 * comes from who asks, never from the request.
 */
export interface AuditFilters {
  /** The member who acted (in person or through one of their API tokens). */
  actorId?: string;
  /** An exact action (`feedback.sent`) or, ending in `.`, every action under it (`feedback.`). */
  action?: string;
  /** Events at or after this time. */
  from?: Date;
  /** Events before this time (a date given alone counts its whole day: the API passes the next midnight). */
  before?: Date;
  applicationId?: string;
}

export type AuditOrder = 'asc' | 'desc';

/** The conditions of a search, scoped to the actor's organization. */
export function auditConditions(organizationId: string, f: AuditFilters): SQL {
  const action = f.action;
  return and(
    eq(auditEvents.organizationId, organizationId),
    f.actorId ? eq(auditEvents.actorId, f.actorId) : undefined,
    action
      ? action.endsWith('.')
        ? like(auditEvents.action, `${action.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`)
        : eq(auditEvents.action, action)
      : undefined,
    f.from ? gte(auditEvents.at, f.from) : undefined,
    f.before ? lt(auditEvents.at, f.before) : undefined,
    f.applicationId ? eq(auditEvents.applicationId, f.applicationId) : undefined,
  ) as SQL;
}

/** Events after the cursor's (by number, which is also the order they were written in). */
export function afterEvent(order: AuditOrder, lastId: number | undefined): SQL | undefined {
  if (lastId === undefined) return undefined;
  return order === 'asc' ? gt(auditEvents.id, lastId) : lt(auditEvents.id, lastId);
}

export const inOrder = (order: AuditOrder) => (order === 'asc' ? asc(auditEvents.id) : desc(auditEvents.id));

/** An application id in the filters must be one of the organization's applications: another's is 404, as anywhere. */
export async function checkFilters(ctx: AppContext, actor: Actor, f: AuditFilters): Promise<void> {
  if (f.applicationId) await loadApplication(ctx.db, actor.organizationId, f.applicationId);
  if (f.from && f.before && f.from >= f.before)
    throw new AppError(400, 'invalid-request', 'query.to: must be after query.from');
}

/**
 * The cursor is opaque: the last event's number and the order, sealed (AES-GCM, see ctx.secrets) to the organization.
 * A cursor that was altered, made up, or given to another organization or for the other order is refused (400).
 */
export function encodeAuditCursor(ctx: AppContext, organizationId: string, order: AuditOrder, id: number) {
  return ctx.secrets.seal(`${order}|${id}`, `audit-cursor:${organizationId}`);
}

export function decodeAuditCursor(
  ctx: AppContext,
  organizationId: string,
  order: AuditOrder,
  cursor: string | undefined,
): number | undefined {
  if (!cursor) return undefined;
  try {
    const [o, id, ...rest] = ctx.secrets.open(cursor, `audit-cursor:${organizationId}`).split('|');
    if (rest.length || o !== order || !id || !/^\d{1,18}$/.test(id)) throw new Error('bad');
    return Number(id);
  } catch {
    throw new AppError(400, 'invalid-request', 'query.cursor: not a cursor this API gave out');
  }
}
