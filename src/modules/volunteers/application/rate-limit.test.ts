/**
 * The limits of the public application form (./submission-limit.ts), made for a group filling the form together on
 * one Wi-Fi: twenty people behind one address all get through; answers are counted per form token and per e-mail
 * address (not re-renders with errors); over a limit the form comes back in the person's language with what they
 * typed and a message at the top (429), and a flood from one address meets a ceiling with the same kind of page.
 *   npm test -- --only=pglite src/modules/volunteers/application/rate-limit.test.ts
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { translator } from '../../../core/i18n/index.js';
import { TestClient } from '../../../core/testing/client.js';
import { CLIENT_POSTS_PER_MINUTE, SENDINGS_PER_EMAIL, SENDINGS_PER_TOKEN } from './submission-limit.js';
import { apply, backdatedToken, counts, formErrorOf, query, validForm, world, useWorld } from './test-helpers.js';

const w = useWorld(world);

const uk = translator('uk');
const minutesIn = (text: string) => Number(/\d+/.exec(text)?.[0]);

describe('public application form: limits for a group on one Wi-Fi', () => {
  it('lets twenty different people behind one address send their applications, after correcting mistakes', async () => {
    for (let i = 1; i <= 20; i++) {
      const client = new TestClient(w.t.app); // inject: every request comes from 127.0.0.1
      const token = await backdatedToken(w, w.org.id);
      await client.get('/o/alpha/apply?lang=pl');
      const mistake = await client.post('/o/alpha/apply?lang=pl', { _form: token, website: '', ...validForm({ email: `person${i}@example.org`, givenName: '' }) });
      assert.equal(mistake.status, 422, `person ${i}: the mistake is shown`);
      const sent = await client.post('/o/alpha/apply?lang=pl', { _form: token, website: '', ...validForm({ email: `person${i}@example.org` }) });
      assert.equal(sent.status, 303, `person ${i} is not limited (${formErrorOf(sent.body) ?? ''})`);
    }
  });

  it('does not count re-renders with validation errors: many corrections with one form, then it is sent', async () => {
    const client = new TestClient(w.t.app);
    const token = await backdatedToken(w, w.org.id);
    await client.get('/o/alpha/apply?lang=en');
    for (let i = 0; i < SENDINGS_PER_TOKEN * 3; i++) {
      const res = await client.post('/o/alpha/apply?lang=en', { _form: token, website: '', ...validForm({ email: 'corrector@example.org', plannedLength: undefined }) });
      assert.equal(res.status, 422);
    }
    const sent = await client.post('/o/alpha/apply?lang=en', { _form: token, website: '', ...validForm({ email: 'corrector@example.org' }) });
    assert.equal(sent.status, 303);
  });

  it('refuses one form token sent more often than its limit with a 429 page in the person’s language that keeps what they typed', async () => {
    const client = new TestClient(w.t.app);
    const token = await backdatedToken(w, w.org.id);
    await client.get('/o/alpha/apply?lang=uk');
    const statuses: number[] = [];
    let last = '';
    for (let i = 0; i <= SENDINGS_PER_TOKEN; i++) {
      const res = await client.post('/o/alpha/apply?lang=uk', { _form: token, website: '', ...validForm({ email: `replay${i}@example.org`, motivation: `Моя мотивація ${i}` }) });
      statuses.push(res.status);
      last = res.body;
    }
    // The first is saved, the next are replays of a used form (409), and past the limit: 429.
    assert.deepEqual(statuses, [303, ...Array(SENDINGS_PER_TOKEN - 1).fill(409), 429]);
    assert.match(last, /<html lang="uk"/);
    assert.match(last, /content-type|<form/i);
    const message = formErrorOf(last) ?? '';
    const minutes = minutesIn(message);
    assert.ok(minutes >= 1 && minutes <= 60, message);
    assert.equal(message, uk('volunteers.application.spam.rateLimited', { minutes }));
    assert.match(last, /<div class="error-summary"[^>]*>[\s\S]*<form/, 'the message is at the top, before the form');
    assert.match(last, new RegExp(`<h2 id="error-summary-title">${uk('form.notSent')}</h2>`), 'the heading says the form was not sent, not that what was typed is wrong');
    assert.match(last, new RegExp(`value="replay${SENDINGS_PER_TOKEN}@example.org"`), 'the e-mail typed is kept');
    assert.match(last, /value="Олена"/, 'the name typed is kept');
    assert.match(last, new RegExp(`Моя мотивація ${SENDINGS_PER_TOKEN}</textarea>`), 'the motivation typed is kept');
  });

  it('refuses more applications with one e-mail address an hour than the limit (429, answers kept); another address still passes', async () => {
    const client = new TestClient(w.t.app);
    const statuses: number[] = [];
    let last = '';
    for (let i = 0; i <= SENDINGS_PER_EMAIL; i++) {
      const res = await apply(w, client, validForm({ email: 'Same.Person@example.org', givenName: `Olena${i}` }), { lang: 'pl' });
      statuses.push(res.status);
      last = res.body;
    }
    assert.deepEqual(statuses, [...Array(SENDINGS_PER_EMAIL).fill(303), 429]);
    assert.match(last, /<html lang="pl"/);
    assert.equal(formErrorOf(last), translator('pl')('volunteers.application.spam.rateLimited', { minutes: minutesIn(formErrorOf(last) ?? '') }));
    assert.match(last, new RegExp(`value="Olena${SENDINGS_PER_EMAIL}"`));
    const before = await counts(w);
    assert.equal((await apply(w, client, validForm({ email: 'same.person@EXAMPLE.org' }))).status, 429, 'the address counts whatever its case');
    assert.deepEqual(await counts(w), before, 'a refused sending writes nothing');
    assert.equal((await apply(w, client, validForm({ email: 'someone.else@example.org' }))).status, 303);
  });

  it('meets a flood from one address with a ceiling of hundreds of posts a minute, the form kept in the person’s language', async () => {
    assert.ok(CLIENT_POSTS_PER_MINUTE >= 200, 'generous enough for a room of people');
    // The address has already posted the form CLIENT_POSTS_PER_MINUTE times this minute (a flood).
    await query(w, sql`insert into rate_limits (key, count, reset_at) values (${`form:apply|client|${w.org.id}|127.0.0.1`}, ${CLIENT_POSTS_PER_MINUTE}, now() + interval '40 seconds') on conflict (key) do update set count = excluded.count, reset_at = excluded.reset_at`);
    try {
      const res = await apply(w, new TestClient(w.t.app), validForm({ email: 'flood@example.org' }), { lang: 'uk' });
      assert.equal(res.status, 429);
      assert.equal(formErrorOf(res.body), uk('volunteers.application.spam.busyNetwork', { minutes: 1 }));
      assert.match(res.body, /value="flood@example.org"/);
      // Another organisation's form is counted apart.
      assert.equal((await apply(w, new TestClient(w.t.app), validForm({ email: 'flood@example.org' }), { slug: 'beta', orgId: w.other.id })).status, 303);
    } finally {
      await query(w, sql`delete from rate_limits where key like 'form:apply|client|%' returning key`);
    }
  });
});
