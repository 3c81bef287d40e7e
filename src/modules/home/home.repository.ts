import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../core/db/tx.js';

/** Counts for the home dashboard of one organisation (tenant transaction). */
export async function organisationCounts(tx: Tx, organisationId: string) {
  const [row] = rowsOf<{ people: number; volunteers: number; mentees: number; staff: number; programmes: number }>(
    await tx.execute(sql`
      select
        (select count(*) from people where organisation_id = ${organisationId})::int as people,
        (select count(distinct person_id) from memberships where organisation_id = ${organisationId} and role = 'volunteer')::int as volunteers,
        (select count(distinct person_id) from memberships where organisation_id = ${organisationId} and role = 'mentee')::int as mentees,
        (select count(distinct person_id) from memberships where organisation_id = ${organisationId}
           and role in ('administrator','coordinator','social_worker','programme_manager'))::int as staff,
        (select count(*) from programmes where organisation_id = ${organisationId} and active)::int as programmes`),
  );
  return row!;
}

/** Organisations and their active programmes, for the public pages (no personal data). */
export async function publicOrganisations(tx: Tx) {
  return rowsOf<{ slug: string; name: string; city: string | null }>(await tx.execute(sql`select slug, name, city from organisations order by name`));
}

export async function publicOrganisation(tx: Tx, slug: string) {
  const [org] = rowsOf<{ id: string; slug: string; name: string; city: string | null; default_locale: string; country: string }>(
    await tx.execute(sql`select id, slug, name, city, default_locale, country from organisations where slug = ${slug}`),
  );
  if (!org) return null;
  const programmes = rowsOf<{ name: string; description: string }>(
    await tx.execute(sql`select name, description from programmes where organisation_id = ${org.id} and active order by name`),
  );
  return { ...org, programmes };
}
