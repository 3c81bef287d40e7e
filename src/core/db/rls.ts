import { sql, type SQL } from 'drizzle-orm';
import { pgPolicy, pgRole, uuid } from 'drizzle-orm/pg-core';

/**
 * The database role every request runs as (`SET LOCAL ROLE` inside each transaction, see tx.ts).
 * It does not own the tables and has no BYPASSRLS, so row-level security applies to it on both engines.
 * Created by migration 0000 (roles are cluster-wide, so drizzle-kit must not try to create it).
 */
export const appRole = pgRole('tandem_app').existing();

/** The organisation of the current transaction, or NULL outside a tenant transaction. */
export const currentOrg = sql`app_current_org()`;

/** The `organisation_id` column every tenant table carries. */
export const organisationId = () => uuid('organisation_id').notNull();

/**
 * The row-level-security policy of a tenant table: the app role sees and writes only rows of the
 * organisation set for the transaction. A query that forgets its `where organisation_id = …` still
 * cannot reach another tenant's rows.
 */
export const tenantPolicy = (table: string) =>
  pgPolicy(`${table}_tenant`, {
    as: 'permissive',
    for: 'all',
    to: appRole,
    using: sql`organisation_id = app_current_org()`,
    withCheck: sql`organisation_id = app_current_org()`,
  });

/**
 * A RESTRICTIVE policy of the app role: rows must also pass `condition` (for example "the current user is on this
 * case"). The owner is a member of the app role (it must be, to SET ROLE), so a policy for the app role binds the owner
 * as well once row-level security is forced: system work (withSystem) passes it explicitly.
 */
export const restrictivePolicy = (name: string, condition: SQL) =>
  pgPolicy(name, {
    as: 'restrictive',
    for: 'all',
    to: appRole,
    using: sql`app_is_system() or (${condition})`,
    withCheck: sql`app_is_system() or (${condition})`,
  });
