import { eq } from 'drizzle-orm';
import type { Tx } from '../db/tx.js';
import { isLocale, type Locale } from '../i18n/locales.js';
import { ORG_TIME_ZONE } from '../i18n/time-zone.js';
import { organisations } from './tenancy.table.js';

/**
 * What the app needs to know about an organisation to serve it: who it is, the zone its dates are counted in and
 * the language it writes to people in when theirs is not known. Loaded once with the session for a request
 * (`actor.org`), or with `orgFacts` where there is no request (jobs, mails, public forms).
 */
export interface OrgFacts {
  id: string;
  name: string;
  slug: string;
  /** IANA zone (`organisations.time_zone`): every "today", day count and local date of the organisation. */
  timeZone: string;
  /** The organisation's default language (`organisations.default_locale`). */
  locale: Locale;
  /** ISO 3166-1 alpha-2. */
  country: string;
  city: string | null;
}

/** The columns as they come from SQL, for the session's query that loads them with the user. */
export interface OrgFactsRow {
  id: string;
  name: string;
  slug: string;
  timeZone: string | null;
  defaultLocale: string | null;
  country: string;
  city: string | null;
}

/** Facts from a row; a locale the catalogues lack reads as Polish, a missing zone as Europe/Warsaw. */
export function orgFactsOf(row: OrgFactsRow): OrgFacts {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    timeZone: row.timeZone ?? ORG_TIME_ZONE,
    locale: isLocale(row.defaultLocale) ? row.defaultLocale : 'pl',
    country: row.country,
    city: row.city,
  };
}

const columns = {
  id: organisations.id,
  name: organisations.name,
  slug: organisations.slug,
  timeZone: organisations.timeZone,
  defaultLocale: organisations.defaultLocale,
  country: organisations.country,
  city: organisations.city,
};

/**
 * The facts of one organisation, for code without a request (jobs, mails, public forms). Undefined when the row is
 * not visible in `tx` (another tenant, or no such organisation).
 */
export async function findOrgFacts(tx: Tx, organisationId: string): Promise<OrgFacts | undefined> {
  const [row] = await tx.select(columns).from(organisations).where(eq(organisations.id, organisationId));
  return row ? orgFactsOf(row) : undefined;
}

/** System transaction: the organisation behind a public address (/o/:slug), for the public forms. */
export async function findOrgFactsBySlug(tx: Tx, slug: string): Promise<OrgFacts | undefined> {
  const [row] = await tx.select(columns).from(organisations).where(eq(organisations.slug, slug));
  return row ? orgFactsOf(row) : undefined;
}

/** The facts of one organisation that must exist (a job's or a mail's organisation); throws when it is not visible. */
export async function orgFacts(tx: Tx, organisationId: string): Promise<OrgFacts> {
  const facts = await findOrgFacts(tx, organisationId);
  if (!facts) throw new Error(`organisation ${organisationId} is not visible`);
  return facts;
}

/** The facts of every organisation (system transaction), for jobs that run per organisation. */
export async function allOrgFacts(tx: Tx): Promise<OrgFacts[]> {
  return (await tx.select(columns).from(organisations)).map(orgFactsOf);
}
