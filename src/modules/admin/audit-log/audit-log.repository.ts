import { and, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { actionsOfGroup } from '../../../core/audit/actions.js';
import { auditLog } from '../../../core/audit/audit.table.js';
import { users } from '../../../core/auth/auth.table.js';
import type { Tx } from '../../../core/db/tx.js';
import { people } from '../../../core/tenancy/tenancy.table.js';
import type { AuditQuery } from './audit-log.schemas.js';

/** Which entries: the organisation's, matching the filter; its calendar days are days in the organisation's zone. */
type Scope = { organisationId: string; timeZone: string };

function conditions({ organisationId, timeZone }: Scope, q: Omit<AuditQuery, 'page'>): SQL[] {
  const where = [eq(auditLog.organisationId, organisationId)];
  if (q.group) where.push(inArray(auditLog.action, actionsOfGroup(q.group)));
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.entity) where.push(eq(auditLog.entity, q.entity));
  if (q.actor) where.push(eq(auditLog.actorUserId, q.actor));
  if (q.from) where.push(sql`${auditLog.at} >= (${q.from}::date)::timestamp at time zone ${timeZone}`);
  if (q.to) where.push(sql`${auditLog.at} < ((${q.to}::date + 1)::timestamp at time zone ${timeZone})`);
  return where;
}

/** One page of the organisation's audit entries, newest first, with the actor's account name where visible. */
export function findAuditEntries(tx: Tx, scope: Scope, q: Omit<AuditQuery, 'page'>, limit: number, offset: number) {
  return tx
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      actorName: users.displayName,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      fields: auditLog.fields,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(...conditions(scope, q)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit)
    .offset(offset);
}

export async function countAuditEntries(tx: Tx, scope: Scope, q: Omit<AuditQuery, 'page'>): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(...conditions(scope, q)));
  return Number(row?.n ?? 0);
}

/** The accounts of the organisation (people with a user), unsorted. */
export function findOrganisationAccounts(tx: Tx, organisationId: string) {
  return tx
    .select({ userId: sql<string>`${people.userId}`, givenName: people.givenName, familyName: people.familyName })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), isNotNull(people.userId)));
}
