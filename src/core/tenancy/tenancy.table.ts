import { sql, type BuildExtraConfigColumns } from 'drizzle-orm';
import { boolean, check, index, integer, pgPolicy, pgTable, primaryKey, text, unique, uuid, type PgColumnBuilderBase, type PgTableExtraConfigValue } from 'drizzle-orm/pg-core';
import { appRole, organisationId, tenantPolicy } from '../db/rls.js';
import { users } from '../auth/auth.table.js';
import type { Locale } from '../i18n/locales.js';
import { belongsTo, calendarDate, jsonObject, linkTo, timestampNow } from '../db/columns.js';

export const ROLES = [
  'administrator',
  'coordinator',
  'social_worker',
  'programme_manager',
  'volunteer',
  'mentee',
  'migrant_assistant',
  'institution_staff',
] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES: readonly Role[] = ['administrator', 'coordinator', 'social_worker', 'programme_manager'];

export const LOCALES = ['pl', 'en', 'uk', 'de', 'ar'] as const;

/** A tenant: a social-assistance centre, an NGO, a municipality. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    kind: text().notNull().default('ngo'),
    country: text().notNull().default('PL'),
    defaultLocale: text().$type<Locale>().notNull().default('pl'),
    city: text(),
    /** IANA zone for dates shown, typed and sent in calendars (meetings, interviews). */
    timeZone: text().notNull().default('Europe/Warsaw'),
    /** Forms may take a district outside the organisation's list (matching's districts), typed as "other". */
    districtOtherAllowed: boolean().notNull().default(false),
    createdAt: timestampNow(),
  },
  (t) => [
    check('organisations_slug_format', sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{1,62}$'`),
    check('organisations_country', sql`${t.country} ~ '^[A-Z]{2}$'`),
    check('organisations_locale', sql`${t.defaultLocale} in ('pl','en','uk','de','ar')`),
    pgPolicy('organisations_own', { for: 'select', to: appRole, using: sql`id = app_current_org()` }),
    pgPolicy('organisations_update_own', { for: 'update', to: appRole, using: sql`id = app_current_org()`, withCheck: sql`id = app_current_org()` }),
  ],
).enableRLS();

/**
 * The first two columns of every tenant table: a random uuid key and the organisation, whose rows go when it is deleted.
 * A function declaration (hoisted), because auth.table.ts and this file import each other and either may run first.
 */
export function tenantKey() {
  return {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: organisationId().references(() => organisations.id, { onDelete: 'cascade' }),
  };
}

/**
 * A table of one organisation's rows: `tenantKey()` first, then `columns`; the `extra` checks, indexes and policies,
 * then the tenant policy; row-level security on. Declaring every tenant table through here means none can miss its
 * policy. (A function declaration, hoisted, for the same reason as tenantKey.)
 */
export function tenantTable<TName extends string, TColumns extends Record<string, PgColumnBuilderBase>>(
  name: TName,
  columns: TColumns,
  extra: (t: BuildExtraConfigColumns<TName, ReturnType<typeof tenantKey> & TColumns, 'pg'>) => PgTableExtraConfigValue[] = () => [],
) {
  return pgTable(name, { ...tenantKey(), ...columns }, (t) => [...extra(t), tenantPolicy(name)]).enableRLS();
}

/**
 * A city or regional partnership grouping organisations; it sees aggregates only. The app role may read (never
 * write) the networks its organisation belongs to and those the user manages; the aggregates themselves are
 * computed in a system transaction (network module).
 */
export const networks = pgTable(
  'networks',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    createdAt: timestampNow(),
  },
  (t) => [
    pgPolicy('networks_member_or_manager', {
      for: 'select',
      to: appRole,
      using: sql`exists (select 1 from network_organisations n where n.network_id = ${t.id} and n.organisation_id = app_current_org())
        or exists (select 1 from network_managers m where m.network_id = ${t.id} and m.user_id = app_current_user())`,
    }),
  ],
).enableRLS();

export const networkOrganisations = pgTable(
  'network_organisations',
  {
    networkId: belongsTo(() => networks.id),
    organisationId: belongsTo(() => organisations.id),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.organisationId] }),
    pgPolicy('network_organisations_member_or_manager', {
      for: 'select',
      to: appRole,
      using: sql`${t.organisationId} = app_current_org()
        or exists (select 1 from network_managers m where m.network_id = ${t.networkId} and m.user_id = app_current_user())`,
    }),
  ],
).enableRLS();

/** A programme run by one organisation (mentoring for refugee families, school help…). */
export const programmes = tenantTable(
  'programmes',
  {
    name: text().notNull(),
    description: text().notNull().default(''),
    active: boolean().notNull().default(true),
    /** Matching weights set for this programme (missing keys: the defaults of matching/scoring). */
    matchingWeights: jsonObject<Record<string, number>>(),
    /** Following the pairs: days to the first check-in after the first meeting, then between check-ins, and without a
     * meeting before a pair counts as quiet (missing keys: the defaults of the pairs module). */
    followUp: jsonObject<Record<string, number>>(),
    /** Matching: the distance (km between district centres) at which the distance component reaches 0. */
    matchingMaxDistanceKm: integer().notNull().default(15),
    createdAt: timestampNow(),
  },
  (t) => [
    unique('programmes_name_per_org').on(t.organisationId, t.name),
    check('programmes_matching_max_distance', sql`${t.matchingMaxDistanceKm} between 1 and 200`),
  ],
);

/** A person as one organisation knows them. Personal data: every staff read is audited. */
export const people = tenantTable(
  'people',
  {
    givenName: text().notNull(),
    familyName: text().notNull(),
    email: text(),
    phone: text(),
    birthDate: calendarDate(),
    locale: text().$type<Locale>().notNull().default('pl'),
    /** female, male, other, undisclosed ("prefer not to say") — or null when never asked. Used only for stated
     * matching preferences: only female and male satisfy a wish for a woman or a man. */
    gender: text(),
    /**
     * Lower-case name and e-mail without diacritics, for search ("lodz" finds "Łódź"), then the Latin transliteration
     * and skeletons of the name for search across scripts ("Kowalenko" finds "Коваленко"): `personSearchText`
     * (core/tenancy/people-search.ts). Set by the app on every write of a name or e-mail.
     */
    searchText: text().notNull().default(''),
    /** The account of this person, when they have one (staff, volunteers who signed up). */
    userId: linkTo(() => users.id),
    createdAt: timestampNow(),
    updatedAt: timestampNow(),
  },
  (t) => [
    index('people_org_name').on(t.organisationId, t.familyName, t.givenName),
    unique('people_user_per_org').on(t.organisationId, t.userId),
    check('people_gender', sql`${t.gender} is null or ${t.gender} in ('female','male','other','undisclosed')`),
  ],
);

/** A role a person holds in an organisation. */
export const memberships = tenantTable(
  'memberships',
  {
    personId: belongsTo(() => people.id),
    role: text().$type<Role>().notNull(),
    createdAt: timestampNow(),
  },
  (t) => [
    unique('memberships_person_role').on(t.personId, t.role),
    index('memberships_org_role').on(t.organisationId, t.role),
    check('memberships_role', sql`${t.role} in ('administrator','coordinator','social_worker','programme_manager','volunteer','mentee','migrant_assistant','institution_staff')`),
  ],
);

/** A user who manages a network (programme manager of a city-wide programme). */
export const networkManagers = pgTable(
  'network_managers',
  {
    networkId: belongsTo(() => networks.id),
    userId: belongsTo(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.userId] }),
    pgPolicy('network_managers_self', { for: 'select', to: appRole, using: sql`${t.userId} = app_current_user()` }),
  ],
).enableRLS();

