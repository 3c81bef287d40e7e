/**
 * The public request form's limits (volunteers/application/submission-limit.ts), as on the volunteer application:
 * a family and its neighbours on one Wi-Fi all get through, mistakes do not count, and past the limit of one e-mail
 * address the form comes back in the person's language with what they typed (429).
 *   npm test -- --only=pglite src/modules/mentees/request/request-limit.test.ts
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { translator } from '../../../core/i18n/index.js';
import { TestClient } from '../../../core/testing/client.js';
import { SENDINGS_PER_EMAIL } from '../../volunteers/testing.js';
import { backdatedRequestToken, formErrorOf, validRequest, world, useWorld } from '../test-helpers.js';

const w = useWorld(world);

const backdated = () => backdatedRequestToken(w, w.org.id);

async function send(form: Record<string, string | string[]>, token?: string) {
  const client = new TestClient(w.t.app);
  await client.get('/o/alfa/request?lang=uk');
  return client.post('/o/alfa/request?lang=uk', { _form: token ?? (await backdated()), ...validRequest(form) });
}

describe('public request form: limits for a group on one Wi-Fi', () => {
  it('lets twenty people behind one address send requests, mistakes first', async () => {
    for (let i = 1; i <= 20; i++) {
      const token = await backdated();
      assert.equal((await send({ email: `family${i}@example.org`, 'consents.support': '' }, token)).status, 422);
      const sent = await send({ email: `family${i}@example.org` }, token);
      assert.equal(sent.status, 303, `request ${i}: ${formErrorOf(sent.body) ?? ''}`);
    }
  });

  it('past the limit of one e-mail address answers 429 in the person’s language with what they typed', async () => {
    const statuses: number[] = [];
    let last = '';
    for (let i = 0; i <= SENDINGS_PER_EMAIL; i++) {
      const res = await send({ email: 'one.carer@example.org', givenName: `Марко${i}` });
      statuses.push(res.status);
      last = res.body;
    }
    assert.deepEqual(statuses, [...Array(SENDINGS_PER_EMAIL).fill(303), 429]);
    assert.match(last, /<html lang="uk"/);
    const message = formErrorOf(last) ?? '';
    assert.equal(message, translator('uk')('volunteers.application.spam.rateLimited', { minutes: Number(/\d+/.exec(message)?.[0]) }));
    assert.match(last, new RegExp(`value="Марко${SENDINGS_PER_EMAIL}"`));
    assert.match(last, new RegExp(`<h2 id="error-summary-title">${translator('uk')('form.notSent')}</h2>`), 'the heading says the form was not sent');
    assert.match(last, /value="one.carer@example.org"/);
  });
});
