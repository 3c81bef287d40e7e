import { sql } from 'drizzle-orm';
import { query } from '../../core/testing/rows.js';
import { world, type World, type WorldOptions } from '../../core/testing/world.js';

/** Test-only helpers of the admin module: two organisations (Alfa and Beta) on a fresh app, and people signed in to them. */
export { auditEntries, countRows, mailsTo } from '../../core/testing/rows.js';
export { flashOn } from '../../core/testing/html.js';
export { anonymous, freshOrganisation, signedIn, tokenFor, useWorld, type World } from '../../core/testing/world.js';

export const adminWorld = <O extends WorldOptions>(opts: O = {} as O) => world({ org: { slug: 'alpha', name: 'Ośrodek Alfa' }, ...opts });

export async function rolesOf(w: World, personId: string): Promise<string[]> {
  const rows = await query<{ role: string }>(w, sql`select role from memberships where person_id = ${personId} order by role`);
  return rows.map((r) => r.role);
}
