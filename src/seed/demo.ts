import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Config } from '../config.js';
import { credentials, users } from '../core/auth/auth.table.js';
import { hashPassword } from '../core/auth/passwords.js';
import type { Db } from '../core/db/database.js';
import { rowsOf, withSystem, type Tx } from '../core/db/tx.js';
import { memberships, networkManagers, networkOrganisations, networks, organisations, people, programmes } from '../core/tenancy/tenancy.table.js';
import { buildDemo, DEMO_PASSWORD } from './demo-data.js';
import { seedMatchingSettings } from './matching.js';
import { seedMentees } from './mentees.js';
import { seedVolunteers } from './volunteers.js';
import { personSearchText } from '../core/tenancy/people-search.js';

export { buildDemo, demoAccounts, DEMO_PASSWORD } from './demo-data.js';

/** Any constant, shared by every instance: two instances starting at once on one PostgreSQL seed only once. */
const SEED_LOCK = 727_273;

/**
 * Loads the demo data when the database has no organisation yet. Returns whether it loaded.
 * Everything goes in one system transaction (the seed acts for no organisation): all or nothing.
 */
export async function seedIfEmpty(db: Db, _config: Config): Promise<boolean> {
  const isEmpty = async (tx: Tx) => rowsOf<{ empty: boolean }>(await tx.execute(sql`select not exists (select 1 from organisations) as empty`))[0]!.empty;
  // The usual case at start-up: not empty, nothing to do (and no password hashing).
  if (!(await withSystem(db, isEmpty))) return false;
  const plan = buildDemo();
  // argon2id costs ~50 ms: hash the one demo password once, outside the transaction, and reuse the hash.
  const hash = await hashPassword(DEMO_PASSWORD);
  return withSystem(db, async (tx) => {
    // Checked again under a lock: another instance may have seeded in the meantime.
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    if (!(await isEmpty(tx))) return false;

    const [network] = await tx.insert(networks).values(plan.network).returning({ id: networks.id });
    const orgRows = await tx
      .insert(organisations)
      .values(plan.organisations.map((o) => ({ slug: o.slug, name: o.name, kind: o.kind, country: o.country, defaultLocale: o.defaultLocale, city: o.city })))
      .returning({ id: organisations.id, slug: organisations.slug });
    const orgId = new Map(orgRows.map((o) => [o.slug, o.id]));
    await tx.insert(networkOrganisations).values(orgRows.map((o) => ({ networkId: network!.id, organisationId: o.id })));
    await tx.insert(programmes).values(plan.organisations.flatMap((o) => o.programmes.map((p) => ({ organisationId: orgId.get(o.slug)!, ...p }))));

    const userRows: (typeof users.$inferInsert)[] = [];
    const personRows: (typeof people.$inferInsert)[] = [];
    const membershipRows: (typeof memberships.$inferInsert)[] = [];
    const userIdByEmail = new Map<string, string>();
    for (const org of plan.organisations) {
      const organisationId = orgId.get(org.slug)!;
      for (const person of org.people) {
        const personId = randomUUID();
        let userId: string | null = null;
        if (person.account) {
          userId = randomUUID();
          userIdByEmail.set(person.account.email, userId);
          userRows.push({ id: userId, email: person.account.email, displayName: `${person.givenName} ${person.familyName}`, locale: person.account.locale });
        }
        personRows.push({
          id: personId,
          organisationId,
          givenName: person.givenName,
          familyName: person.familyName,
          email: person.email,
          phone: person.phone,
          birthDate: person.birthDate,
          locale: person.locale,
          searchText: personSearchText(person),
          userId,
        });
        for (const role of person.roles) membershipRows.push({ organisationId, personId, role });
      }
    }
    await tx.insert(users).values(userRows);
    // No TOTP: administrators are asked to set up two-factor sign-in at their first sign-in, by design.
    await tx.insert(credentials).values(userRows.map((u) => ({ userId: u.id!, passwordHash: hash })));
    await tx.insert(people).values(personRows);
    await tx.insert(memberships).values(membershipRows);
    await tx.insert(networkManagers).values(plan.networkManagers.map((email) => ({ networkId: network!.id, userId: userIdByEmail.get(email)! })));
    // The coordinator of each organisation is who moved its demo volunteers through the pipeline.
    const coordinators = new Map<string, string>();
    for (const org of plan.organisations) {
      const coordinator = org.people.find((p) => p.roles.includes('coordinator') && p.account);
      if (coordinator) coordinators.set(orgId.get(org.slug)!, userIdByEmail.get(coordinator.account!.email)!);
    }
    await seedVolunteers(tx, personRows, membershipRows, coordinators, new Date());
    await seedMentees(tx, personRows, membershipRows, new Date());
    for (const org of plan.organisations) await seedMatchingSettings(tx, orgId.get(org.slug)!, org.city);
    return true;
  });
}
