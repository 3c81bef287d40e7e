import type { Tx } from '../db/tx.js';
import type { AuditAction, AuditEntity } from './actions.js';
import { auditLog } from './audit.table.js';

export type { AuditAction, AuditEntity } from './actions.js';

/** Who does something, on behalf of which organisation; every service takes one. */
export interface Actor {
  organisationId: string;
  userId: string;
  requestId?: string;
}

export interface AuditEntry {
  /** What happened, `<entity>.<verb>`: person.view, person.update, user.invite, session.sign_in… (registry: actions.ts) */
  action: AuditAction;
  entity: AuditEntity;
  entityId?: string | null;
  /** For changes: names of the fields that changed (never their values, which may be personal data). */
  fields?: string[];
}

/** Appends an audit row in the caller's transaction, so the change and its record commit together. */
export async function audit(tx: Tx, actor: Pick<Actor, 'organisationId' | 'userId' | 'requestId'> | { organisationId: string | null; userId: string | null; requestId?: string }, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    fields: entry.fields && entry.fields.length > 0 ? entry.fields : null,
    requestId: actor.requestId ?? null,
  });
}

/** Names of the fields whose values differ between two versions of a record. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): string[] {
  return Object.keys(after).filter((k) => {
    const a = before[k];
    const b = after[k];
    return (a ?? null) !== (b ?? null) && !(a instanceof Date && b instanceof Date && a.getTime() === b.getTime());
  });
}
