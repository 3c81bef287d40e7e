/**
 * Issue 11, point 10: "TOTP recovery codes for everyone who uses TOTP". Issue 10 added recovery codes to the account
 * security page; this checks every kind of account that can switch TOTP on — volunteers, mentees and the other
 * non-staff roles as well as staff — is shown ten codes and can sign in with one instead of the app.
 *   npm test -- src/core/auth/recovery-codes-roles.test.ts
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROLES } from '../tenancy/tenancy.table.js';
import { createUser, PASSWORD } from '../testing/fixtures.js';
import { browserAtOwnAddress, useWorld } from '../testing/world.js';
import { currentTotp } from './totp.js';

const w = useWorld({ env: { TRUST_PROXY: '1' }, org: { slug: 'alpha', name: 'Ośrodek Alfa' } });

const browser = () => browserAtOwnAddress(w);

describe('TOTP recovery codes for every kind of account', () => {
  for (const role of ROLES) {
    it(`a ${role} who switches TOTP on gets ten recovery codes and can sign in with one`, async () => {
      const u = await createUser(w.db, { organisationId: w.org.id, roles: [role] });
      const c = browser();
      await c.signIn(u.email);
      assert.equal((await c.get('/account/security')).status, 200);
      assert.equal((await c.post('/account/security/totp/start')).status, 303);
      const secret = /<code class="secret" dir="ltr">([A-Z2-7 ]+)<\/code>/.exec((await c.get('/account/security')).body)![1]!.replaceAll(' ', '');
      const confirmed = await c.post('/account/security/totp/confirm', { code: currentTotp(secret) });
      const codes = [...confirmed.body.matchAll(/<li><code>([a-z0-9]{5}-[a-z0-9]{5})<\/code><\/li>/g)].map((m) => m[1]!);
      assert.equal(codes.length, 10, role);

      const lost = browser();
      await lost.get('/sign-in');
      await lost.post('/sign-in', { email: u.email, password: PASSWORD });
      await lost.get('/sign-in/two-factor');
      assert.equal((await lost.post('/sign-in/two-factor', { code: codes[0]! })).status, 303, `${role}: a recovery code instead of the app`);
    });
  }
});
