import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestampNow, timestamptz } from '../db/columns.js';

/**
 * The job queue. Workers claim due jobs with `FOR UPDATE SKIP LOCKED`, so any number of app
 * instances can run workers on one database. Only system transactions touch it; a request adds a job through the
 * app_enqueue_job() function (see queue.ts), never by writing the table.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().notNull(),
    payload: jsonb().notNull().default({}),
    /** Same key, same job: a scheduled task enqueued twice runs once. */
    uniqueKey: text().unique(),
    runAt: timestampNow(),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(8),
    status: text().notNull().default('queued'),
    lockedBy: text(),
    lockedUntil: timestamptz(),
    lastError: text(),
    createdAt: timestampNow(),
    finishedAt: timestamptz(),
  },
  (t) => [
    check('jobs_status', sql`${t.status} in ('queued','running','done','failed')`),
    index('jobs_due').on(t.status, t.runAt),
  ],
);
