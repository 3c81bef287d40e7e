import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { Db } from '../db/database.js';
import { withSystem } from '../db/tx.js';
import { credentials, users } from '../auth/auth.table.js';
import { PASSWORD_HASH_OPTIONS } from '../auth/passwords.js';
import { newTotpSecret } from '../auth/totp.js';
import { memberships, networkManagers, networkOrganisations, networks, organisations, people, type Role } from '../tenancy/tenancy.table.js';
import { personSearchText } from '../tenancy/people-search.js';
import type { Locale } from '../i18n/locales.js';

export const PASSWORD = 'correct horse battery';
let cachedHash: Promise<string> | undefined;

/**
 * The hash of PASSWORD stored for the accounts tests seed: argon2id at a test-only cost (1 MiB, 1 iteration) instead
 * of the app's (19 MiB, 2 iterations; see PASSWORD_HASH_OPTIONS). argon2 reads the cost from the hash itself, so each
 * sign-in of a seeded account verifies in ~1 ms of CPU instead of ~26 ms (measured), over the ~300 sign-ins of a run
 * and the hundreds of wrong-password attempts the lock-out tests make. Only these seeded hashes are cheap: every hash
 * the app writes (set-up, invitations, resets, password changes, the dummy for unknown addresses) keeps its cost,
 * which passwords.test.ts checks.
 */
export function fixturePasswordHash(): Promise<string> {
  cachedHash ??= hash(PASSWORD, { ...PASSWORD_HASH_OPTIONS, memoryCost: 1024, timeCost: 1 });
  return cachedHash;
}

export async function createOrganisation(db: Db, slug: string, name = `Org ${slug}`, defaultLocale: Locale = 'pl') {
  const [org] = await withSystem(db, (tx) => tx.insert(organisations).values({ slug, name, defaultLocale }).returning());
  return org!;
}

/** A network of organisations with the accounts that manage it (none unless told). */
export async function createNetwork(db: Db, n: { slug: string; name: string; organisationIds: string[]; managerUserIds?: string[] }) {
  return withSystem(db, async (tx) => {
    const [network] = await tx.insert(networks).values({ slug: n.slug, name: n.name }).returning();
    await tx.insert(networkOrganisations).values(n.organisationIds.map((organisationId) => ({ networkId: network!.id, organisationId })));
    if (n.managerUserIds?.length) await tx.insert(networkManagers).values(n.managerUserIds.map((userId) => ({ networkId: network!.id, userId })));
    return network!;
  });
}

/** An account with a person record and roles in an organisation. With `totp`, two-factor is on. */
export async function createUser(db: Db, opts: { organisationId: string; roles: Role[]; email?: string; name?: string; totp?: boolean; locale?: Locale }) {
  const userId = randomUUID();
  const email = opts.email ?? `${userId.slice(0, 8)}@example.org`;
  const [given = 'Test', family = 'User'] = (opts.name ?? 'Test User').split(' ');
  const secret = opts.totp ? newTotpSecret() : null;
  const passwordHash = await fixturePasswordHash();
  const personId = await withSystem(db, async (tx) => {
    await tx.insert(users).values({ id: userId, email, displayName: `${given} ${family}`, locale: opts.locale ?? null });
    await tx.insert(credentials).values({ userId, passwordHash, totpSecret: secret, totpEnabled: Boolean(secret) });
    const [p] = await tx
      .insert(people)
      .values({ organisationId: opts.organisationId, givenName: given, familyName: family, email, userId, searchText: personSearchText({ givenName: given, familyName: family, email }) })
      .returning({ id: people.id });
    for (const role of opts.roles) await tx.insert(memberships).values({ organisationId: opts.organisationId, personId: p!.id, role });
    return p!.id;
  });
  return { userId, email, personId, totpSecret: secret };
}

export async function createPerson(db: Db, organisationId: string, givenName: string, familyName: string, roles: Role[] = []) {
  return withSystem(db, async (tx) => {
    const [p] = await tx
      .insert(people)
      .values({ organisationId, givenName, familyName, searchText: personSearchText({ givenName, familyName }) })
      .returning({ id: people.id });
    for (const role of roles) await tx.insert(memberships).values({ organisationId, personId: p!.id, role });
    return p!.id;
  });
}
