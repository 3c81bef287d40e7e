import { sql } from 'drizzle-orm';
import type { Db } from '../../core/db/database.js';
import { rowsOf, withSystem } from '../../core/db/tx.js';
import { STAFF_ROLES } from '../../core/tenancy/tenancy.table.js';

/** One organisation of one network the user manages, with its counts (no personal data). */
export interface OrganisationCountsRow {
  networkId: string;
  networkSlug: string;
  networkName: string;
  /** Null for a network with no organisation yet. */
  organisationId: string | null;
  organisationSlug: string | null;
  organisationName: string | null;
  volunteers: number;
  mentees: number;
  staff: number;
  activeProgrammes: number;
}

interface RawRow {
  network_id: string;
  network_slug: string;
  network_name: string;
  organisation_id: string | null;
  organisation_slug: string | null;
  organisation_name: string | null;
  volunteers: number;
  mentees: number;
  staff: number;
  active_programmes: number;
}

/**
 * Counts of volunteers, mentees, staff (distinct people per kind) and active programmes for every
 * organisation of every network `userId` manages.
 *
 * Why a system transaction: the counts span several tenants, and row-level security (withTenant) shows
 * one organisation at a time. It is safe because the query is scoped to the networks of the user (the
 * network_managers join) and returns only organisation and network names and counts: no person row,
 * name, e-mail or id leaves it. Keep it that way; anything personal belongs in a tenant transaction.
 */
export function countsForManager(db: Db, userId: string): Promise<OrganisationCountsRow[]> {
  const staffRoles = sql.join(STAFF_ROLES.map((r) => sql`${r}`), sql`, `);
  return withSystem(db, async (tx) => {
    const rows = rowsOf<RawRow>(
      await tx.execute(sql`
        select n.id as network_id, n.slug as network_slug, n.name as network_name,
          o.id as organisation_id, o.slug as organisation_slug, o.name as organisation_name,
          coalesce(m.volunteers, 0)::int as volunteers,
          coalesce(m.mentees, 0)::int as mentees,
          coalesce(m.staff, 0)::int as staff,
          coalesce(p.active_programmes, 0)::int as active_programmes
        from network_managers nm
        join networks n on n.id = nm.network_id
        left join network_organisations nwo on nwo.network_id = n.id
        left join organisations o on o.id = nwo.organisation_id
        left join lateral (
          select
            count(distinct mm.person_id) filter (where mm.role = 'volunteer') as volunteers,
            count(distinct mm.person_id) filter (where mm.role = 'mentee') as mentees,
            count(distinct mm.person_id) filter (where mm.role in (${staffRoles})) as staff
          from memberships mm where mm.organisation_id = o.id
        ) m on true
        left join lateral (
          select count(*) as active_programmes from programmes pp where pp.organisation_id = o.id and pp.active
        ) p on true
        where nm.user_id = ${userId}`),
    );
    return rows.map((r) => ({
      networkId: r.network_id,
      networkSlug: r.network_slug,
      networkName: r.network_name,
      organisationId: r.organisation_id,
      organisationSlug: r.organisation_slug,
      organisationName: r.organisation_name,
      volunteers: r.volunteers,
      mentees: r.mentees,
      staff: r.staff,
      activeProgrammes: r.active_programmes,
    }));
  });
}
