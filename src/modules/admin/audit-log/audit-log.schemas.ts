import { z } from 'zod';
import { AUDIT_ACTIONS, AUDIT_ACTION_NAMES, AUDIT_ENTITIES, AUDIT_GROUPS, type AuditAction, type AuditEntity } from '../../../core/audit/actions.js';
import { isoDate } from '../../../core/http/validation.js';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess(blankToUndefined, z.enum(values).optional());

export const PAGE_SIZE = 50;

/**
 * Filters of the audit log, each chosen from a list: `group` an area (volunteers, concerns…), `action` one registered
 * action (it must belong to the chosen area), `entity` a kind of record, `actor` an account of the organisation,
 * `from`/`to` calendar days in the organisation's time zone, both inclusive. Anything else is a field error, never a 500.
 */
export const AuditQuery = z
  .object({
    group: choice(AUDIT_GROUPS),
    action: choice(AUDIT_ACTION_NAMES as [AuditAction, ...AuditAction[]]),
    entity: choice(AUDIT_ENTITIES),
    actor: z.preprocess(blankToUndefined, z.string().uuid().optional()),
    from: z.preprocess(blankToUndefined, isoDate().optional()),
    to: z.preprocess(blankToUndefined, isoDate().optional()),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], params: { key: 'admin.audit.toBeforeFrom' } })
  .refine((q) => !q.group || !q.action || AUDIT_ACTIONS[q.action] === q.group, { path: ['action'], params: { key: 'admin.audit.actionNotInGroup' } });
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntryOutput = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  /** Null for the system, or for an account no longer known to the organisation. */
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  fields: z.array(z.string()),
});
export type AuditEntryOutput = z.infer<typeof AuditEntryOutput>;

/** An account of the organisation, for the actor filter. */
export interface AuditActor {
  userId: string;
  name: string;
}

export type { AuditAction, AuditEntity };
