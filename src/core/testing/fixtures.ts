import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.js';
import { withSystem } from '../db/tx.js';
import { credentials, users } from '../auth/auth.table.js';
import { hashPassword } from '../auth/passwords.js';
import { newTotpSecret } from '../auth/totp.js';
import { memberships, organisations, people, type Role } from '../tenancy/tenancy.table.js';
import { personSearchText } from '../tenancy/people-search.js';

export const PASSWORD = 'correct horse battery';
let cachedHash: Promise<string> | undefined;

export async function createOrganisation(db: Db, slug: string, name = `Org ${slug}`, defaultLocale = 'pl') {
  const [org] = await withSystem(db, (tx) => tx.insert(organisations).values({ slug, name, defaultLocale }).returning());
  return org!;
}

/** An account with a person record and roles in an organisation. With `totp`, two-factor is on. */
export async function createUser(db: Db, opts: { organisationId: string; roles: Role[]; email?: string; name?: string; totp?: boolean; locale?: string }) {
  const userId = randomUUID();
  const email = opts.email ?? `${userId.slice(0, 8)}@example.org`;
  const [given = 'Test', family = 'User'] = (opts.name ?? 'Test User').split(' ');
  const secret = opts.totp ? newTotpSecret() : null;
  cachedHash ??= hashPassword(PASSWORD);
  const passwordHash = await cachedHash;
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
