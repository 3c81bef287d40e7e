import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../core/db/tx.js';
import { isLocale, translator } from '../core/i18n/index.js';
import { memberships, people } from '../core/tenancy/tenancy.table.js';
import { menteeCaseStaff, menteeConsents, menteeEvents, menteeNotes, mentees } from '../modules/mentees/mentees.table.js';
import type { LanguageLevel } from '../modules/volunteers/volunteers.table.js';
import { createPrng, type Prng } from './prng.js';
import { instantDaysBefore, ORG_TIME_ZONE, todayIn } from '../core/i18n/time-zone.js';

type PersonRow = typeof people.$inferInsert;
type MembershipRow = typeof memberships.$inferInsert;

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const SLOTS = ['morning', 'afternoon', 'evening'];
/** The same districts as the demo's volunteers, so distances can be scored. */
const DISTRICTS = ['Śródmieście', 'Stare Miasto', 'Osiedle Słoneczne', 'Zatorze', 'Dąbrówka Leśna', 'Lipki'];
/** The same words as the volunteers' interests, so shared interests can be found. */
const INTERESTS = ['piłka nożna', 'szachy', 'gotowanie', 'rower', 'muzyka', 'książki', 'ogród', 'fotografia', 'taniec'];
const ADULT_NEEDS = ['language_practice', 'everyday_matters', 'official_matters', 'job_search', 'companionship', 'leisure'] as const;
const CHILD_NEEDS = ['school_help', 'language_practice', 'leisure'] as const;
const SENIOR_NEEDS = ['companionship', 'everyday_matters', 'official_matters', 'language_practice'] as const;
const SUMMARY: Record<string, Record<string, string>> = {
  pl: {
    language_practice: 'Rozmowy po polsku na co dzień',
    school_help: 'Pomoc w lekcjach i nauce polskiego',
    everyday_matters: 'Wsparcie w codziennych sprawach: lekarz, sklepy, komunikacja',
    official_matters: 'Pomoc w urzędzie i przy pismach',
    job_search: 'Szukanie pracy i przygotowanie CV',
    companionship: 'Towarzystwo i rozmowa raz w tygodniu',
    leisure: 'Wspólne wyjścia i czas wolny',
  },
  uk: {
    language_practice: 'Розмовна практика польської мови',
    school_help: 'Допомога з уроками та польською мовою',
    everyday_matters: 'Підтримка у щоденних справах: лікар, магазини, транспорт',
    official_matters: 'Допомога в установах і з листами',
    job_search: 'Пошук роботи та підготовка резюме',
    companionship: 'Товариство і розмова раз на тиждень',
    leisure: 'Спільні прогулянки та дозвілля',
  },
};
const CLOSE_REASONS = ['Przeprowadzka do innego miasta', 'Osoba znalazła wsparcie w rodzinie', 'Rezygnacja z udziału w programie'];
const HOLD_REASONS = ['Pobyt w szpitalu', 'Wyjazd do rodziny na dwa miesiące'];
const NOTES = ['Pierwsza rozmowa odbyła się w ośrodku. Osoba chętnie spotkałaby się w bibliotece.', 'Uzgodniono kontakt telefoniczny po południu.', 'Prosi o wolontariusza, który zna podstawy ukraińskiego.'];

function ageOn(birthDate: string | null | undefined, today: Date): number | null {
  if (!birthDate) return null;
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = todayIn(ORG_TIME_ZONE, today).split('-').map(Number) as [number, number, number];
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

function pickSome<T>(r: Prng, items: readonly T[], min: number, max: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  const n = r.int(min, Math.min(max, pool.length));
  while (out.length < n) out.push(pool.splice(r.int(0, pool.length - 1), 1)[0]!);
  return out;
}

function languagesFor(locale: string | undefined, r: Prng, child: boolean): LanguageLevel[] {
  const native: LanguageLevel = { code: locale ?? 'pl', level: 'native' };
  const extra: LanguageLevel[] = [];
  if (native.code !== 'pl') extra.push({ code: 'pl', level: r.pick(child ? (['A2', 'B1', 'B2'] as const) : (['A1', 'A1', 'A2', 'B1'] as const)) });
  if (native.code === 'uk' && r.chance(0.6)) extra.push({ code: 'ru', level: 'C1' });
  if (native.code !== 'en' && r.chance(0.3)) extra.push({ code: 'en', level: r.pick(['A2', 'B1', 'B2'] as const) });
  return [native, ...extra];
}

/**
 * A `mentees` row for every demo person with the mentee role, so the waiting list has people to match: mostly
 * waiting (waiting since 0–200 days ago), a few requests from the public form still to review, some on hold or closed;
 * minors flagged from their birth dates; needs, languages, free times, districts and interests like the volunteers';
 * consents with a lawful basis (public task for the social-assistance centres, consent for the NGO); the
 * organisation's social-worker accounts as case staff, with a first case note for some. Deterministic (seeded PRNG).
 * Runs in the seed's system transaction; returns how many mentees it wrote.
 */
export async function seedMentees(tx: Tx, personRows: PersonRow[], membershipRows: MembershipRow[], today: Date): Promise<number> {
  const r = createPrng(20_261_205);
  const orgs = new Map(
    rowsOf<{ id: string; kind: string; default_locale: string; name: string }>(await tx.execute(sql`select id, kind, default_locale, name from organisations`)).map((o) => [o.id, o]),
  );
  const programmesByOrg = new Map<string, string[]>();
  for (const p of rowsOf<{ id: string; organisation_id: string }>(await tx.execute(sql`select id, organisation_id from programmes where active order by name`))) {
    programmesByOrg.set(p.organisation_id, [...(programmesByOrg.get(p.organisation_id) ?? []), p.id]);
  }
  const rolesOf = new Map<string, Set<string>>();
  for (const m of membershipRows) rolesOf.set(m.personId, (rolesOf.get(m.personId) ?? new Set()).add(m.role));
  // Case staff: the organisation's social workers who can sign in (its coordinators where it has none).
  const accounts = (role: string) => personRows.filter((p) => p.userId && rolesOf.get(p.id!)?.has(role));
  const staffByOrg = new Map<string, string[]>();
  for (const p of accounts('social_worker')) staffByOrg.set(p.organisationId, [...(staffByOrg.get(p.organisationId) ?? []), p.userId!]);
  const withSocialWorkers = new Set(staffByOrg.keys());
  for (const p of accounts('coordinator')) {
    if (!withSocialWorkers.has(p.organisationId)) staffByOrg.set(p.organisationId, [...(staffByOrg.get(p.organisationId) ?? []), p.userId!]);
  }

  const rows: (typeof mentees.$inferInsert)[] = [];
  const consents: (typeof menteeConsents.$inferInsert)[] = [];
  const staff: (typeof menteeCaseStaff.$inferInsert)[] = [];
  const events: (typeof menteeEvents.$inferInsert)[] = [];
  const notes: (typeof menteeNotes.$inferInsert)[] = [];
  // Days ago on the organisations' calendar (Europe/Warsaw), as the pages count them.
  const day = (offset: number) => instantDaysBefore(today, offset);
  const requestedPerOrg = new Map<string, number>();
  const adultsPerOrg = new Map<string, number>();

  for (const person of personRows) {
    if (!rolesOf.get(person.id!)?.has('mentee')) continue;
    const organisationId = person.organisationId;
    const org = orgs.get(organisationId);
    const caseStaff = staffByOrg.get(organisationId) ?? [];
    const age = ageOn(person.birthDate, today);
    const minor = age !== null && age < 18;
    const senior = age !== null && age >= 62;
    // Every eighth adult (at most four per organisation) is a request from the public form still to review.
    const adultIndex = minor ? -1 : (adultsPerOrg.get(organisationId) ?? 0);
    if (!minor) adultsPerOrg.set(organisationId, adultIndex + 1);
    const requested = adultIndex % 8 === 3 && (requestedPerOrg.get(organisationId) ?? 0) < 4;
    const status = requested ? 'requested' : r.chance(0.06) ? 'on_hold' : r.chance(0.05) ? 'closed' : 'waiting';
    if (requested) requestedPerOrg.set(organisationId, (requestedPerOrg.get(organisationId) ?? 0) + 1);
    const waitedDays = requested ? r.int(0, 12) : r.int(0, 200);
    const createdAt = day(waitedDays);
    const needs = pickSome(r, minor ? CHILD_NEEDS : senior ? SENIOR_NEEDS : ADULT_NEEDS, 1, 3);
    const summaries = SUMMARY[org?.default_locale === 'uk' ? 'uk' : 'pl']!;
    const socialWorker = caseStaff.length ? r.pick(caseStaff) : null;
    const programmes = programmesByOrg.get(organisationId) ?? [];
    const t = translator(isLocale(person.locale) ? person.locale : 'pl');
    const id = randomUUID();
    rows.push({
      id,
      organisationId,
      personId: person.id!,
      programmeId: !requested && programmes.length > 0 && r.chance(0.6) ? r.pick(programmes) : null,
      status,
      statusReason: status === 'closed' ? r.pick(CLOSE_REASONS) : status === 'on_hold' ? r.pick(HOLD_REASONS) : null,
      source: requested || r.chance(0.2) ? 'form' : 'staff',
      locale: person.locale ?? 'pl',
      needs,
      languages: languagesFor(person.locale, r, minor),
      availability: DAYS.flatMap((d) => SLOTS.map((s) => `${d}-${s}`)).filter(() => r.chance(minor ? 0.2 : 0.3)),
      district: r.pick(DISTRICTS),
      interests: pickSome(r, INTERESTS, 0, 3),
      preferredVolunteerGender: !minor && r.chance(0.08) ? 'female' : r.chance(0.5) ? 'any' : null,
      preferredVolunteerAgeMin: senior && r.chance(0.3) ? 30 : null,
      preferredVolunteerAgeMax: null,
      minor,
      vulnerableAdult: senior && r.chance(0.25),
      summary: requested ? null : summaries[needs[0]!]!,
      socialWorkerUserId: requested ? null : socialWorker,
      waitingSince: requested ? null : createdAt,
      reviewedAt: requested ? null : createdAt,
      reviewedByUserId: requested ? null : socialWorker,
      createdAt,
      updatedAt: createdAt,
    });
    const basis = requested || org?.kind === 'ngo' ? 'consent' : 'public_task';
    // The wording as the form showed it (requests) or as staff record it, in the person's language.
    const supportText = t(requested ? 'mentees.request.consent.support' : 'mentees.consent.text.support', { organisation: org?.name ?? '' });
    consents.push({ organisationId, menteeId: id, purpose: 'support', lawfulBasis: basis, text: supportText, givenAt: createdAt });
    if (person.phone) consents.push({ organisationId, menteeId: id, purpose: 'contact_phone', lawfulBasis: 'consent', text: t('mentees.consent.text.contact_phone', { organisation: org?.name ?? '' }), givenAt: createdAt });
    events.push({ organisationId, menteeId: id, at: createdAt, actorUserId: requested ? null : socialWorker, kind: 'created', toStatus: requested ? 'requested' : 'waiting', detail: { source: requested ? 'form' : 'staff' } });
    if (requested) continue;
    for (const userId of caseStaff) staff.push({ organisationId, menteeId: id, userId, addedAt: createdAt });
    if (status !== 'waiting') {
      const at = day(Math.max(0, waitedDays - r.int(1, Math.max(1, waitedDays))));
      const reason = rows.at(-1)!.statusReason;
      events.push({ organisationId, menteeId: id, at, actorUserId: socialWorker, kind: 'status', fromStatus: 'waiting', toStatus: status, detail: reason ? { reason } : {} });
    }
    if (socialWorker && r.chance(0.3)) notes.push({ organisationId, menteeId: id, authorUserId: socialWorker, body: r.pick(NOTES), createdAt: day(Math.max(0, waitedDays - 1)) });
  }
  if (rows.length) await tx.insert(mentees).values(rows);
  if (consents.length) await tx.insert(menteeConsents).values(consents);
  if (staff.length) await tx.insert(menteeCaseStaff).values(staff);
  if (events.length) await tx.insert(menteeEvents).values(events);
  if (notes.length) await tx.insert(menteeNotes).values(notes);
  return rows.length;
}
