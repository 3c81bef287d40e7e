import { sql } from 'drizzle-orm';
import type { Db } from './database.js';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Who a tenant transaction acts for. */
export interface TenantScope {
  organisationId: string;
  userId: string | null;
}

/**
 * Runs `work` in one transaction as the `tandem_app` role with the organisation and user set for
 * row-level security. Everything a request does to tenant data goes through here.
 * Uses the driver's transaction API (never a raw BEGIN: PGlite shares one session between requests)
 * and only transaction-local settings (`set_config(..., true)`), which vanish at COMMIT/ROLLBACK.
 */
export function withTenant<T>(db: Db, scope: TenantScope, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', 'tandem_app', true), set_config('app.org_id', ${scope.organisationId}, true), set_config('app.user_id', ${scope.userId ?? ''}, true)`,
    );
    return work(tx);
  });
}

/**
 * Runs `work` in one transaction as the database owner: for sign-in, sessions, jobs, migrations
 * and the demo seed — work that is not on behalf of one organisation. Keep it out of feature code.
 * Row-level security is forced on the owner too; the transaction-local `app.system` mark is what lets this
 * transaction (and only the owner's) past it, so a query run on `db` outside both helpers sees no tenant rows.
 */
export function withSystem<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.system', 'on', true)`);
    return work(tx);
  });
}

/** Rows of a raw `execute`, the same on both drivers. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
