/**
 * Choosing a language by link while signed in sticks for the next pages of that session (the links at the top of
 * every page "change it", src/seed/ACCOUNTS.md), although the account has a language of its own; a new sign-in starts
 * in the account's language again, and saving a language on /account wins from then on.
 *   node --import tsx --test src/core/http/language-choice.test.ts
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useWorld } from '../testing/world.js';
import { createUser } from '../testing/fixtures.js';
import { TestClient } from '../testing/client.js';

const w = useWorld({ org: { slug: 'lang-org', name: 'Ośrodek Języki' } });

const langOf = (body: string) => /<html lang="([a-z]{2})"/.exec(body)?.[1];

describe('a language chosen by link while signed in', () => {
  it('sticks for the next pages of the session, over the account’s language, and back again', async () => {
    const u = await createUser(w.db, { organisationId: w.org.id, roles: ['volunteer'], name: 'Layla Haddad', locale: 'ar' });
    const c = new TestClient(w.t.app);
    await c.signIn(u.email);
    assert.equal(langOf((await c.get('/account')).body), 'ar', 'the account’s language at first');
    assert.equal(langOf((await c.get('/account?lang=en')).body), 'en');
    assert.equal(langOf((await c.get('/account')).body), 'en', 'the next page stays in the chosen language');
    assert.equal(langOf((await c.get('/account/security')).body), 'en');
    assert.equal(langOf((await c.get('/account?lang=ar')).body), 'ar', 'and back');
    assert.equal(langOf((await c.get('/account')).body), 'ar');
    assert.equal(langOf((await c.get('/account?lang=de')).body), 'de');

    // Another session of the same account (another phone, or after signing in again) starts in the account's language.
    const other = new TestClient(w.t.app);
    await other.signIn(u.email);
    assert.equal(langOf((await other.get('/account')).body), 'ar');
  });

  it('a language chosen before signing in does not beat the account’s language after it', async () => {
    const u = await createUser(w.db, { organisationId: w.org.id, roles: ['volunteer'], name: 'Omar Haddad', locale: 'ar' });
    const c = new TestClient(w.t.app);
    await c.get('/sign-in?lang=pl');
    await c.signIn(u.email);
    assert.equal(langOf((await c.get('/account')).body), 'ar');
  });
});
