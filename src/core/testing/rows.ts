/**
 * Reading the database behind the app's back in tests, as its owner (no row-level security): what a request wrote, or
 * proof that a refused one wrote nothing.
 */
import assert from 'node:assert/strict';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { auditLog } from '../audit/audit.table.js';
import type { Db } from '../db/database.js';
import { rowsOf, withSystem } from '../db/tx.js';
import { outbox } from '../mail/mail.table.js';

type HasDb = { db: Db };

/** The audit entries of `action` in an organisation. */
export function auditEntries(w: HasDb, organisationId: string, action: string) {
  // In the order written (the identity column): tests read the newest with .at(-1), and rows come back unordered otherwise.
  return withSystem(w.db, (tx) => tx.select().from(auditLog).where(and(eq(auditLog.organisationId, organisationId), eq(auditLog.action, action))).orderBy(auditLog.id));
}

/** The mails queued to an address, oldest first. */
export function mailsTo(w: HasDb, to: string) {
  return withSystem(w.db, (tx) => tx.select().from(outbox).where(eq(outbox.toAddress, to)).orderBy(outbox.createdAt));
}

/** The rows of any query, read as the owner. */
export function query<T>(w: HasDb, q: SQL): Promise<T[]> {
  return withSystem(w.db, async (tx) => rowsOf<T>(await tx.execute(q)));
}

/**
 * The number of rows of `table`: all of them, an organisation's (an id), or those matching a condition (SQL).
 * `table` is a table's SQL name (check_ins, audit_log…).
 */
export async function countRows(w: HasDb, table: string, where?: string | SQL): Promise<number> {
  const condition = where === undefined ? sql`` : typeof where === 'string' ? sql` where organisation_id = ${where}` : sql` where ${where}`;
  const [row] = await query<{ n: number }>(w, sql`select count(*)::int as n from ${sql.identifier(table)}${condition}`);
  return Number(row!.n);
}

/** The row counts of several tables at once (all organisations): compare before and after a refused request. */
export async function countsOf<T extends string>(w: HasDb, tables: readonly T[]): Promise<Record<T, number>> {
  const out = {} as Record<T, number>;
  for (const table of tables) out[table] = await countRows(w, table);
  return out;
}

/** Asserts how many rows each table in `expected` gained from one `countsOf` snapshot to a later one (other tables: not checked). */
export function assertRowsAdded<T extends string>(before: Record<T, number>, after: Record<T, number>, expected: Partial<Record<T, number>>, message?: string): void {
  const added = Object.fromEntries(Object.keys(expected).map((table) => [table, after[table as T] - before[table as T]]));
  assert.deepEqual(added, expected, message);
}
