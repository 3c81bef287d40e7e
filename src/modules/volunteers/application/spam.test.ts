/**
 * Spam protection of the public form without third parties: honeypot, minimum fill time (signed timestamp),
 * tampered hidden field, expired form, one-time token against replays (the limits: rate-limit.test.ts).
 *   node --import tsx --test src/modules/volunteers/application/spam.test.ts
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appSecret } from '../../../core/http/secrets.js';
import { TestClient } from '../../../core/testing/client.js';
import { checkFormToken, issueFormToken, MAX_AGE_MS } from './form-token.js';
import { backdatedToken, counts, formErrorOf, formTokenOf, validForm, world, useWorld } from './test-helpers.js';

const w = useWorld(world);

/** Loads the form, then posts it with a chosen `_form` value (or the page's own token). */
async function post(form: Record<string, string | string[]>, token?: (pageToken: string) => string | Promise<string>) {
  const client = new TestClient(w.t.app);
  const page = await client.get('/o/alpha/apply?lang=en');
  const pageToken = formTokenOf(page.body);
  const _form = token ? await token(pageToken) : pageToken;
  return { client, res: await client.post('/o/alpha/apply?lang=en', { website: '', ...form, _form }) };
}

describe('spam protection', () => {
  it('refuses a filled honeypot with a message next to it, writing nothing', async () => {
    const before = await counts(w);
    const { res } = await post({ ...validForm({ email: 'bot1@example.org' }), website: 'http://spam.example' }, () => backdatedToken(w, w.org.id));
    assert.equal(res.status, 422);
    assert.match(res.body, /Please leave the field “Leave this field empty” empty/);
    assert.deepEqual(await counts(w), before);
  });

  it('refuses a form sent under 3 seconds after it was shown, keeping the answers and the same token', async () => {
    const before = await counts(w);
    const { res } = await post(validForm({ email: 'fast@example.org' }));
    assert.equal(res.status, 422);
    assert.match(formErrorOf(res.body) ?? '', /That was very quick!/);
    assert.match(res.body, /value="fast@example.org"/);
    assert.deepEqual(await counts(w), before);
  });

  it('refuses a tampered hidden field (bad signature, changed timestamp, garbage, missing, another organisation’s), writing nothing', async () => {
    const key = await appSecret(w.db, 'form-hmac');
    const tamperings: ((t: string) => string | Promise<string>)[] = [
      (t) => `${t.slice(0, -2)}${t.endsWith('AA') ? 'BB' : 'AA'}`,
      (t) => `${Number(t.split('.')[0]) - 60_000}.${t.split('.').slice(1).join('.')}`,
      () => '<script>alert(1)</script>',
      () => '',
      () => issueFormToken(key, w.other.id, Date.now() - 10_000),
      () => issueFormToken('another key', w.org.id, Date.now() - 10_000),
      () => issueFormToken(key, w.org.id, Date.now() + 3_600_000),
    ];
    for (const tamper of tamperings) {
      const before = await counts(w);
      const { res } = await post(validForm({ email: 'tamper@example.org' }), tamper);
      assert.equal(res.status, 422);
      assert.match(formErrorOf(res.body) ?? '', /The form was changed in a way we cannot accept/);
      assert.doesNotMatch(res.body, /<script>alert/);
      assert.deepEqual(await counts(w), before);
    }
    const missing = new TestClient(w.t.app);
    await missing.get('/o/alpha/apply?lang=en');
    assert.equal((await missing.post('/o/alpha/apply?lang=en', validForm({ email: 'tamper@example.org' }))).status, 422);
  });

  it('refuses a form opened more than a day ago', async () => {
    const before = await counts(w);
    const { res } = await post(validForm({ email: 'old@example.org' }), () => backdatedToken(w, w.org.id, MAX_AGE_MS + 60_000));
    assert.equal(res.status, 422);
    assert.match(formErrorOf(res.body) ?? '', /opened too long ago/);
    assert.deepEqual(await counts(w), before);
  });

  it('accepts a form once: the replayed submission is refused with a clear message and writes nothing', async () => {
    const token = await backdatedToken(w, w.org.id);
    const { client, res } = await post(validForm({ email: 'once@example.org' }), () => token);
    assert.equal(res.status, 303);
    await client.get('/o/alpha/apply?lang=en');
    const before = await counts(w);
    const replay = await client.post('/o/alpha/apply?lang=en', { ...validForm({ email: 'once@example.org' }), website: '', _form: token });
    assert.equal(replay.status, 409);
    assert.match(formErrorOf(replay.body) ?? '', /already been sent once/);
    assert.deepEqual(await counts(w), before);
    // Two at once: exactly one is written.
    const twin = await backdatedToken(w, w.org.id);
    const c1 = new TestClient(w.t.app);
    const c2 = new TestClient(w.t.app);
    await c1.get('/o/alpha/apply?lang=en');
    await c2.get('/o/alpha/apply?lang=en');
    const form = { ...validForm({ email: 'twin@example.org' }), website: '', _form: twin };
    const statuses = (await Promise.all([c1.post('/o/alpha/apply?lang=en', form), c2.post('/o/alpha/apply?lang=en', form)])).map((r) => r.status).sort();
    assert.deepEqual(statuses, [303, 409]);
    assert.equal((await counts(w)).volunteers - before.volunteers, 1);
  });

  it('checks tokens in constant form: unit cases', () => {
    const now = 1_800_000_000_000;
    const token = issueFormToken('k', 'org', now - 5_000);
    assert.deepEqual(checkFormToken('k', 'org', token, now).ok, true);
    assert.deepEqual(checkFormToken('k', 'org', token, now - 3_000), { ok: false, reason: 'tooFast' });
    assert.deepEqual(checkFormToken('k', 'org', token, now + MAX_AGE_MS), { ok: false, reason: 'expired' });
    assert.deepEqual(checkFormToken('k', 'other', token, now), { ok: false, reason: 'tampered' });
    assert.deepEqual(checkFormToken('k', 'org', ['x'], now), { ok: false, reason: 'tampered' });
    assert.deepEqual(checkFormToken('k', 'org', 'x'.repeat(500), now), { ok: false, reason: 'tampered' });
  });
});
