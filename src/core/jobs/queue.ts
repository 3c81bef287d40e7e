import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { rowsOf, withSystem, type Tx } from '../db/tx.js';

export interface Job {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

export type JobHandler = (job: Job) => Promise<void>;

/**
 * Adds a job in the caller's transaction (so it exists only if the change commits).
 * With a `uniqueKey`, enqueuing the same job twice keeps one. Goes through app_enqueue_job() (migration 0007),
 * the only way the app role can add a job: it cannot read, change or remove any.
 */
export async function enqueue(tx: Tx, kind: string, payload: Record<string, unknown>, opts: { runAt?: Date; uniqueKey?: string; maxAttempts?: number } = {}) {
  const runAt = (opts.runAt ?? new Date()).toISOString();
  await tx.execute(sql`select app_enqueue_job(${kind}, ${JSON.stringify(payload)}::jsonb, ${opts.uniqueKey ?? null}, ${runAt}::timestamptz, ${opts.maxAttempts ?? 8})`);
}

/** Seconds to wait before attempt n+1: 10 s, 20 s, 40 s … capped at one hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 10 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Claims up to `limit` due jobs. `FOR UPDATE SKIP LOCKED` lets several workers (several app instances)
 * poll one table without taking the same job; a job whose worker died is retried after its lock expires.
 */
export async function claimJobs(db: Db, workerId: string, limit: number): Promise<Job[]> {
  return withSystem(db, async (tx) =>
    rowsOf<Job>(
      await tx.execute(sql`
        update jobs set status = 'running', locked_by = ${workerId}, locked_until = now() + interval '5 minutes', attempts = attempts + 1
        where id in (
          select id from jobs
          where (status = 'queued' and run_at <= now()) or (status = 'running' and locked_until < now())
          order by run_at
          limit ${limit}
          for update skip locked)
        returning id, kind, payload, attempts, max_attempts`),
    ),
  );
}

export async function finishJob(db: Db, id: string): Promise<void> {
  await withSystem(db, (tx) => tx.execute(sql`update jobs set status = 'done', finished_at = now(), locked_by = null, locked_until = null, last_error = null where id = ${id}`));
}

/** Records a failure: retried later with backoff, or failed for good after the last attempt. */
export async function failJob(db: Db, job: Job, error: string): Promise<'retry' | 'failed'> {
  const final = job.attempts >= job.max_attempts;
  const delay = backoffSeconds(job.attempts);
  await withSystem(db, (tx) =>
    tx.execute(sql`
      update jobs set
        status = ${final ? 'failed' : 'queued'},
        run_at = now() + ${delay} * interval '1 second',
        finished_at = ${final ? sql`now()` : null},
        locked_by = null, locked_until = null,
        last_error = ${error.slice(0, 500)}
      where id = ${job.id}`),
  );
  return final ? 'failed' : 'retry';
}
