import { appSecret } from '../../../core/http/secrets.js';
import { formWith, TestClient, type Form } from '../../../core/testing/client.js';
import { issueFormToken } from './form-token.js';
import { countsOf } from '../../../core/testing/rows.js';
import { OTHER, world as coreWorld, type World, type WorldOptions } from '../../../core/testing/world.js';

/** Test-only helpers of the application part: two organisations (Alfa in Polish, Beta in German) on a fresh app, applicants and staff. */
export { assertRowsAdded, query } from '../../../core/testing/rows.js';
export { fieldError, formErrorOf, formTokenOf } from '../../../core/testing/html.js';
export { apiUser, signedIn, useWorld, type World } from '../../../core/testing/world.js';

export const world = <O extends WorldOptions>(opts: O = {} as O) => coreWorld({ org: { slug: 'alpha', name: 'Ośrodek Alfa' }, other: { ...OTHER, defaultLocale: 'de' }, ...opts });

/** A complete, valid application as the form posts it (override or remove fields per test). */
export function validForm(overrides: Record<string, string | string[] | undefined> = {}): Record<string, string | string[]> {
  const base: Form = {
    givenName: 'Олена',
    familyName: 'Коваленко',
    email: 'olena@example.org',
    phone: '+48 600 100 200',
    birthDate: '1990-05-17',
    profession: 'Вчителька',
    education: 'Університет',
    interests: 'футбол, шахи , кулінарія',
    'languages.0.code': 'uk',
    'languages.0.level': 'native',
    'languages.1.code': 'pl',
    'languages.1.level': 'B2',
    availability: ['mon-morning', 'thu-evening'],
    hoursPerMonth: '12',
    district: 'Praga-Północ',
    travelKm: '5',
    activities: ['mentoring', 'language_help'],
    preferredAgeGroups: ['children', 'adults'],
    preferredGender: 'female',
    worksWithMinors: 'yes',
    plannedLength: 'open',
    motivation: 'Хочу допомагати.',
    heardFrom: 'social_media',
    'consents.application': 'yes',
    'consents.newsletter': 'yes',
  };
  return formWith(base, overrides);
}

/** A form token issued `ageMs` ago (the real one needs a 3-second wait; tests do not wait). */
export async function backdatedToken(w: Pick<World, 'db'>, organisationId: string, ageMs = 10_000): Promise<string> {
  return issueFormToken(await appSecret(w.db, 'form-hmac'), organisationId, Date.now() - ageMs);
}

/** Loads the form like a browser, then posts it with a token issued ten seconds ago. */
export async function apply(w: World, client: TestClient, form: Record<string, string | string[]>, opts: { slug?: string; orgId?: string; lang?: string } = {}) {
  const slug = opts.slug ?? w.org.slug;
  const lang = opts.lang ?? 'en';
  await client.get(`/o/${slug}/apply?lang=${lang}`);
  return client.post(`/o/${slug}/apply?lang=${lang}`, { _form: await backdatedToken(w, opts.orgId ?? w.org.id), website: '', ...form });
}

const TABLES = ['people', 'volunteers', 'volunteer_consents', 'volunteer_events', 'outbox', 'audit_log', 'volunteer_settings', 'used_form_tokens'] as const;
export type Counts = Record<(typeof TABLES)[number], number>;

/** Row counts of every table an application writes, to prove a refused one wrote nothing. */
export const counts = (w: World): Promise<Counts> => countsOf(w, TABLES);
