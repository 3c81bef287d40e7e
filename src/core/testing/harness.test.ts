/**
 * The test harness itself: a test app starts on a database that is as migrated — no rows in any table but the
 * secret the app writes when it starts — whether it is a new copy of the snapshot or template, or (on PGlite) the
 * emptied database of an app closed before it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { rowsOf, withSystem } from '../db/tx.js';
import { auditLog } from '../audit/audit.table.js';
import { createOrganisation, createUser } from './fixtures.js';
import { keepClosedDatabases, reusedDatabases, testApp } from './harness.js';

/** The tables of the app that have any rows. */
async function tablesWithRows(db: Db): Promise<string[]> {
  return withSystem(db, async (tx) => {
    const tables = rowsOf<{ name: string }>(await tx.execute(sql`select format('%I', tablename) as name from pg_tables where schemaname = 'public' order by 1`));
    assert.ok(tables.length > 40, `the app's tables (${tables.length})`);
    const filled: string[] = [];
    for (const { name } of tables) {
      const [counted] = rowsOf<{ n: number }>(await tx.execute(sql.raw(`select count(*)::int as n from public.${name}`)));
      if (counted!.n > 0) filled.push(name);
    }
    return filled;
  });
}

/** What the app itself writes when it starts: its signing secret. */
const STARTED = ['app_secrets'];

describe('test harness', () => {
  test('a test app starts with every table empty but its secret: the migrations create no rows', async () => {
    const t = await testApp();
    try {
      assert.deepEqual(await tablesWithRows(t.database.db), STARTED);
    } finally {
      await t.close();
    }
  });

  test('the next test app sees nothing of the one closed before it, and audit entries are numbered from 1 again', async (t) => {
    // Released also when the test fails: a PGlite kept open would keep this file's process alive.
    t.after(keepClosedDatabases());
    const first = await testApp();
    try {
      const org = await createOrganisation(first.database.db, 'first');
      await createUser(first.database.db, { organisationId: org.id, roles: ['administrator'] });
      await withSystem(first.database.db, (tx) => tx.insert(auditLog).values({ organisationId: org.id, action: 'person.create', entity: 'person' }));
      assert.deepEqual(await tablesWithRows(first.database.db), ['app_secrets', 'audit_log', 'credentials', 'memberships', 'organisations', 'people', 'users']);
    } finally {
      await first.close();
    }
    const reusedBefore = reusedDatabases();
    const second = await testApp();
    try {
      // On PGlite the second app runs on the first one's database, emptied (the point of this test); on PostgreSQL
      // each app has a new copy of the template.
      if (second.database.engine === 'pglite') assert.equal(reusedDatabases(), reusedBefore + 1, "the closed app's PGlite database was emptied and reused");
      assert.deepEqual(await tablesWithRows(second.database.db), STARTED);
      const org = await createOrganisation(second.database.db, 'second');
      const [entry] = await withSystem(second.database.db, (tx) =>
        tx.insert(auditLog).values({ organisationId: org.id, action: 'person.create', entity: 'person' }).returning({ id: auditLog.id }),
      );
      assert.equal(Number(entry!.id), 1);
    } finally {
      await second.close();
    }
  });
});
