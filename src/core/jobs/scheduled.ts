import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { withSystem } from '../db/tx.js';
import { enqueue, type JobHandler } from './queue.js';

/**
 * Periodic housekeeping. Each worker tick enqueues the task for the current hour with a unique key,
 * so however many instances run, each hour's task runs once.
 */
let lastHour = '';

export const scheduledTasks = {
  /**
   * `hourlyJobs`: the job kinds the modules enqueue every hour like housekeeping (ModuleDefinition.hourlyJobs, one job
   * per kind and hour across instances). Each module's handler decides what is due in each organisation's own time
   * zone — e.g. the pairs' weekly digest on Monday morning and monthly reminder on the 1st.
   */
  async tick(db: Db, hourlyJobs: readonly string[] = []) {
    const hour = new Date().toISOString().slice(0, 13);
    // Only a shortcut: the unique key is what prevents duplicates across instances.
    if (hour === lastHour) return;
    lastHour = hour;
    await withSystem(db, async (tx) => {
      await enqueue(tx, 'housekeeping', {}, { uniqueKey: `housekeeping:${hour}` });
      for (const kind of hourlyJobs) await enqueue(tx, kind, {}, { uniqueKey: `${kind}:${hour}` });
    });
  },
  handlers(db: Db): Record<string, JobHandler> {
    return {
      housekeeping: async () => {
        await withSystem(db, async (tx) => {
          await tx.execute(sql`delete from sessions where expires_at < now()`);
          await tx.execute(sql`delete from rate_limits where reset_at < now()`);
          await tx.execute(sql`delete from email_tokens where expires_at < now() - interval '30 days'`);
          await tx.execute(sql`delete from jobs where status = 'done' and finished_at < now() - interval '7 days'`);
          await tx.execute(sql`delete from used_form_tokens where used_at < now() - interval '2 days'`);
          await tx.execute(sql`delete from sign_in_throttle where last_failure_at < now() - interval '1 day' and (blocked_until is null or blocked_until < now())`);
          // A password-reset job carries the typed address: it goes as soon as it has run.
          await tx.execute(sql`delete from jobs where kind = 'auth.password_reset' and status in ('done', 'failed')`);
        });
      },
    };
  },
};
