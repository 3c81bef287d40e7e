import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { rowsOf, withSystem, type Tx } from '../db/tx.js';
import { orgFactsOf, type OrgFacts } from '../tenancy/org-facts.js';
import type { Role } from '../tenancy/tenancy.table.js';
import { sessions } from './auth.table.js';
import { randomToken, tokenHash } from './tokens.js';

export const SESSION_COOKIE = 'tandem_session';
/**
 * How long a session lasts. By default it ends after 8 hours without activity and 12 hours in any case, and its
 * cookie ends with the browser. "Remember me" keeps it for 7 days on that device. An administrator's session ends
 * after 1 hour without activity and 12 hours in any case, remembered or not.
 */
export const IDLE_MS = 8 * 3600_000;
export const ABSOLUTE_MS = 12 * 3600_000;
export const REMEMBERED_MS = 7 * 24 * 3600_000;
export const ADMIN_IDLE_MS = 3600_000;
export const ADMIN_ABSOLUTE_MS = 12 * 3600_000;
const TOUCH_EVERY_MS = 5 * 60_000;

const idleOf = (remember: boolean) => (remember ? REMEMBERED_MS : IDLE_MS);

/** Who is making the request, as loaded for every request from the session or the access token. */
export interface Auth {
  via: 'session' | 'token';
  userId: string;
  email: string;
  displayName: string;
  userLocale: string | null;
  sessionHash?: string;
  /** The session was started with "remember me" (its cookie outlives the browser). */
  remember?: boolean;
  mfaPassed: boolean;
  totpEnabled: boolean;
  /** The organisation the session is in, with the facts every service counts with (zone, language, country). */
  organisation?: OrgFacts;
  roles: Role[];
  /**
   * An administrator of any organisation. The stricter rules for administrators (two-factor required, short
   * sessions) follow the person, not the organisation the session happens to be in.
   */
  administrator: boolean;
  organisations: { id: string; name: string }[];
  networkManager: boolean;
}

/** Creates a session in the given (system) transaction and returns the cookie token. */
export async function createSession(tx: Tx, userId: string, organisationId: string | null, opts: { mfaPassed: boolean; remember: boolean }): Promise<string> {
  const token = randomToken();
  await tx.insert(sessions).values({
    tokenHash: tokenHash(token),
    userId,
    organisationId,
    mfaPassed: opts.mfaPassed,
    remember: opts.remember,
    expiresAt: new Date(Date.now() + idleOf(opts.remember)),
  });
  return token;
}

export async function destroySession(db: Db, hash: string): Promise<void> {
  await withSystem(db, (tx) => tx.delete(sessions).where(eq(sessions.tokenHash, hash)));
}

/** Ends every session of the account (a password reset or change, a second-factor lock). */
export async function destroyUserSessions(tx: Tx, userId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(tx: Tx): Promise<void> {
  await tx.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}

interface AuthRow {
  user_id: string;
  email: string;
  display_name: string;
  locale: string | null;
  totp_enabled: boolean | null;
  org_id: string | null;
  org_name: string | null;
  org_slug: string | null;
  org_locale: string | null;
  org_country: string | null;
  org_city: string | null;
  org_time_zone: string | null;
  roles: Role[] | null;
  organisations: { id: string; name: string }[] | null;
  network_manager: boolean;
  administrator: boolean;
}

/**
 * Loads the user, their roles in the given organisation and the organisations they belong to,
 * in one query (system transaction: this is what decides the tenant, so it cannot be inside one).
 */
export async function loadAuth(tx: Tx, userId: string, organisationId: string | null): Promise<Omit<Auth, 'via' | 'mfaPassed'> | null> {
  const rows = rowsOf<AuthRow>(
    await tx.execute(sql`
      select u.id as user_id, u.email, u.display_name, u.locale, c.totp_enabled,
        o.id as org_id, o.name as org_name, o.slug as org_slug, o.default_locale as org_locale, o.country as org_country,
        o.city as org_city, o.time_zone as org_time_zone,
        (select array_agg(m.role order by m.role) from memberships m join people p on p.id = m.person_id
           where p.user_id = u.id and m.organisation_id = o.id) as roles,
        (select json_agg(json_build_object('id', oo.id, 'name', oo.name) order by oo.name) from organisations oo
           where exists (select 1 from people pp join memberships mm on mm.person_id = pp.id
                         where pp.user_id = u.id and pp.organisation_id = oo.id)) as organisations,
        exists (select 1 from network_managers nm where nm.user_id = u.id) as network_manager,
        exists (select 1 from people pa join memberships ma on ma.person_id = pa.id where pa.user_id = u.id and ma.role = 'administrator') as administrator
      from users u
      left join credentials c on c.user_id = u.id
      left join organisations o on o.id = ${organisationId}
      where u.id = ${userId} and not u.disabled`),
  );
  const r = rows[0];
  if (!r) return null;
  const roles = r.org_id ? (r.roles ?? []) : [];
  return {
    userId: r.user_id,
    email: r.email,
    displayName: r.display_name,
    userLocale: r.locale,
    totpEnabled: Boolean(r.totp_enabled),
    organisation:
      r.org_id && roles.length > 0
        ? orgFactsOf({ id: r.org_id, name: r.org_name!, slug: r.org_slug!, defaultLocale: r.org_locale, country: r.org_country!, city: r.org_city, timeZone: r.org_time_zone })
        : undefined,
    roles,
    administrator: r.administrator,
    organisations: r.organisations ?? [],
    networkManager: r.network_manager,
  };
}

/**
 * Resolves a session cookie to its Auth, sliding the idle expiry (at most one write per 5 minutes). A session past
 * its absolute limit, or an administrator's idle for longer than ADMIN_IDLE_MS, ends here.
 */
export async function authFromSession(db: Db, token: string): Promise<Auth | null> {
  const hash = tokenHash(token);
  return withSystem(db, async (tx) => {
    const [s] = await tx
      .select()
      .from(sessions)
      .where(and(eq(sessions.tokenHash, hash), sql`${sessions.expiresAt} > now()`));
    if (!s) return null;
    const auth = await loadAuth(tx, s.userId, s.organisationId);
    const admin = auth?.administrator ?? false;
    const now = Date.now();
    const absolute = admin ? ADMIN_ABSOLUTE_MS : s.remember ? REMEMBERED_MS : ABSOLUTE_MS;
    const tooOld = now - s.createdAt.getTime() > absolute || (admin && now - s.lastSeenAt.getTime() > ADMIN_IDLE_MS);
    if (!auth || tooOld) {
      await tx.delete(sessions).where(eq(sessions.tokenHash, hash));
      return null;
    }
    if (now - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await tx
        .update(sessions)
        .set({ lastSeenAt: new Date(now), expiresAt: new Date(now + idleOf(s.remember)) })
        .where(eq(sessions.tokenHash, hash));
    }
    return { ...auth, via: 'session', sessionHash: hash, remember: s.remember, mfaPassed: s.mfaPassed };
  });
}

export async function setSessionOrganisation(db: Db, hash: string, organisationId: string): Promise<void> {
  await withSystem(db, (tx) => tx.update(sessions).set({ organisationId }).where(eq(sessions.tokenHash, hash)));
}
