import { z } from 'zod';
import { isoDate, optionalText } from '../../../core/http/validation.js';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const PAGE_SIZE = 50;

/**
 * Filters of the audit log: `action` is a prefix (`person.` finds person.view, person.update…), `entity`
 * exact, `actor` an account of the organisation, `from`/`to` calendar days in Europe/Warsaw, both inclusive.
 */
export const AuditQuery = z
  .object({
    action: optionalText(100),
    entity: optionalText(50),
    actor: z.preprocess(blankToUndefined, z.string().uuid().optional()),
    from: z.preprocess(blankToUndefined, isoDate().optional()),
    to: z.preprocess(blankToUndefined, isoDate().optional()),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], params: { key: 'admin.audit.toBeforeFrom' } });
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
