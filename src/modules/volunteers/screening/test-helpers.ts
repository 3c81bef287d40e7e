import { eq } from 'drizzle-orm';
import { withSystem } from '../../../core/db/tx.js';
import { createWorker } from '../../../core/jobs/worker.js';
import { createMailer, mailJob } from '../../../core/mail/sender.js';
import { volunteers } from '../volunteers.table.js';
import { screeningJobs } from './safeguarding.service.js';
import { mimePart } from '../../../core/testing/mail.js';
import { createVolunteer as volunteer, type VolunteerSeed } from '../testing.js';
import { world, type World as CoreWorld, type WorldOf, type WorldOptions } from '../../../core/testing/world.js';

/** Test-only helpers of the screening part: the world, volunteers, signed-in staff, a worker with our jobs. */
export { auditEntries, countRows, mailsTo } from '../../../core/testing/rows.js';
export { flashOn } from '../../../core/testing/html.js';
export { icsProp } from '../../../core/testing/mail.js';
export { startSmtp } from '../../../core/testing/smtp.js';
export { anonymous, signedIn, useWorld, type SmtpWorld } from '../../../core/testing/world.js';

export interface World extends CoreWorld {
  /** Runs due jobs with `mail.send` and this part's handlers (the app's worker does not have them yet). */
  runJobs(): Promise<number>;
}

export async function screeningWorld<O extends WorldOptions>(opts: O = {} as O): Promise<WorldOf<O> & World> {
  const w = await world(opts);
  const mailer = createMailer(w.t.config.smtpUrl, w.t.config.mailFrom);
  const worker = createWorker(w.db, { 'mail.send': mailJob(w.db, mailer), ...screeningJobs(w.db, { baseUrl: w.t.config.baseUrl }) }, w.t.app.log);
  const close = w.t.close;
  w.t.close = async () => {
    await worker.stop();
    mailer.close();
    await close();
  };
  return { ...w, runJobs: () => worker.runDue() } as WorldOf<O> & World;
}

let n = 0;
/** A contacted volunteer (Оксана Коваленко<n>, Ukrainian, born in 1990) unless told. */
export function createVolunteer(w: World, opts: VolunteerSeed = {}) {
  n += 1;
  return volunteer(w, { givenName: 'Оксана', familyName: `Коваленко${n}`, birthDate: '1990-04-02', locale: 'uk', stage: 'contacted', ...opts });
}

export async function volunteerRow(w: World, id: string) {
  const [row] = await withSystem(w.db, (tx) => tx.select().from(volunteers).where(eq(volunteers.id, id)));
  return row!;
}

/** The text/calendar part of a raw MIME message, decoded and unfolded (RFC 5545 §3.1). */
export const calendarPart = (raw: string) => mimePart(raw, 'text/calendar');
