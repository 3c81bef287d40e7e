import { audit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant } from '../../../core/db/tx.js';
import { compareNames, type Locale } from '../../../core/i18n/index.js';
import { assertAllowed } from '../../../core/policy.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { clockOf } from '../../../core/tenancy/org-clock.js';
import { hoursByMonth, hoursByProgramme, hoursByVolunteer, meetingTotals, trainingMinutes, type Totals } from './hours.js';
import { programmesOf, volunteerNames } from './hours-report.repository.js';
import { FIRST_YEAR, LAST_YEAR } from './hours-report.schemas.js';
import { meetingsPolicy } from './meetings.policy.js';

export interface ProgrammeHours {
  /** null: pairs without a programme. */
  id: string | null;
  name: string | null;
  /** Minutes per month, January first (12 entries). */
  months: number[];
  minutes: number;
}

export interface VolunteerHours {
  id: string;
  givenName: string;
  familyName: string;
  minutes: number;
  meetings: number;
  trainingMinutes: number;
}

export interface HoursReport {
  year: number;
  /** Years with meetings, and the current and the chosen one, newest first. */
  years: number[];
  /** `YYYY-MM` of the 12 months of the year. */
  months: string[];
  programmes: ProgrammeHours[];
  /** Minutes per month over all programmes. */
  monthMinutes: number[];
  total: Totals;
  volunteers: VolunteerHours[];
  trainingMinutes: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The last calendar day of a month (1-based), as YYYY-MM-DD: 28, 29, 30 or 31. */
const lastDay = (year: number, month: number) => `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;

/**
 * /pairs/hours: meeting hours of the whole organisation in one calendar year, per programme and month and per
 * volunteer (with their training hours), audited `hours.report.view` (the volunteers' names are personal data).
 * `year` undefined: the current year in the organisation's zone. Meeting dates are calendar dates, so the months
 * are exact; training sessions count on their day in the organisation's zone (hours.ts).
 */
export async function hoursReport(db: Db, actor: RequestActor, year: number | undefined, locale: Locale, now = actor.clock.now): Promise<HoursReport> {
  assertAllowed(actor, meetingsPolicy, 'hoursReport');
  return withTenant(db, actor, async (tx) => {
    const org = actor.organisationId;
    const { timeZone } = actor.org;
    const currentYear = Number(clockOf(actor, now).today.slice(0, 4));
    const y = year ?? currentYear;
    const range = { from: `${y}-01-01`, to: `${y}-12-31` };
    const months = Array.from({ length: 12 }, (_, i) => `${y}-${pad(i + 1)}`);

    // hours.ts has no programme × month grouping: one sum per month keeps its SQL the only SQL of hours.
    const cells = new Map<string | null, number[]>();
    for (let i = 0; i < 12; i++) {
      for (const r of await hoursByProgramme(tx, org, { from: `${y}-${pad(i + 1)}-01`, to: lastDay(y, i + 1) })) {
        const row = cells.get(r.programmeId) ?? new Array<number>(12).fill(0);
        row[i] = r.minutes;
        cells.set(r.programmeId, row);
      }
    }
    const byName = compareNames(locale);
    const named: ProgrammeHours[] = (await programmesOf(tx, org))
      .filter((p) => p.active || cells.has(p.id))
      .map((p) => rowOf(p.id, p.name, cells.get(p.id)))
      .sort((a, b) => byName(a.name ?? '', b.name ?? ''));
    const programmes = cells.has(null) ? [...named, rowOf(null, null, cells.get(null))] : named;

    const monthly = new Map((await hoursByMonth(tx, org, range)).map((r) => [r.month, r.minutes]));
    const total = await meetingTotals(tx, org, range);
    const years = new Set([currentYear, y, ...(await hoursByMonth(tx, org)).map((r) => Number(r.month.slice(0, 4)))]);

    const meetingRows = await hoursByVolunteer(tx, org, range);
    const training = await trainingMinutes(tx, org, null, range, timeZone);
    const names = await volunteerNames(tx, org, meetingRows.map((r) => r.volunteerId), [...training.keys()]);
    const met = new Map(meetingRows.map((r) => [r.volunteerId, r]));
    // Training is kept per person: a person with two volunteer records gets it once, on the record with meetings.
    const credited = new Set<string>();
    const ordered = [...names].sort((a, b) => Number(met.has(b.id)) - Number(met.has(a.id)));
    const volunteers: VolunteerHours[] = ordered.map((v) => {
      const t = credited.has(v.personId) ? 0 : (training.get(v.personId)?.minutes ?? 0);
      credited.add(v.personId);
      return { id: v.id, givenName: v.givenName, familyName: v.familyName, minutes: met.get(v.id)?.minutes ?? 0, meetings: met.get(v.id)?.meetings ?? 0, trainingMinutes: t };
    });
    volunteers.sort((a, b) => b.minutes - a.minutes || b.trainingMinutes - a.trainingMinutes || byName(`${a.familyName} ${a.givenName}`, `${b.familyName} ${b.givenName}`));

    await audit(tx, actor, { action: 'hours.report.view', entity: 'organisation', entityId: org });
    return {
      year: y,
      years: [...years].filter((n) => n >= FIRST_YEAR && n <= LAST_YEAR).sort((a, b) => b - a),
      months,
      programmes,
      monthMinutes: months.map((m) => monthly.get(m) ?? 0),
      total,
      volunteers: volunteers.filter((v) => v.minutes > 0 || v.trainingMinutes > 0),
      trainingMinutes: volunteers.reduce((s, v) => s + v.trainingMinutes, 0),
    };
  });
}

function rowOf(id: string | null, name: string | null, months: number[] | undefined): ProgrammeHours {
  const m = months ?? new Array<number>(12).fill(0);
  return { id, name, months: m, minutes: m.reduce((s, n) => s + n, 0) };
}
