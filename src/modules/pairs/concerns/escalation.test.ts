import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { rowsOf, withSystem } from '../../../core/db/tx.js';
import { outbox } from '../../../core/mail/mail.table.js';
import { escalateOverdue } from './escalation.service.js';
import { pairsModule } from '../index.js';
import { ESCALATE_JOB } from './index.js';
import { signedIn, auditEntries, concernRows, countRows, fieldError, flashOn, pairOf, volunteerFor, useWorld, type SignedIn } from './test-helpers.js';

const w = useWorld();
let coord: SignedIn, cover: SignedIn, sw: SignedIn, otherSw: SignedIn, admin: SignedIn, foreign: SignedIn, vol: SignedIn;
let matchId: string;

before(async () => {
  coord = await signedIn(w, ['coordinator'], { name: 'Celina Nowak', locale: 'en' });
  cover = await signedIn(w, ['coordinator'], { name: 'Krystyna Zastępska', locale: 'pl' });
  sw = await signedIn(w, ['social_worker'], { name: 'Ольга Шевченко', locale: 'uk' });
  otherSw = await signedIn(w, ['social_worker'], { name: 'Piotr Obcy' });
  admin = await signedIn(w, ['administrator'], { name: 'Anna Admin', locale: 'de' });
  foreign = await signedIn(w, ['coordinator', 'administrator'], { organisationId: w.other.id });
  vol = await signedIn(w, ['volunteer'], { name: 'Zofia Wiśniewska', locale: 'pl' });
  matchId = (await pairOf(w, { volunteerId: await volunteerFor(w, vol), coordinatorUserId: coord.user.userId, caseStaff: [sw.user.userId] })).match.id;
});

async function raise(summary: string, severity: string): Promise<string> {
  await vol.client.get(`/me/concerns/new?matchId=${matchId}`);
  const res = await vol.client.post('/me/concerns', { matchId, severity, summary, description: 'Private details: the landlord shouted.' });
  assert.equal(res.status, 303);
  return /#concern-([0-9a-f-]{36})$/.exec(res.location ?? '')![1]!;
}

/** Escalation mails queued so far (the notice of a new concern has another subject). */
async function escalationMails() {
  const rows = await withSystem(w.db, (tx) => tx.select({ to: outbox.toAddress, subject: outbox.subject, text: outbox.textBody, locale: outbox.locale }).from(outbox).orderBy(outbox.createdAt));
  return rows.filter((m) => /Escalated|Przekazane wyżej|Передано вище|Weitergeleitet|رُفع البلاغ/.test(m.subject));
}

/** Moves a concern's severity (and creation) `hours` back, as if it had waited that long. */
async function age(id: string, hours: number) {
  await withSystem(w.db, (tx) => tx.execute(sql`update concerns set severity_since = now() - make_interval(hours => ${hours}), created_at = now() - make_interval(hours => ${hours}) where id = ${id}`));
}

describe('staff escalate a concern', () => {
  it('raises the severity with a reason, shows it in the history, audits it and tells the next level in their languages', async () => {
    const id = await raise('Cancelled meetings again', 'medium');
    await sw.client.get(`/concerns/${id}`);
    const page = await sw.client.get(`/concerns/${id}`);
    assert.match(page.body, /action="\/concerns\/[^"]+\/escalate"/);
    assert.doesNotMatch(page.body, /<option value="low"/, 'only higher severities are offered');
    const before = (await escalationMails()).length;
    const res = await sw.client.post(`/concerns/${id}/escalate`, { version: '1', severity: 'high', reason: 'She told me she is afraid of the landlord.' });
    assert.equal(res.status, 303, res.body.slice(0, 300));
    assert.match(await flashOn(sw.client, res.location!), /Рівень повідомлення підвищено/);
    const row = (await concernRows(w)).find((r) => r.id === id)!;
    assert.deepEqual([row.severity, row.version], ['high', 2]);
    const shown = await coord.client.get(`/concerns/${id}`);
    assert.match(shown.body, /Ольга Шевченко escalated the concern from Medium to High/);
    assert.match(shown.body, /She told me she is afraid of the landlord\./);
    assert.ok((await auditEntries(w, w.org.id, 'concern.escalate')).some((a) => a.entityId === id && a.actorUserId === sw.user.userId));

    const mails = (await escalationMails()).slice(before);
    const to = (a: SignedIn) => mails.filter((m) => m.to === a.user.email);
    assert.equal(to(coord).length, 1, 'the coordinator');
    assert.equal(to(admin).length, 1, 'the administrators: the next level');
    assert.equal(to(sw).length, 0, 'not the one who escalated');
    assert.equal(to(vol).length, 0, 'never the volunteer');
    assert.equal(to(coord)[0]!.subject, 'Escalated: concern about the pair Zofia and Олена (severity: High)');
    assert.match(to(coord)[0]!.text, /from Medium to High/);
    assert.equal(to(admin)[0]!.locale, 'de');
    assert.match(to(admin)[0]!.subject, /^Weitergeleitet: Meldung zum Tandem Zofia und Олена/);
    assert.match(to(admin)[0]!.text, new RegExp(`/matching/matches/${matchId}`), 'an administrator not on the case gets the pair page');
    for (const m of mails) assert.doesNotMatch(m.text, /afraid|landlord|Wiśniewska/, 'no reason and no family names in mails');
  });

  it('refuses a missing reason or a severity that is not higher with 422 at the field, and writes nothing', async () => {
    const id = await raise('Late once more', 'high');
    await coord.client.get(`/concerns/${id}`);
    const actions = await countRows(w, 'concern_actions');
    const mails = (await escalationMails()).length;
    const noReason = await coord.client.post(`/concerns/${id}/escalate`, { version: '1', severity: 'safeguarding', reason: '  ' });
    assert.equal(noReason.status, 422);
    assert.ok(fieldError(noReason.body, 'reason'), 'a message at the reason');
    for (const severity of ['high', 'low']) {
      const lower = await coord.client.post(`/concerns/${id}/escalate`, { version: '1', severity, reason: 'Lowering it' });
      assert.equal(lower.status, 422, severity);
      assert.match(fieldError(lower.body, 'severity') ?? '', /higher than the current one/);
    }
    assert.equal(await countRows(w, 'concern_actions'), actions, 'nothing written');
    assert.equal((await escalationMails()).length, mails, 'nobody told');
    assert.equal((await concernRows(w)).find((r) => r.id === id)!.severity, 'high');
  });

  it('someone who cannot see the concern cannot escalate or acknowledge it (404), a volunteer has no such page (403), and nothing is written', async () => {
    const id = await raise('Seems unhappy', 'low');
    const actions = await countRows(w, 'concern_actions');
    for (const [who, a] of [['social worker of another case', otherSw], ['administrator not on the case', admin], ['another organisation', foreign]] as const) {
      await a.client.get('/concerns');
      assert.equal((await a.client.post(`/concerns/${id}/escalate`, { version: '1', severity: 'high', reason: 'Because' })).status, 404, who);
      assert.equal((await a.client.post(`/concerns/${id}/acknowledge`, {})).status, 404, who);
    }
    await vol.client.get('/me/concerns');
    assert.equal((await vol.client.post(`/concerns/${id}/escalate`, { version: '1', severity: 'high', reason: 'Because' })).status, 403);
    assert.equal(await countRows(w, 'concern_actions'), actions);
    assert.equal((await concernRows(w)).find((r) => r.id === id)!.severity, 'low');
  });
});

describe('automatic escalation', () => {
  it('an unacknowledged safeguarding concern escalates once after 4 hours, however often and however concurrently the job runs', async () => {
    const id = await raise('Bruises seen', 'safeguarding');
    const now = new Date();
    const before = (await escalationMails()).length;
    await age(id, 3);
    assert.equal(await escalateOverdue(w.db, 'http://tandem.test', now), 0, 'not yet after 3 hours');
    // A fixed clock 2 hours later: the concern is now 5 hours old.
    const later = new Date(now.getTime() + 2 * 3_600_000);
    const runs = await Promise.all([escalateOverdue(w.db, 'http://tandem.test', later), escalateOverdue(w.db, 'http://tandem.test', later)]);
    assert.equal(runs[0]! + runs[1]!, 1, 'two concurrent runs escalate it once');
    assert.equal(await escalateOverdue(w.db, 'http://tandem.test', later), 0, 'a third run does nothing');
    await w.t.worker.runDue();
    const mails = (await escalationMails()).slice(before);
    const to = (a: SignedIn) => mails.filter((m) => m.to === a.user.email);
    assert.equal(to(admin).length, 1);
    assert.equal(to(coord).length, 1);
    assert.equal(to(sw).length, 1);
    assert.equal(mails.length, new Set(mails.map((m) => m.to)).size, 'one set of mails');
    assert.match(to(coord)[0]!.text, /within 4 hours/);
    assert.match(to(sw)[0]!.text, /протягом 4 годин/);
    assert.equal((await auditEntries(w, w.org.id, 'concern.escalate.auto')).filter((a) => a.entityId === id).length, 1);
    const page = await coord.client.get(`/concerns/${id}`);
    assert.match(page.body, /Escalated automatically: nobody acknowledged it within 4 hours/);
    assert.equal((await concernRows(w)).find((r) => r.id === id)!.severity, 'safeguarding', 'the severity stays');
  });

  it('acknowledging stops it; a high concern waits 24 hours; the job is registered hourly', async () => {
    assert.ok(pairsModule.hourlyJobs?.includes(ESCALATE_JOB));
    const acked = await raise('Shouting heard', 'high');
    const waiting = await raise('Did not come home', 'high');
    const page = await coord.client.get(`/concerns/${acked}`);
    assert.match(page.body, /If nobody acknowledges it, it escalates by itself at/);
    const res = await coord.client.post(`/concerns/${acked}/acknowledge`, {});
    assert.equal(res.status, 303);
    assert.match(await flashOn(coord.client, res.location!), /you have seen this concern and are taking it/);
    await coord.client.get(`/concerns/${acked}`);
    assert.match(await flashOn(coord.client, (await coord.client.post(`/concerns/${acked}/acknowledge`, {})).location!), /already acknowledged/);
    const shown = await sw.client.get(`/concerns/${acked}`);
    assert.match(shown.body, /Celina Nowak: прийнято в роботу/, 'in the reader\'s language');
    assert.doesNotMatch(shown.body, /action="\/concerns\/[^"]+\/acknowledge"/, 'no button once acknowledged');
    assert.equal((await auditEntries(w, w.org.id, 'concern.acknowledge')).filter((a) => a.entityId === acked).length, 1);

    const now = new Date();
    await age(acked, 30);
    await age(waiting, 23);
    assert.equal(await escalateOverdue(w.db, 'http://tandem.test', now), 0, '23 hours: not yet; the acknowledged one never');
    await age(waiting, 25);
    // Through the worker, as production runs it (the hourly job, at the real time).
    await withSystem(w.db, (tx) => tx.execute(sql`insert into jobs (kind, payload, unique_key) values (${ESCALATE_JOB}, '{}'::jsonb, ${`test-escalate:${waiting}`})`));
    await w.t.worker.runDue();
    const autos = await auditEntries(w, w.org.id, 'concern.escalate.auto');
    assert.equal(autos.filter((a) => a.entityId === waiting).length, 1);
    assert.equal(autos.filter((a) => a.entityId === acked).length, 0);
    const [acknowledged] = await withSystem(w.db, async (tx) => rowsOf<{ escalated_at: Date | null }>(await tx.execute(sql`select escalated_at from concerns where id = ${acked}`)));
    assert.equal(acknowledged!.escalated_at, null);
    assert.ok((await withSystem(w.db, (tx) => tx.select().from(outbox).where(eq(outbox.toAddress, admin.user.email)))).length > 0);
  });
});
