import { z } from 'zod';
import type { Db } from '../../../core/db/database.js';
import type { JobHandler } from '../../../core/jobs/queue.js';
import { SIDES } from './check-ins.schemas.js';
import { JOB, planDigest, planDue, planReminders, sendDigest, sendReminder } from './digest.service.js';

const id = z.string().uuid();
const digestPayload = z.object({
  organisationId: id,
  userId: id,
  week: z.string(),
  overdue: z.array(z.object({ matchId: id, side: z.enum(SIDES), days: z.number().int() })),
  quiet: z.array(z.object({ matchId: id, days: z.number().int(), lastMeetingOn: z.string().nullable() })),
});

export interface FollowUpJobOptions {
  /** Read per run: the e2e server learns its address after the app is built. */
  baseUrl: () => string;
  /**
   * Whether the hourly job looks at the calendar. Off in the test environment, so the weekday a test happens to run
   * on cannot add digests to other tests' mail; tests drive these handlers with a fixed clock instead.
   */
  calendar: boolean;
  clock?: () => Date;
}

/**
 * The jobs of the digests and reminders. The hourly job (scheduled by core/jobs/scheduled.ts) enqueues, per
 * organisation and in its zone, the week's digest on Monday from 07:00 and the month's reminder on the 1st from 09:00,
 * each under a unique key; those plan one send job per recipient, again under a unique key; the send jobs write the
 * mails. So however many workers run and however often a job repeats, each person gets one digest a week and one
 * reminder a month.
 */
export function followUpJobs(db: Db, opts: FollowUpJobOptions): Record<string, JobHandler> {
  const now = () => (opts.clock ?? (() => new Date()))();
  return {
    [JOB.hourly]: async () => {
      if (opts.calendar) await planDue(db, now());
    },
    [JOB.digest]: async (job) => {
      const p = z.object({ organisationId: id, week: z.string() }).parse(job.payload);
      await planDigest(db, p.organisationId, p.week, now());
    },
    [JOB.digestSend]: async (job) => {
      await sendDigest(db, opts.baseUrl(), digestPayload.parse(job.payload));
    },
    [JOB.reminder]: async (job) => {
      const p = z.object({ organisationId: id, month: z.string().regex(/^\d{4}-\d{2}$/) }).parse(job.payload);
      await planReminders(db, p.organisationId, p.month);
    },
    [JOB.reminderSend]: async (job) => {
      const p = z.object({ organisationId: id, volunteerId: id, month: z.string().regex(/^\d{4}-\d{2}$/) }).parse(job.payload);
      await sendReminder(db, opts.baseUrl(), p);
    },
  };
}
