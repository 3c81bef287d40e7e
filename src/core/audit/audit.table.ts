import { sql } from 'drizzle-orm';
import { bigint, index, pgPolicy, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { appRole } from '../db/rls.js';
import { timestampNow } from '../db/columns.js';

/**
 * Append-only audit log. The app role may insert rows for the current organisation and read them;
 * a trigger (migration 0002) refuses UPDATE, DELETE and TRUNCATE for every role, the owner included.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestampNow(),
    organisationId: uuid(),
    actorUserId: uuid(),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text(),
    /** For changes: the names of the fields that changed (never their values). */
    fields: text().array(),
    requestId: text(),
  },
  (t) => [
    index('audit_log_org_at').on(t.organisationId, t.at),
    pgPolicy('audit_log_read_own', { for: 'select', to: appRole, using: sql`organisation_id = app_current_org()` }),
    pgPolicy('audit_log_insert_own', {
      for: 'insert',
      to: appRole,
      withCheck: sql`organisation_id is not distinct from app_current_org()`,
    }),
  ],
).enableRLS();
