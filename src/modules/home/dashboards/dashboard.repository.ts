import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../../core/db/tx.js';

/** The SQL of the role dashboards on `/`; every query filtered by the organisation (row-level security backs it up). */

/** The volunteer's running pairs: the mentee's first name only, and since when. */
export async function findMyPairs(tx: Tx, organisationId: string, volunteerId: string) {
  return rowsOf<{ match_id: string; given_name: string; started_at: Date | string }>(
    await tx.execute(sql`
      select m.id as match_id, p.given_name, m.started_at
      from matches m join mentees e on e.id = m.mentee_id join people p on p.id = e.person_id
      where m.organisation_id = ${organisationId} and m.volunteer_id = ${volunteerId} and m.status = 'active'
      order by m.started_at, m.id`),
  ).map((r) => ({ matchId: r.match_id, givenName: r.given_name, startedAt: new Date(r.started_at) }));
}

/** The next introduction (first meeting at a venue) of those pairs that is still to come. */
export async function findNextIntroduction(tx: Tx, organisationId: string, matchIds: readonly string[], now: Date) {
  if (matchIds.length === 0) return undefined;
  const [row] = rowsOf<{ match_id: string; starts_at: Date | string; venue: string; address: string }>(
    await tx.execute(sql`
      select i.match_id, i.starts_at, v.name as venue, v.address
      from introductions i join venues v on v.id = i.venue_id
      where i.organisation_id = ${organisationId} and i.status = 'scheduled' and i.starts_at > ${now.toISOString()}::timestamptz
        and i.match_id in (${sql.join(matchIds.map((id) => sql`${id}::uuid`), sql`, `)})
      order by i.starts_at limit 1`),
  );
  return row && { matchId: row.match_id, startsAt: new Date(row.starts_at), venue: row.venue, address: row.address };
}

/**
 * The figures of the coordinator's dashboard that need no follow-up rules: new applications, requests to review,
 * the waiting list, and the open concerns the current user may see (the concerns' restrictive policy filters them,
 * so the count is "visible to me" without repeating the rule here).
 */
export async function countStaffFigures(tx: Tx, organisationId: string) {
  const [row] = rowsOf<{ applied: number; requested: number; waiting: number; concerns: number }>(
    await tx.execute(sql`
      select
        (select count(*) from volunteers where organisation_id = ${organisationId} and stage = 'applied')::int as applied,
        (select count(*) from mentees where organisation_id = ${organisationId} and status = 'requested')::int as requested,
        (select count(*) from mentees where organisation_id = ${organisationId} and status = 'waiting')::int as waiting,
        (select count(*) from concerns where organisation_id = ${organisationId} and status in ('open', 'in_progress'))::int as concerns`),
  );
  return { applied: Number(row!.applied), requested: Number(row!.requested), waiting: Number(row!.waiting), concerns: Number(row!.concerns) };
}

/**
 * The social worker's clients: people whose case staff they are, or whose responsible social worker they are,
 * with their status and running pairs (the volunteer's first name and since when). At most 200, by name.
 */
export async function findMyClients(tx: Tx, organisationId: string, userId: string) {
  const rows = rowsOf<{ id: string; given_name: string; family_name: string; status: string; waiting_since: Date | string | null; pairs: { volunteer: string; startedAt: string }[] | null }>(
    await tx.execute(sql`
      select e.id, p.given_name, p.family_name, e.status, e.waiting_since,
        (select json_agg(json_build_object('volunteer', vp.given_name, 'startedAt', m.started_at) order by m.started_at)
           from matches m join volunteers v on v.id = m.volunteer_id join people vp on vp.id = v.person_id
           where m.organisation_id = ${organisationId} and m.mentee_id = e.id and m.status = 'active') as pairs
      from mentees e join people p on p.id = e.person_id
      where e.organisation_id = ${organisationId}
        and (e.social_worker_user_id = ${userId}::uuid
             or exists (select 1 from mentee_case_staff s where s.mentee_id = e.id and s.user_id = ${userId}::uuid))
      order by p.family_name, p.given_name, e.id
      limit 200`),
  );
  return rows.map((r) => ({
    id: r.id,
    givenName: r.given_name,
    familyName: r.family_name,
    status: r.status,
    waitingSince: r.waiting_since ? new Date(r.waiting_since) : null,
    pairs: (r.pairs ?? []).map((x) => ({ volunteer: x.volunteer, startedAt: new Date(x.startedAt) })),
  }));
}
