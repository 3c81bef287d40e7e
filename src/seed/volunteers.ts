import { randomUUID } from 'node:crypto';
import type { Tx } from '../core/db/tx.js';
import { memberships, people } from '../core/tenancy/tenancy.table.js';
import type { Stage } from '../modules/volunteers/pipeline/stages.js';
import { insuranceRecords, safeguardingChecks, volunteerDocuments, volunteerEvents, volunteers, type LanguageLevel } from '../modules/volunteers/volunteers.table.js';
import { createPrng } from './prng.js';
import { addDays, addMonths, instantDaysBefore, ORG_TIME_ZONE, todayIn, utcToZoned } from '../core/i18n/time-zone.js';

type PersonRow = typeof people.$inferInsert;
type MembershipRow = typeof memberships.$inferInsert;

/** How the demo's volunteers spread over the pipeline (weights): most are active, some still in screening. */
const STAGE_WEIGHTS: [Stage, number][] = [
  ['applied', 14], ['contacted', 9], ['interview_scheduled', 7], ['interviewed', 6], ['training', 9],
  ['approved', 8], ['active', 36], ['paused', 5], ['ended', 3], ['rejected', 2], ['withdrawn', 1],
];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const SLOTS = ['morning', 'afternoon', 'evening'];
const ACTIVITIES = ['mentoring', 'language_help', 'school_help', 'errands', 'leisure', 'institution_assistance', 'events'];
const DISTRICTS = ['Śródmieście', 'Stare Miasto', 'Osiedle Słoneczne', 'Zatorze', 'Dąbrówka Leśna', 'Lipki'];
const INTERESTS = ['piłka nożna', 'szachy', 'gotowanie', 'rower', 'muzyka', 'książki', 'ogród', 'fotografia', 'taniec'];
const REASONS: Partial<Record<Stage, string>> = {
  paused: 'Przerwa na czas sesji egzaminacyjnej',
  ended: 'Przeprowadzka do innego miasta',
  rejected: 'Brak dostępności w godzinach programu',
  withdrawn: 'Zmiana planów zawodowych',
};

function pickStage(r: ReturnType<typeof createPrng>): Stage {
  const total = STAGE_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  let x = r.int(1, total);
  for (const [stage, w] of STAGE_WEIGHTS) if ((x -= w) <= 0) return stage;
  return 'applied';
}

function languagesFor(locale: string | undefined, r: ReturnType<typeof createPrng>): LanguageLevel[] {
  const native: LanguageLevel = { code: locale === 'en' ? 'en' : (locale ?? 'pl'), level: 'native' };
  const extra: LanguageLevel[] = [];
  if (native.code !== 'pl') extra.push({ code: 'pl', level: r.pick(['A2', 'B1', 'B2', 'C1'] as const) });
  if (native.code !== 'en' && r.chance(0.6)) extra.push({ code: 'en', level: r.pick(['A2', 'B1', 'B2', 'C1'] as const) });
  if (native.code === 'pl' && r.chance(0.3)) extra.push({ code: 'uk', level: r.pick(['A1', 'A2', 'B1'] as const) });
  if (native.code === 'uk' && r.chance(0.7)) extra.push({ code: 'ru', level: 'C1' });
  return [native, ...extra];
}

/**
 * A `volunteers` row (and what the pipeline rules need) for every demo person with the volunteer role, so the
 * board, list and volunteer pages have something to show. Consistent with the rules (pipeline/stages.ts): everyone
 * approved or further who works with minors has every check Polish law asks (register and KRK; those who lived abroad —
 * the Ukrainian- and Arabic-speaking demo people — also the statement of countries and the record of the country of
 * citizenship, or the statement instead); everyone active has a paper-signed agreement, acknowledged health and
 * safety, settled travel costs, and for 30-day service accident insurance.
 */
export async function seedVolunteers(tx: Tx, personRows: PersonRow[], membershipRows: MembershipRow[], staffUserByOrg: Map<string, string>, today: Date) {
  const r = createPrng(20_261_124);
  const volunteerPeople = new Set(membershipRows.filter((m) => m.role === 'volunteer').map((m) => m.personId));
  const rows: (typeof volunteers.$inferInsert)[] = [];
  const events: (typeof volunteerEvents.$inferInsert)[] = [];
  const checks: (typeof safeguardingChecks.$inferInsert)[] = [];
  const documents: (typeof volunteerDocuments.$inferInsert)[] = [];
  const insurance: (typeof insuranceRecords.$inferInsert)[] = [];
  // Days ago on the organisations' calendar (Europe/Warsaw), as the pages count them.
  const day = (offset: number) => instantDaysBefore(today, offset);
  const isoDay = (d: Date) => utcToZoned(d, ORG_TIME_ZONE).date;
  for (const person of personRows) {
    if (!volunteerPeople.has(person.id!)) continue;
    const stage = person.userId ? 'active' : pickStage(r);
    const appliedDaysAgo = r.int(3, 400);
    const stageDaysAgo = Math.min(appliedDaysAgo, r.int(0, 60));
    const worksWithMinors = r.chance(0.35);
    const id = randomUUID();
    const organisationId = person.organisationId;
    rows.push({
      id,
      organisationId,
      personId: person.id!,
      stage,
      stageReason: REASONS[stage] ?? null,
      stageChangedAt: day(stageDaysAgo),
      appliedAt: day(appliedDaysAgo),
      source: r.chance(0.8) ? 'form' : 'staff',
      locale: person.locale ?? 'pl',
      languages: languagesFor(person.locale, r),
      availability: DAYS.flatMap((d) => SLOTS.map((s) => `${d}-${s}`)).filter(() => r.chance(0.25)),
      hoursPerMonth: r.pick([4, 6, 8, 10, 12, 16, 20]),
      district: r.pick(DISTRICTS),
      travelKm: r.pick([2, 5, 10, 15, 25]),
      activities: ACTIVITIES.filter(() => r.chance(0.3)).concat(r.pick(['mentoring', 'language_help'])).filter((a, i, all) => all.indexOf(a) === i),
      interests: INTERESTS.filter(() => r.chance(0.2)),
      preferredAgeGroups: r.chance(0.5) ? ['adults'] : worksWithMinors ? ['children', 'teenagers'] : [],
      preferredGender: 'any',
      motivation: 'Chcę pomagać nowym sąsiadom w odnalezieniu się w mieście.',
      heardFrom: r.pick(['friends_family', 'social_media', 'website', 'event', 'other']),
      worksWithMinors,
      plannedDays: r.chance(0.85) ? 365 : 30,
    });
    const row = rows[rows.length - 1]!;
    const livedAbroad = person.locale === 'uk' || person.locale === 'ar';
    events.push({ organisationId, volunteerId: id, at: day(appliedDaysAgo), kind: 'applied', detail: {} });
    const actor = staffUserByOrg.get(organisationId) ?? null;
    if (stage !== 'applied') events.push({ organisationId, volunteerId: id, at: day(stageDaysAgo), actorUserId: actor, kind: 'stage', fromStage: 'applied', toStage: stage, reason: REASONS[stage] ?? null, detail: {} });
    const screened = ['approved', 'active', 'paused', 'ended'].includes(stage);
    if (screened && worksWithMinors && actor) {
      const seen = addDays(todayIn(ORG_TIME_ZONE, today), -(stageDaysAgo + 20));
      const renew = addMonths(seen, 60);
      checks.push({ organisationId, volunteerId: id, kind: 'pl_sex_offenders_register', seenOn: seen, seenByUserId: actor, renewBy: renew });
      checks.push({ organisationId, volunteerId: id, kind: 'pl_criminal_record', seenOn: seen, seenByUserId: actor, renewBy: renew });
      if (livedAbroad) {
        checks.push({ organisationId, volunteerId: id, kind: 'foreign_statement', seenOn: seen, seenByUserId: actor, renewBy: renew });
        // Ukraine issues criminal-record information; for the Arabic-speaking demo people, the statement instead.
        checks.push({ organisationId, volunteerId: id, kind: person.locale === 'uk' ? 'foreign_criminal_record' : 'foreign_record_statement', seenOn: seen, seenByUserId: actor, renewBy: renew });
      }
    }
    if (screened) row.livedAbroad = livedAbroad;
    if (['active', 'paused', 'ended'].includes(stage)) {
      documents.push({
        organisationId,
        volunteerId: id,
        kind: 'agreement',
        locale: 'pl',
        title: 'Porozumienie wolontariackie',
        body: 'Porozumienie zawarte na podstawie art. 44 ustawy o działalności pożytku publicznego i o wolontariacie (dane przykładowe).',
        issuedAt: day(stageDaysAgo + 10),
        issuedByUserId: actor,
        acceptedHow: 'paper',
        acceptedAt: day(stageDaysAgo + 5),
      });
      const agreed = isoDay(day(stageDaysAgo + 5));
      row.healthSafetyOn = agreed;
      row.travelCosts = rows.length % 4 === 0 ? 'waived' : 'reimbursed';
      row.travelCostsOn = agreed;
      if (row.plannedDays !== null && row.plannedDays !== undefined && row.plannedDays <= 30) {
        insurance.push({ organisationId, volunteerId: id, insurer: 'PZU SA (dane przykładowe)', policyNumber: `NNW/${String(rows.length).padStart(4, '0')}`, validFrom: agreed, validTo: addDays(todayIn(ORG_TIME_ZONE, today), 60) });
      }
    }
  }
  if (rows.length) await tx.insert(volunteers).values(rows);
  if (events.length) await tx.insert(volunteerEvents).values(events);
  if (checks.length) await tx.insert(safeguardingChecks).values(checks);
  if (documents.length) await tx.insert(volunteerDocuments).values(documents);
  if (insurance.length) await tx.insert(insuranceRecords).values(insurance);
  return rows.length;
}
