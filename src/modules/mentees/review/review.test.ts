/**
 * Review of requests from the public form: the "Requests to review" tab, accepting (waiting since the submission, the
 * reviewer responsible and on the case), declining with a reason mailed in the requester's language, both on the
 * timeline and audited; stale forms are 409 and write nothing.
 *   npx tsx scripts/test.ts --only=unit src/modules/mentees/review/review.test.ts
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { translator } from '../../../core/i18n/index.js';
import type { TestClient } from '../../../core/testing/client.js';
import { auditEntries, caseStaffOf, counts, createMentee, daysInList, decodeMail, fieldError, eventsOf, menteeRow, namesInList, signedIn, world, useWorld } from '../test-helpers.js';

const w = useWorld(() => world({ smtp: true }));
let reviewer: { user: { userId: string }; client: TestClient };
before(async () => {
  reviewer = await signedIn(w, ['social_worker'], { name: 'Paweł Szymański' });
});

const en = translator('en');

describe('reviewing requests', () => {
  it('lists requests in their own tab, days counted from the submission', async () => {
    await createMentee(w, w.org.id, { givenName: 'Fatima', familyName: 'Haddad', status: 'requested', daysWaiting: 4 });
    await createMentee(w, w.org.id, { givenName: 'Jan', familyName: 'Waiting', status: 'waiting', daysWaiting: 1 });
    const tab = await reviewer.client.get('/mentees?status=requested');
    assert.equal(tab.status, 200);
    assert.deepEqual(namesInList(tab.body), ['Haddad Fatima']);
    assert.deepEqual(daysInList(tab.body), [['Haddad Fatima', '4 days']]);
    assert.match(tab.body, /<a href="\/mentees\?status=requested" aria-current="page">Requests to review \(1\)<\/a>/);
  });

  it('accepts a request: waiting since the submission, the reviewer responsible and on the case, on the timeline, audited', async () => {
    const id = await createMentee(w, w.org.id, { givenName: 'Oksana', familyName: 'Melnyk', status: 'requested', daysWaiting: 9 });
    const submitted = (await menteeRow(w, id)).createdAt;
    const page = await reviewer.client.get(`/mentees/${id}`);
    assert.ok(page.body.includes(en('mentees.review.title')));
    assert.match(page.body, /<form method="post" action="\/mentees\/[0-9a-f-]+\/accept"/);
    assert.match(page.body, new RegExp(`href="/mentees/${id}/edit">${en('mentees.review.editFirst')}`));

    const res = await reviewer.client.post(`/mentees/${id}/accept`, { version: '1' });
    assert.equal(res.status, 303);
    const m = await menteeRow(w, id);
    assert.equal(m.status, 'waiting');
    assert.equal(m.waitingSince!.toISOString(), submitted.toISOString(), 'the days already waited count');
    assert.equal(m.socialWorkerUserId, reviewer.user.userId);
    assert.equal(m.reviewedByUserId, reviewer.user.userId);
    assert.ok(m.reviewedAt);
    assert.equal(m.version, 2);
    assert.deepEqual(await caseStaffOf(w, id), [reviewer.user.userId]);
    const reviewed = (await eventsOf(w, id)).find((e) => e.kind === 'reviewed');
    assert.deepEqual([reviewed!.fromStatus, reviewed!.toStatus, reviewed!.detail.decision], ['requested', 'waiting', 'accepted']);
    assert.equal((await auditEntries(w, w.org.id, 'mentee.review')).filter((a) => a.entityId === id).length, 1);

    const list = await reviewer.client.get('/mentees');
    assert.ok(daysInList(list.body).some(([name, days]) => name === 'Melnyk Oksana' && days === '9 days'));
    const casePage = await reviewer.client.get(`/mentees/${id}`);
    assert.ok(casePage.body.includes(en('mentees.event.reviewed.accepted')));

    // The same form again (stale): 409 with the current state, nothing written.
    const before = await counts(w);
    const again = await reviewer.client.post(`/mentees/${id}/accept`, { version: '1' });
    assert.equal(again.status, 409);
    assert.ok(again.body.includes(en('mentees.case.conflict')));
    assert.equal((await counts(w)).mentee_events, before.mentee_events);
  });

  it('declines with a reason, mailed politely in the requester’s language', async () => {
    const id = await createMentee(w, w.org.id, { givenName: 'Андрій', familyName: 'Шевчук', email: 'andrii@example.org', locale: 'uk', status: 'requested', daysWaiting: 2 });
    await reviewer.client.get(`/mentees/${id}`);
    const before = await counts(w);
    const empty = await reviewer.client.post(`/mentees/${id}/decline`, { version: '1', reason: ' ' });
    assert.equal(empty.status, 422);
    assert.equal(fieldError(empty.body, 'reason'), en('validation.required'));
    assert.deepEqual(await counts(w), { ...before, audit_log: before.audit_log + 1 }, 'nothing written without a reason (only the re-shown case page is audited)');

    const reason = 'Nasz program obejmuje tylko mieszkańców gminy <b>Zielona Dolina</b>.';
    const res = await reviewer.client.post(`/mentees/${id}/decline`, { version: '1', reason });
    assert.equal(res.status, 303);
    const m = await menteeRow(w, id);
    assert.equal(m.status, 'declined');
    assert.equal(m.statusReason, reason);
    assert.equal(m.waitingSince, null);
    const reviewed = (await eventsOf(w, id)).find((e) => e.kind === 'reviewed');
    assert.deepEqual([reviewed!.toStatus, reviewed!.detail.reason], ['declined', reason]);
    assert.equal((await auditEntries(w, w.org.id, 'mentee.review')).filter((a) => a.entityId === id).length, 1);
    const casePage = await reviewer.client.get(`/mentees/${id}`);
    assert.ok(casePage.body.includes('Nasz program obejmuje tylko mieszkańców gminy &lt;b>Zielona Dolina&lt;/b>.'), 'the reason is shown as text');

    await w.t.worker.runDue();
    const mail = w.smtp.received.find((r) => r.to.includes('andrii@example.org'));
    assert.ok(mail, 'the SMTP server received the mail');
    const uk = translator('uk');
    const { subject, text } = decodeMail(mail.raw);
    assert.equal(subject, uk('mentees.mail.declined.subject', { organisation: 'Stowarzyszenie Łączy Nas' }));
    assert.ok(text.includes(uk('mentees.mail.declined.reason', { reason })), text);
    assert.ok(text.includes(uk('mentees.mail.declined.greeting', { name: 'Андрій' })), text);

    const twice = await reviewer.client.post(`/mentees/${id}/accept`, { version: '2' });
    assert.equal(twice.status, 422, 'a declined request cannot be accepted');
  });

  it('is refused to roles without access (403) and for another organisation’s request (404)', async () => {
    const id = await createMentee(w, w.org.id, { givenName: 'Ahmad', familyName: 'Saleh', status: 'requested' });
    const volunteer = await signedIn(w, ['volunteer']);
    await volunteer.client.get('/');
    assert.equal((await volunteer.client.post(`/mentees/${id}/accept`, { version: '1' })).status, 403);
    const foreign = await signedIn(w, ['social_worker'], { organisationId: w.other.id });
    await foreign.client.get('/mentees');
    assert.equal((await foreign.client.post(`/mentees/${id}/accept`, { version: '1' })).status, 404);
    assert.equal((await menteeRow(w, id)).status, 'requested');
  });
});
