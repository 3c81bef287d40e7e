import { withSystem } from '../../../core/db/tx.js';
import { matches, venues } from '../matching.table.js';
import type { WeeklyHours } from '../venues/opening-hours.js';
import type { World } from '../venues/test-helpers.js';

export * from '../venues/test-helpers.js';
export { header, icsProp, mimePart } from '../../../core/testing/mail.js';
export { startSmtp } from '../../../core/testing/smtp.js';

/** A match inserted directly (the match-making service belongs to another part). */
export async function createMatch(w: World, menteeId: string, volunteerId: string, opts: { organisationId?: string; status?: string } = {}) {
  const [m] = await withSystem(w.db, (tx) => tx.insert(matches).values({ organisationId: opts.organisationId ?? w.org.id, menteeId, volunteerId, status: opts.status ?? 'active' }).returning());
  return m!;
}

export async function createVenue(w: World, v: { name: string; address?: string; openingHours?: string; weeklyHours?: WeeklyHours | null; active?: boolean; stepFree?: boolean; organisationId?: string }) {
  const [row] = await withSystem(w.db, (tx) =>
    tx
      .insert(venues)
      .values({ organisationId: v.organisationId ?? w.org.id, name: v.name, kind: 'cafe', address: v.address ?? 'ul. Lipowa 4, Zielona Dolina', openingHours: v.openingHours ?? '', weeklyHours: v.weeklyHours ?? null, active: v.active ?? true, stepFree: v.stepFree ?? false })
      .returning(),
  );
  return row!;
}

/** "YYYYMMDDTHHMMSSZ" of a date and UTC time. */
export const stamp = (date: string, hhmm: string) => `${date.replaceAll('-', '')}T${hhmm.replace(':', '')}00Z`;

/** Next year's EU clock changes (last Sundays of March and October) and the days after them. */
export function clockChanges(year = new Date().getUTCFullYear() + 1) {
  const lastSunday = (month: number) => [31, 30, 29, 28, 27, 26, 25].map((d) => new Date(Date.UTC(year, month, d))).find((d) => d.getUTCMonth() === month && d.getUTCDay() === 0)!;
  const day = (d: Date, plus = 0) => new Date(d.getTime() + plus * 86_400_000).toISOString().slice(0, 10);
  return { year, springForward: day(lastSunday(2)), afterAutumn: day(lastSunday(9), 1) };
}
