import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outbox } from '../../../core/mail/mail.table.js';
import { withSystem } from '../../../core/db/tx.js';
import { adminWorld, useWorld, anonymous, auditEntries, freshOrganisation, signedIn } from '../test-helpers.js';

const w = useWorld(adminWorld);

async function seedMail(organisationId: string | null, values: Partial<typeof outbox.$inferInsert> = {}) {
  const [row] = await withSystem(w.db, (tx) =>
    tx
      .insert(outbox)
      .values({ organisationId, toAddress: 'someone@example.org', subject: 'Hello', textBody: 'Text body', htmlBody: '<p>HTML body</p>', locale: 'pl', ...values, displayText: values.displayText ?? values.textBody ?? 'Text body' })
      .returning({ id: outbox.id }),
  );
  return row!.id;
}

describe('outgoing mail /admin/outbox', () => {
  it('lists the organisation’s mails newest first with their status, and says mail is held without SMTP', async () => {
    const org = await freshOrganisation(w);
    const { client } = await signedIn(w, ['administrator'], { organisationId: org.id });
    await client.get('/admin/users/invite');
    assert.equal((await client.post('/admin/users/invite', { email: 'nowa@example.org', givenName: 'Nowa', familyName: 'Osoba', role: 'volunteer', locale: 'pl' })).status, 303);
    await w.t.worker.runDue();
    await seedMail(org.id, { toAddress: 'older@example.org', subject: 'Older', status: 'sent', createdAt: new Date('2020-01-01T00:00:00Z') });
    await seedMail(w.other.id, { toAddress: 'other-org@example.org' });
    await seedMail(null, { toAddress: 'no-org@example.org' });
    const page = await client.get('/admin/outbox');
    assert.equal(page.status, 200);
    assert.match(page.body, /Sending e-mail is not set up/);
    assert.ok(page.body.indexOf('nowa@example.org') < page.body.indexOf('older@example.org'), 'newest first');
    assert.match(page.body, /held \(not sent\)/);
    assert.match(page.body, /<td>sent<\/td>/);
    assert.doesNotMatch(page.body, /other-org@example\.org|no-org@example\.org/);
    assert.match(page.body, /2 mails/);
  });

  it('pages through the mails, 25 a page', async () => {
    const org = await freshOrganisation(w);
    const { client } = await signedIn(w, ['administrator'], { organisationId: org.id });
    for (let i = 0; i < 30; i++) await seedMail(org.id, { subject: `Mail ${i}`, createdAt: new Date(Date.UTC(2024, 0, 1, 0, i)) });
    const first = await client.get('/admin/outbox');
    assert.equal(first.body.match(/<tr><td><a href="\/admin\/outbox\//g)?.length, 25);
    assert.match(first.body, />Mail 29</);
    const second = await client.get('/admin/outbox?page=2');
    assert.equal(second.body.match(/<tr><td><a href="\/admin\/outbox\//g)?.length, 5);
    assert.match(second.body, />Mail 0</);
    assert.equal((await client.get('/admin/outbox?page=abc')).status, 200, 'a nonsense page number shows the first page');
  });

  it('shows one mail as escaped text for staff (never its HTML, never the body as sent), and audits the reading', async () => {
    const org = await freshOrganisation(w);
    const { client } = await signedIn(w, ['administrator'], { organisationId: org.id });
    const id = await seedMail(org.id, {
      subject: 'Hi <img src=x onerror=alert(1)>',
      textBody: 'Line one\n<script>alert(1)</script>\nhttp://tandem.test/invitation/live-token',
      displayText: 'Line one\n<script>alert(1)</script>\n[link hidden]',
      htmlBody: '<p id="html-only">only in html</p>',
      locale: 'uk',
    });
    const page = await client.get(`/admin/outbox/${id}`);
    assert.equal(page.status, 200);
    assert.match(page.body, /<pre class="mail-body" lang="uk" dir="ltr">Line one\n&lt;script>alert\(1\)&lt;\/script>\n\[link hidden\]<\/pre>/);
    assert.doesNotMatch(page.body, /live-token/);
    assert.doesNotMatch(page.body, /<script>alert/);
    assert.doesNotMatch(page.body, /<img src=x/);
    assert.doesNotMatch(page.body, /html-only/);
    const entries = await auditEntries(w, org.id, 'mail.view');
    assert.deepEqual(entries.map((e) => e.entityId), [id]);
  });

  it("answers 404 for another organisation's mail or a malformed id", async () => {
    const { client } = await signedIn(w, ['administrator']);
    const foreign = await seedMail(w.other.id, { subject: 'Secret of Beta' });
    const orphan = await seedMail(null, { subject: 'Password reset' });
    for (const id of [foreign, orphan, 'not-a-uuid', '00000000-0000-0000-0000-000000000000']) {
      const res = await client.get(`/admin/outbox/${id}`);
      assert.equal(res.status, 404, id);
      assert.doesNotMatch(res.body, /Secret of Beta|Password reset/);
    }
    assert.equal((await auditEntries(w, w.org.id, 'mail.view')).length, 0);
  });

  it('refuses other roles (403) and anonymous visitors', async () => {
    const id = await seedMail(w.org.id);
    for (const role of ['coordinator', 'programme_manager'] as const) {
      const { client } = await signedIn(w, [role]);
      assert.equal((await client.get('/admin/outbox')).status, 403);
      assert.equal((await client.get(`/admin/outbox/${id}`)).status, 403);
    }
    const anon = await anonymous(w);
    assert.match((await anon.get('/admin/outbox')).location ?? '', /^\/sign-in\?next=/);
    assert.match((await anon.get(`/admin/outbox/${id}`)).location ?? '', /^\/sign-in\?next=/);
  });
});

describe('outgoing mail with SMTP configured', () => {
  it('does not claim that mail is held', async () => {
    const smtp = await adminWorld({ env: { SMTP_URL: 'smtp://127.0.0.1:2525' } });
    try {
      const { client } = await signedIn(smtp, ['administrator']);
      const page = await client.get('/admin/outbox');
      assert.equal(page.status, 200);
      assert.doesNotMatch(page.body, /Sending e-mail is not set up/);
    } finally {
      await smtp.t.close();
    }
  });
});
