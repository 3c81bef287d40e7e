import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { startSmtp } from '../testing/smtp.js';
import { rowsOf, withSystem } from '../db/tx.js';
import { testApp, type TestApp } from '../testing/harness.js';
import { useApp } from '../testing/world.js';
import { createOrganisation, createUser } from '../testing/fixtures.js';
import { inviteMember } from '../auth/invitations.service.js';
import { outbox } from '../mail/mail.table.js';
import { createWorker } from './worker.js';
import { backoffSeconds, enqueue } from './queue.js';
import { jobs } from './jobs.table.js';

describe('mail through the outbox and a real SMTP server', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;
  before(async () => {
    smtp = await startSmtp({ failFirst: 1 });
    t = await testApp({ SMTP_URL: smtp.url });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  it('delivers an invitation in the recipient language, retrying after a temporary failure', async () => {
    const org = await createOrganisation(t.database.db, 'mail-org', 'Stowarzyszenie Łączy Nas');
    const admin = await createUser(t.database.db, { organisationId: org.id, roles: ['administrator'] });
    await inviteMember(t.database.db, { organisationId: org.id, userId: admin.userId }, { email: 'ola@example.org', givenName: 'Ola', familyName: 'K', role: 'volunteer', locale: 'en' }, 'http://tandem.test');
    await t.worker.runDue();
    const [mail] = await withSystem(t.database.db, (tx) => tx.select().from(outbox).where(eq(outbox.toAddress, 'ola@example.org')));
    assert.equal(mail!.status, 'pending', 'the first attempt failed and will be retried');
    assert.equal(smtp.received.length, 0);
    await withSystem(t.database.db, (tx) => tx.execute(sql`update jobs set run_at = now() where status = 'queued'`));
    await t.worker.runDue();
    assert.equal(smtp.received.length, 1);
    assert.deepEqual(smtp.received[0]!.to, ['ola@example.org']);
    assert.match(smtp.received[0]!.raw, /Subject: .*Invitation/);
    const [sent] = await withSystem(t.database.db, (tx) => tx.select().from(outbox).where(eq(outbox.toAddress, 'ola@example.org')));
    assert.equal(sent!.status, 'sent');
    assert.equal(sent!.attempts, 2);
  });
});

describe('job queue', () => {
  const t = useApp();

  it('runs each job once even with two workers polling at the same time', async () => {
    const ran: string[] = [];
    const handler = async (job: { id: string }) => {
      ran.push(job.id);
    };
    await withSystem(t.database.db, async (tx) => {
      for (let i = 0; i < 20; i++) await enqueue(tx, 'count', { i });
    });
    const w1 = createWorker(t.database.db, { count: handler }, t.app.log);
    const w2 = createWorker(t.database.db, { count: handler }, t.app.log);
    await Promise.all([w1.runDue(), w2.runDue(), w1.runDue(), w2.runDue()]);
    assert.equal(ran.length, 20);
    assert.equal(new Set(ran).size, 20);
  });

  it('a unique key keeps one job however often it is enqueued', async () => {
    await withSystem(t.database.db, async (tx) => {
      await enqueue(tx, 'digest', {}, { uniqueKey: 'digest:2026-W48' });
      await enqueue(tx, 'digest', {}, { uniqueKey: 'digest:2026-W48' });
    });
    const n = rowsOf<{ n: number }>(await withSystem(t.database.db, (tx) => tx.execute(sql`select count(*)::int as n from jobs where unique_key = 'digest:2026-W48'`)))[0]!.n;
    assert.equal(n, 1);
  });

  it('retries a failing job with growing delays, then marks it failed', async () => {
    await withSystem(t.database.db, (tx) => enqueue(tx, 'always-fails', {}, { maxAttempts: 3 }));
    const w = createWorker(t.database.db, { 'always-fails': async () => { throw new Error('boom'); } }, t.app.log);
    for (let i = 0; i < 3; i++) {
      await w.runDue();
      await withSystem(t.database.db, (tx) => tx.execute(sql`update jobs set run_at = now() where kind = 'always-fails' and status = 'queued'`));
    }
    const [job] = await withSystem(t.database.db, (tx) => tx.select().from(jobs).where(eq(jobs.kind, 'always-fails')));
    assert.equal(job!.status, 'failed');
    assert.equal(job!.attempts, 3);
    assert.equal(job!.lastError, 'boom');
    assert.deepEqual([1, 2, 3, 12].map(backoffSeconds), [10, 20, 40, 3600]);
  });

  it('without SMTP, mail is held in the outbox for administrators to read', async () => {
    const org = await createOrganisation(t.database.db, 'held-org');
    const admin = await createUser(t.database.db, { organisationId: org.id, roles: ['administrator'] });
    await inviteMember(t.database.db, { organisationId: org.id, userId: admin.userId }, { email: 'held@example.org', givenName: 'H', familyName: 'K', role: 'volunteer', locale: 'pl' }, 'http://tandem.test');
    await t.worker.runDue();
    const [mail] = await withSystem(t.database.db, (tx) => tx.select().from(outbox).where(eq(outbox.toAddress, 'held@example.org')));
    assert.equal(mail!.status, 'held');
  });
});
