/**
 * The cost of password hashes: every hash the app writes is argon2id at OWASP's baseline (19 MiB, 2 iterations),
 * while the accounts tests seed carry a cheaper one (testing/fixtures.ts) to save the suite's time. These tests keep
 * the two apart: the app's cost does not follow the fixtures', and a cheap hash still verifies like any other.
 *   npm test -- src/core/auth/passwords.test.ts
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { withSystem } from '../db/tx.js';
import { TestClient } from '../testing/client.js';
import { createOrganisation, createUser, fixturePasswordHash, PASSWORD } from '../testing/fixtures.js';
import { useApp } from '../testing/world.js';
import { credentials } from './auth.table.js';
import { hashPassword, PASSWORD_HASH_OPTIONS, verifyPassword } from './passwords.js';

/** The cost part of an encoded argon2 hash: `$argon2id$v=19$m=19456,t=2,p=1$salt$hash` → `argon2id m=19456,t=2,p=1`. */
const costOf = (encoded: string) => {
  const [, algorithm, , params] = encoded.split('$');
  return `${algorithm} ${params}`;
};
const PRODUCTION = 'argon2id m=19456,t=2,p=1';

describe('password hashes', () => {
  it("the app hashes at OWASP's argon2id baseline, 19 MiB and 2 iterations", async () => {
    assert.deepEqual(PASSWORD_HASH_OPTIONS, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
    const encoded = await hashPassword('a long enough password');
    assert.equal(costOf(encoded), PRODUCTION);
    assert.equal(await verifyPassword(encoded, 'a long enough password'), true);
    assert.equal(await verifyPassword(encoded, 'another password'), false);
  });

  it('the seeded accounts carry a cheaper hash, which verifies as any other (the cost is read from the hash)', async () => {
    const encoded = await fixturePasswordHash();
    assert.notEqual(costOf(encoded), PRODUCTION, 'cheaper than the app, on purpose');
    assert.equal(await verifyPassword(encoded, PASSWORD), true);
    assert.equal(await verifyPassword(encoded, `${PASSWORD}!`), false);
  });
});

describe('a password set through the app', () => {
  const t = useApp();

  it('is stored at the production cost even for an account seeded with the cheap hash', async () => {
    const org = await createOrganisation(t.database.db, 'alpha', 'Ośrodek Alfa');
    const u = await createUser(t.database.db, { organisationId: org.id, roles: ['coordinator'] });
    const stored = async () => (await withSystem(t.database.db, (tx) => tx.select().from(credentials).where(eq(credentials.userId, u.userId))))[0]!.passwordHash!;
    assert.notEqual(costOf(await stored()), PRODUCTION, 'seeded with the fixture hash');

    const c = new TestClient(t.app);
    await c.signIn(u.email);
    await c.get('/account/security');
    const changed = await c.post('/account/security/password', { current: PASSWORD, password: 'a new long password', confirm: 'a new long password' });
    assert.ok(changed.status < 400, `the password change answered ${changed.status}`);
    assert.equal(costOf(await stored()), PRODUCTION);
    const again = new TestClient(t.app);
    await again.signIn(u.email, { password: 'a new long password' });
  });
});
