/**
 * The mentees module's test entry: its factories for tests of this module and of the others (which import this file,
 * never a part's test-helpers). Rows are inserted directly; each suite states the facts it relies on in the seed.
 */
import { withSystem } from '../../core/db/tx.js';
import { instantDaysAgo } from '../../core/testing/clock.js';
import type { World } from '../../core/testing/world.js';
import { personSearchText } from '../../core/tenancy/people-search.js';
import { memberships, people } from '../../core/tenancy/tenancy.table.js';
import type { LanguageLevel } from '../volunteers/index.js';
import { menteeCaseStaff, menteeEvents, mentees } from './mentees.table.js';
import type { Need, Status } from './mentees.schemas.js';
import type { Locale } from '../../core/i18n/locales.js';

export interface MenteeSeed {
  /** Ours unless told. */
  organisationId?: string;
  /** Олена unless told. */
  givenName?: string;
  /** Коваленко with a number unless told, so names differ. */
  familyName?: string;
  /** mentee<n>@example.org unless told; null for none. */
  email?: string | null;
  birthDate?: string | null;
  gender?: 'female' | 'male' | 'other' | null;
  /** The person's and the record's language (the database's default, Polish, unless told). */
  locale?: Locale;
  /** The database's default (waiting) unless told; so for every field not given. */
  status?: Status;
  source?: 'staff' | 'form';
  /** Days on the waiting list (waiting_since); with `intake`, also since the record was made (for requests, only that). */
  daysWaiting?: number;
  programmeId?: string | null;
  needs?: Need[];
  languages?: LanguageLevel[];
  availability?: string[];
  district?: string | null;
  interests?: string[];
  minor?: boolean;
  vulnerableAdult?: boolean;
  preferredVolunteerGender?: 'any' | 'female' | 'male' | null;
  preferredVolunteerAgeMin?: number | null;
  preferredVolunteerAgeMax?: number | null;
  summary?: string | null;
  socialWorkerUserId?: string | null;
  /** Staff on the case. */
  caseStaff?: string[];
  /** Also what the intake writes besides the record: the person's mentee role, the social worker on the case, the "created" event. */
  intake?: boolean;
}

let n = 0;

/** A person we support (a person and their mentee record) inserted directly; returns the record with the person's name and address. */
export async function createMentee(w: Pick<World, 'db' | 'org'>, s: MenteeSeed = {}) {
  n += 1;
  const organisationId = s.organisationId ?? w.org.id;
  const givenName = s.givenName ?? 'Олена';
  const familyName = s.familyName ?? `Коваленко${n}`;
  const email = s.email === undefined ? `mentee${n}@example.org` : s.email;
  const at = s.daysWaiting === undefined ? undefined : instantDaysAgo(s.daysWaiting);
  const requested = s.status === 'requested';
  return withSystem(w.db, async (tx) => {
    const [p] = await tx
      .insert(people)
      .values({ organisationId, givenName, familyName, email, birthDate: s.birthDate ?? null, gender: s.gender ?? null, locale: s.locale, searchText: personSearchText({ givenName, familyName, email }) })
      .returning({ id: people.id });
    if (s.intake) await tx.insert(memberships).values({ organisationId, personId: p!.id, role: 'mentee' });
    const [m] = await tx
      .insert(mentees)
      .values({
        organisationId,
        personId: p!.id,
        status: s.status,
        source: s.source,
        locale: s.locale,
        programmeId: s.programmeId,
        needs: s.needs,
        languages: s.languages,
        availability: s.availability,
        district: s.district,
        interests: s.interests,
        minor: s.minor,
        vulnerableAdult: s.vulnerableAdult,
        preferredVolunteerGender: s.preferredVolunteerGender,
        preferredVolunteerAgeMin: s.preferredVolunteerAgeMin,
        preferredVolunteerAgeMax: s.preferredVolunteerAgeMax,
        summary: s.summary,
        socialWorkerUserId: s.socialWorkerUserId,
        waitingSince: requested ? null : at,
        createdAt: s.intake ? at : undefined,
      })
      .returning();
    const staff = [...new Set([...(s.caseStaff ?? []), ...(s.intake && s.socialWorkerUserId ? [s.socialWorkerUserId] : [])])];
    if (staff.length) await tx.insert(menteeCaseStaff).values(staff.map((userId) => ({ organisationId, menteeId: m!.id, userId })));
    if (s.intake) await tx.insert(menteeEvents).values({ organisationId, menteeId: m!.id, kind: 'created', toStatus: m!.status, detail: { source: requested ? 'form' : 'staff' }, at: at ?? m!.createdAt });
    return { ...m!, givenName, familyName, email, name: `${givenName} ${familyName}` };
  });
}
