import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testApp, type TestApp } from '../testing/harness.js';
import { createOrganisation, createUser } from '../testing/fixtures.js';
import { TestClient } from '../testing/client.js';

describe('sign-in', () => {
  let t: TestApp;
  let user: Awaited<ReturnType<typeof createUser>>;
  before(async () => {
    t = await testApp();
    const org = await createOrganisation(t.database.db, 'alpha');
    user = await createUser(t.database.db, { organisationId: org.id, roles: ['coordinator'] });
  });
  after(() => t.close());

  it('signs in with the right password and reaches the dashboard', async () => {
    const c = new TestClient(t.app);
    await c.signIn(user.email);
    const home = await c.get('/');
    assert.equal(home.status, 200);
    assert.match(home.body, /Test User/);
  });
});
