import { eq } from 'drizzle-orm';
import { withSystem, withTenant } from '../../core/db/tx.js';
import { districts } from '../../core/tenancy/districts.table.js';
import { menteeCaseStaff, menteeConsents, menteeEvents, mentees } from './mentees.table.js';
import { appSecret } from '../../core/http/secrets.js';
import { issueFormToken } from '../volunteers/index.js';
import { countsOf } from '../../core/testing/rows.js';
import { createMentee as mentee } from './testing.js';
import { formWith, type Form } from '../../core/testing/client.js';
import { OTHER, world as coreWorld, type World, type WorldOptions } from '../../core/testing/world.js';

/** Test-only helpers of the mentees module: two organisations (Alfa in Polish, Beta in German) on a fresh app, mentees inserted directly. */
export { assertRowsAdded, auditEntries } from '../../core/testing/rows.js';
export { fieldError, formErrorOf, formTokenOf } from '../../core/testing/html.js';
export { decodeMail } from '../../core/testing/mail.js';
export { apiUser, signedIn, useWorld, type SmtpWorld, type World } from '../../core/testing/world.js';

export const world = <O extends WorldOptions>(opts: O = {} as O) => coreWorld({ other: { ...OTHER, defaultLocale: 'de' }, ...opts });

export async function addDistricts(w: World, organisationId: string, names: string[]) {
  await withTenant(w.db, { organisationId, userId: null }, (tx) => tx.insert(districts).values(names.map((name, i) => ({ organisationId, name, latitude: 52 + i / 100, longitude: 21 + i / 100 }))));
}

export type MenteeSeed = Omit<NonNullable<Parameters<typeof mentee>[1]>, 'organisationId' | 'intake'> & { givenName: string; familyName: string };

/** A person as the intake (or, `status: 'requested'`, the public form) leaves one: role, case staff, "created" event; today unless told. */
export async function createMentee(w: World, organisationId: string, s: MenteeSeed): Promise<string> {
  const source = s.status === 'requested' ? 'form' : 'staff';
  return (await mentee(w, { organisationId, email: null, locale: 'pl', needs: ['language_practice'], daysWaiting: 0, source, intake: true, ...s })).id;
}

export async function menteeRow(w: World, id: string) {
  const [row] = await withSystem(w.db, (tx) => tx.select().from(mentees).where(eq(mentees.id, id)));
  return row!;
}

export async function eventsOf(w: World, id: string) {
  return withSystem(w.db, (tx) => tx.select().from(menteeEvents).where(eq(menteeEvents.menteeId, id)).orderBy(menteeEvents.at));
}

export async function consentsOf(w: World, id: string) {
  return withSystem(w.db, (tx) => tx.select().from(menteeConsents).where(eq(menteeConsents.menteeId, id)).orderBy(menteeConsents.purpose));
}

export async function caseStaffOf(w: World, id: string): Promise<string[]> {
  const rows = await withSystem(w.db, (tx) => tx.select({ userId: menteeCaseStaff.userId }).from(menteeCaseStaff).where(eq(menteeCaseStaff.menteeId, id)));
  return rows.map((r) => r.userId).sort();
}

const TABLES = ['people', 'memberships', 'mentees', 'mentee_consents', 'mentee_case_staff', 'mentee_events', 'mentee_notes', 'audit_log', 'outbox', 'used_form_tokens'] as const;
export type Counts = Record<(typeof TABLES)[number], number>;

/** Row counts of every table the module writes, to prove a refused input wrote nothing. */
export const counts = (w: World): Promise<Counts> => countsOf(w, TABLES);

/** The names in the waiting list's table, in order of appearance. */
export function namesInList(body: string): string[] {
  return [...body.matchAll(/<th scope="row"><a href="\/mentees\/[0-9a-f-]+"[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]!);
}

/** The rows of the waiting list as [name, days-waiting cell]. */
export function daysInList(body: string): [string, string][] {
  return [...body.matchAll(/<th scope="row"><a href="\/mentees\/[0-9a-f-]+"[^>]*>([^<]*)<\/a>[\s\S]*?<td class="numeric"[^>]*>([^<]*)<\/td>/g)].map((m) => [m[1]!, m[2]!]);
}

/** A complete, valid intake form as the page posts it (override or remove fields per test). */
export function validIntake(overrides: Record<string, string | string[] | undefined> = {}): Record<string, string | string[]> {
  const base: Form = {
    givenName: 'Олена',
    familyName: 'Коваленко',
    email: 'olena.k@example.org',
    phone: '+48 600 100 200',
    birthDate: '1985-03-14',
    gender: 'female',
    locale: 'uk',
    needs: ['language_practice', 'official_matters'],
    'languages.0.code': 'uk',
    'languages.0.level': 'native',
    'languages.1.code': 'pl',
    'languages.1.level': 'A2',
    availability: ['tue-afternoon', 'thu-evening'],
    district: 'Śródmieście',
    interests: 'gotowanie, szachy',
    preferredVolunteerGender: 'female',
    preferredVolunteerAgeMin: '25',
    preferredVolunteerAgeMax: '60',
    summary: 'Rozmowy po polsku i pomoc w urzędzie',
    'consents.support': 'public_task',
    'consents.contactEmail': 'yes',
  };
  return formWith(base, overrides);
}

/** A token of the public request form issued `ageMs` ago (the real one needs a 3-second wait; tests do not wait). */
export async function backdatedRequestToken(w: Pick<World, 'db'>, organisationId: string, ageMs = 10_000): Promise<string> {
  return issueFormToken(await appSecret(w.db, 'mentee-request-hmac'), organisationId, Date.now() - ageMs);
}

/** A complete, valid public request (in Ukrainian, by a carer for a child) as the form posts it; `undefined` removes a field. */
export function validRequest(overrides: Record<string, string | string[] | undefined> = {}): Record<string, string | string[]> {
  const base: Form = {
    website: '',
    givenName: 'Марко',
    familyName: 'Гнатюк',
    age: '11',
    forSomeoneElse: 'yes',
    carerName: 'Оксана Гнатюк',
    email: 'oksana.h@example.org',
    phone: '',
    locale: 'uk',
    needs: ['school_help', 'leisure'],
    'languages.0.code': 'uk',
    'languages.0.level': 'native',
    availability: ['mon-afternoon', 'wed-afternoon'],
    district: 'Zatorze',
    'consents.support': 'yes',
    'consents.contactEmail': 'yes',
  };
  return formWith(base, overrides);
}
