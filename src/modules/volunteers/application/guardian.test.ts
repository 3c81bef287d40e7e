/**
 * Applicants under 18: the guardian's details are required, the guardian gets a one-time confirmation link
 * (only its SHA-256 is stored), and until confirmed the application does not count in the pipeline.
 *   node --import tsx --test src/modules/volunteers/application/guardian.test.ts
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { tokenHash } from '../../../core/auth/tokens.js';
import { withSystem } from '../../../core/db/tx.js';
import { translator } from '../../../core/i18n/index.js';
import { localDaysAgo } from '../../../core/testing/clock.js';
import { TestClient } from '../../../core/testing/client.js';
import { checkTransition } from '../pipeline/stages.js';
import { findVolunteerById, volunteerFacts } from '../volunteers.repository.js';
import { apply, counts, query, validForm, world, useWorld } from './test-helpers.js';

const w = useWorld(world);

const minorBirth = () => `${new Date().getUTCFullYear() - 16}-03-01`;

async function applyAsMinor(email: string, lang = 'en') {
  const client = new TestClient(w.t.app);
  const res = await apply(w, client, validForm({ email, birthDate: minorBirth(), guardianName: 'Тарас Коваленко', guardianEmail: `guardian-${email}` }), { lang });
  return { client, res };
}

async function guardianLink(to: string): Promise<string> {
  const [mail] = await query<{ text_body: string }>(w, sql`select text_body from outbox where to_address = ${to}`);
  const m = /(http:\/\/tandem\.test\/o\/alpha\/apply\/guardian\/[A-Za-z0-9_-]+)/.exec(mail!.text_body);
  return m![1]!.replace('http://tandem.test', '');
}

async function facts(volunteerId: string) {
  return withSystem(w.db, async (tx) => volunteerFacts(tx, w.org.id, (await findVolunteerById(tx, w.org.id, volunteerId))!, localDaysAgo(0)));
}

describe('an applicant under 18', () => {
  it('is written with the guardian’s details, a hashed token, and mails to both in the applicant’s language; the thank-you page says the guardian must confirm', async () => {
    const { client, res } = await applyAsMinor('teen@example.org', 'uk');
    assert.equal(res.status, 303);
    assert.equal(res.location, '/o/alpha/apply/thanks?lang=uk&guardian=1');
    const thanks = await client.get(res.location!);
    assert.match(thanks.body, new RegExp(translator('uk')('volunteers.application.thanks.guardian').slice(0, 40)));

    const [v] = await query<{ id: string; guardian_name: string; guardian_email: string; guardian_token_hash: string; guardian_confirmed_at: Date | null }>(
      w,
      sql`select v.id, v.guardian_name, v.guardian_email, v.guardian_token_hash, v.guardian_confirmed_at from volunteers v join people p on p.id = v.person_id where p.email = 'teen@example.org'`,
    );
    assert.equal(v!.guardian_name, 'Тарас Коваленко');
    assert.equal(v!.guardian_email, 'guardian-teen@example.org');
    assert.equal(v!.guardian_confirmed_at, null);
    const link = await guardianLink('guardian-teen@example.org');
    const token = link.split('/').pop()!;
    assert.equal(v!.guardian_token_hash, tokenHash(token), 'only the SHA-256 of the token is stored');
    const [mail] = await query<{ locale: string; subject: string }>(w, sql`select locale, subject from outbox where to_address = 'guardian-teen@example.org'`);
    assert.equal(mail!.locale, 'uk');
    assert.equal(mail!.subject, translator('uk')('volunteers.application.mail.guardian.subject', { applicant: 'Олена Коваленко', organisation: 'Ośrodek Alfa' }));
    const [own] = await query<{ text_body: string }>(w, sql`select text_body from outbox where to_address = 'teen@example.org'`);
    assert.ok(own!.text_body.includes(translator('uk')('volunteers.application.mail.received.guardian')));

    // Until confirmed the application does not count: the pipeline refuses every move but reject/withdraw.
    const pending = await facts(v!.id);
    assert.equal(pending.awaitingGuardian, true);
    assert.deepEqual(checkTransition(pending, 'contacted'), { ok: false, reason: 'volunteers.rule.awaitingGuardian' });
  });

  it('the guardian confirms by the link once: a page with a button (GET changes nothing), then POST; the link then stops working', async () => {
    await applyAsMinor('teen2@example.org');
    const link = await guardianLink('guardian-teen2@example.org');
    const guardian = new TestClient(w.t.app);
    const before = await counts(w);
    const page = await guardian.get(`${link}?lang=en`);
    assert.equal(page.status, 200);
    assert.match(page.body, /Олена has applied to volunteer with Ośrodek Alfa/);
    assert.doesNotMatch(page.body, /Коваленко/, 'the page shows no more than the given name');
    assert.deepEqual(await counts(w), before, 'a GET (e.g. a mail scanner) confirms nothing');

    const done = await guardian.post(`${link}?lang=en`);
    assert.equal(done.status, 303);
    assert.equal(done.location, '/o/alpha/apply/guardian-confirmed?lang=en');
    assert.match((await guardian.get(done.location!)).body, /The application is confirmed/);

    const [v] = await query<{ id: string; guardian_confirmed_at: Date | null; guardian_token_hash: string | null; version: number }>(
      w,
      sql`select v.id, v.guardian_confirmed_at, v.guardian_token_hash, v.version from volunteers v join people p on p.id = v.person_id where p.email = 'teen2@example.org'`,
    );
    assert.ok(v!.guardian_confirmed_at);
    assert.equal(v!.guardian_token_hash, null);
    assert.equal(v!.version, 2);
    assert.equal((await facts(v!.id)).awaitingGuardian, false);
    const consent = await query<{ purpose: string; lawful_basis: string }>(w, sql`select purpose, lawful_basis from volunteer_consents where volunteer_id = ${v!.id} and purpose = 'guardian'`);
    assert.deepEqual(consent, [{ purpose: 'guardian', lawful_basis: 'consent' }]);
    assert.equal((await query(w, sql`select 1 from volunteer_events where volunteer_id = ${v!.id} and kind = 'guardian'`)).length, 1);
    assert.equal((await query(w, sql`select 1 from audit_log where entity_id = ${String(v!.id)} and action = 'volunteer.guardian_confirm'`)).length, 1);

    // Used: both the page and the confirmation answer 404 and change nothing.
    const afterConfirm = await counts(w);
    assert.equal((await guardian.get(`${link}?lang=en`)).status, 404);
    const again = await guardian.post(`${link}?lang=en`);
    assert.equal(again.status, 404);
    assert.match(again.body, /may have been used already/);
    assert.deepEqual(await counts(w), afterConfirm);
  });

  it('refuses unknown tokens, a token under another organisation’s address, and a malformed one', async () => {
    await applyAsMinor('teen3@example.org');
    const link = await guardianLink('guardian-teen3@example.org');
    const client = new TestClient(w.t.app);
    assert.equal((await client.get(`/o/alpha/apply/guardian/${'A'.repeat(43)}`)).status, 404);
    assert.equal((await client.get(link.replace('/o/alpha/', '/o/beta/'))).status, 404);
    assert.equal((await client.get('/o/alpha/apply/guardian/short')).status, 404);
    await client.get('/o/beta/apply?lang=en');
    const before = await counts(w);
    assert.equal((await client.post(link.replace('/o/alpha/', '/o/beta/'))).status, 404);
    assert.deepEqual(await counts(w), before);
    assert.equal((await client.post(link)).status, 303, 'still valid at its own address');
  });

  it('an adult needs no guardian, and guardian fields given by an adult are not stored', async () => {
    const res = await apply(w, new TestClient(w.t.app), validForm({ email: 'adult@example.org', guardianName: 'Someone', guardianEmail: 'someone@example.org' }));
    assert.equal(res.status, 303);
    assert.equal(res.location, '/o/alpha/apply/thanks?lang=en');
    const [v] = await query<{ guardian_name: string | null; guardian_email: string | null }>(w, sql`select guardian_name, guardian_email from volunteers v join people p on p.id = v.person_id where p.email = 'adult@example.org'`);
    assert.deepEqual(v, { guardian_name: null, guardian_email: null });
    assert.equal((await query(w, sql`select 1 from outbox where to_address = 'someone@example.org'`)).length, 0);
  });
});
