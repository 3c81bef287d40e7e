import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.js';
import { loggableError } from '../http/errors.js';
import { claimJobs, failJob, finishJob, type JobHandler } from './queue.js';

export interface Worker {
  /** Runs every due job once (the loop calls it; tests call it directly). Returns how many ran. */
  runDue(): Promise<number>;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

/**
 * Polls the job table and runs handlers by job kind. `tick` runs before each poll, for scheduled tasks
 * that enqueue themselves with a unique key (one per period), so any number of instances schedule each once.
 */
export function createWorker(db: Db, handlers: Record<string, JobHandler>, log: FastifyBaseLogger, tick?: () => Promise<void>): Worker {
  const id = `worker-${randomUUID()}`;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function runDue(): Promise<number> {
    if (tick) await tick();
    let count = 0;
    for (;;) {
      const batch = await claimJobs(db, id, 10);
      if (batch.length === 0) return count;
      for (const job of batch) {
        const handler = handlers[job.kind];
        try {
          if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
          await handler(job);
          await finishJob(db, job.id);
        } catch (err) {
          const outcome = await failJob(db, job, loggableError(err).message);
          log.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, outcome, err: loggableError(err).message }, 'job failed');
        }
        count++;
      }
    }
  }

  return {
    runDue: () => (running ??= runDue().finally(() => (running = undefined))),
    start(intervalMs = 2000) {
      timer = setInterval(() => {
        if (!running) this.runDue().catch((err: Error) => log.error({ err: loggableError(err).message }, 'worker poll failed'));
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
