/**
 * The case page /mentees/:id: case notes only for the case's staff (page, and row-level security for a direct query),
 * status changes keeping the place on the waiting list, consents, case staff, current matches, audit of every view,
 * the optimistic version (409), and who may (403, another organisation's id 404).
 *   npx tsx scripts/test.ts --only=unit src/modules/mentees/cases/case.test.ts
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { withTenant } from '../../../core/db/tx.js';
import { translator } from '../../../core/i18n/index.js';
import { createUser } from '../../../core/testing/fixtures.js';
import type { TestClient } from '../../../core/testing/client.js';
import { people } from '../../../core/tenancy/tenancy.table.js';
import { matches } from '../../matching/index.js';
import { volunteers } from '../../volunteers/index.js';
import { menteeConsents, menteeNotes } from '../mentees.table.js';
import { auditEntries, caseStaffOf, consentsOf, counts, createMentee, fieldError, eventsOf, formErrorOf, menteeRow, signedIn, world, useWorld } from '../test-helpers.js';

const w = useWorld(world);
let onCase: { user: { userId: string }; client: TestClient };
let offCase: { user: { userId: string }; client: TestClient };
let caseId: string;
before(async () => {
  onCase = await signedIn(w, ['social_worker'], { name: 'Paweł Szymański' });
  offCase = await signedIn(w, ['social_worker'], { name: 'Ewa Inna' });
  caseId = await createMentee(w, w.org.id, { givenName: 'Олена', familyName: 'Коваленко', email: 'olena@example.org', daysWaiting: 30, minor: true, socialWorkerUserId: onCase.user.userId });
});

const en = translator('en');

describe('case notes', () => {
  it('are written and read by the case’s staff, audited', async () => {
    const page = await onCase.client.get(`/mentees/${caseId}`);
    assert.equal(page.status, 200);
    assert.match(page.body, /<textarea id="f-body" name="body"/);
    const res = await onCase.client.post(`/mentees/${caseId}/notes`, { body: 'Rozmowa z mamą.\nSzkoła: SP 12 <script>' });
    assert.equal(res.status, 303);
    const after = await onCase.client.get(`/mentees/${caseId}`);
    assert.match(after.body, /<p class="note-body" dir="auto">Rozmowa z mamą.\nSzkoła: SP 12 &lt;script><\/p>/);
    assert.match(after.body, /Paweł Szymański/);
    assert.equal((await auditEntries(w, w.org.id, 'mentee.note.create')).length, 1);
    assert.ok((await auditEntries(w, w.org.id, 'mentee.notes.view')).filter((a) => a.entityId === caseId && a.actorUserId === onCase.user.userId).length >= 2);
  });

  it('are not shown to a social worker of the organisation who is not on the case — and a direct query returns none', async () => {
    const page = await offCase.client.get(`/mentees/${caseId}`);
    assert.equal(page.status, 200, 'the case itself is visible');
    assert.ok(page.body.includes(en('mentees.case.notesOnlyStaff')));
    assert.doesNotMatch(page.body, /Rozmowa z mamą/);
    assert.doesNotMatch(page.body, /name="body"/);
    assert.equal((await auditEntries(w, w.org.id, 'mentee.notes.view')).filter((a) => a.actorUserId === offCase.user.userId).length, 0);
    // Row-level security: even a query that forgets the check returns nothing for this user…
    const asOff = await withTenant(w.db, { organisationId: w.org.id, userId: offCase.user.userId }, (tx) => tx.select().from(menteeNotes));
    assert.deepEqual(asOff, []);
    // …while the same query as a member of the case's staff finds the note.
    const asOn = await withTenant(w.db, { organisationId: w.org.id, userId: onCase.user.userId }, (tx) => tx.select().from(menteeNotes));
    assert.equal(asOn.length, 1);
    const before = await counts(w);
    const write = await offCase.client.post(`/mentees/${caseId}/notes`, { body: 'Sneaky' });
    assert.equal(write.status, 403);
    assert.deepEqual(await counts(w), before);
  });
});

describe('the case page', () => {
  it('shows the profile, the safeguarding flag, the timeline and a link to find a volunteer; every view is audited', async () => {
    const page = await onCase.client.get(`/mentees/${caseId}`);
    assert.ok(page.body.includes(en('mentees.flag.minor')));
    assert.match(page.body, new RegExp(`<a class="button" href="/matching/mentees/${caseId}">Find a volunteer</a>`));
    assert.ok(page.body.includes(en('mentees.event.created.staff')));
    assert.ok(page.body.includes(en('mentees.case.noMatches')));
    assert.ok((await auditEntries(w, w.org.id, 'mentee.view')).some((a) => a.entityId === caseId && a.actorUserId === onCase.user.userId));
  });

  it('renders the case page, the intake and the list in all five languages (Arabic right to left)', async () => {
    for (const lang of ['pl', 'en', 'uk', 'de', 'ar']) {
      for (const path of [`/mentees/${caseId}`, '/mentees/new', `/mentees/${caseId}/edit`, '/mentees?status=all']) {
        const page = await onCase.client.get(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        assert.equal(page.status, 200, `${lang} ${path}`);
        assert.match(page.body, new RegExp(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"`));
        assert.doesNotMatch(page.body, />mentees\.[a-z]/, `${lang} ${path}: no message key left untranslated`);
      }
    }
    const ar = await onCase.client.get('/mentees?lang=ar');
    assert.ok(ar.body.includes(translator('ar')('mentees.days', { count: 30 })));
    await onCase.client.get('/mentees?lang=en');
  });

  it('lists current matches with the volunteer’s name, the needs and since when', async () => {
    const id = await createMentee(w, w.org.id, { givenName: 'Omar', familyName: 'Matched', status: 'matched', needs: ['school_help'] });
    await withTenant(w.db, { organisationId: w.org.id, userId: null }, async (tx) => {
      const [p] = await tx.insert(people).values({ organisationId: w.org.id, givenName: 'Zofia', familyName: 'Wiśniewska' }).returning({ id: people.id });
      const [v] = await tx.insert(volunteers).values({ organisationId: w.org.id, personId: p!.id, stage: 'active' }).returning({ id: volunteers.id });
      await tx.insert(matches).values({ organisationId: w.org.id, menteeId: id, volunteerId: v!.id, needs: ['school_help'], startedAt: new Date('2025-02-03T10:00:00Z') });
    });
    const { client } = await signedIn(w, ['coordinator']);
    const page = await client.get(`/mentees/${id}`);
    assert.match(page.body, /<a href="\/volunteers\/[0-9a-f-]+">Zofia Wiśniewska<\/a>/);
    assert.match(page.body, /<td data-label="Needs">Help with school and homework<\/td><td data-label="Since">3 February 2025<\/td>/);
    // A case with a running match cannot be closed.
    const closed = await client.post(`/mentees/${id}/status`, { action: 'close', reason: 'Przeprowadzka', version: '1' });
    assert.equal(closed.status, 422);
    assert.equal(fieldError(closed.body, 'action'), en('mentees.status.activeMatches'));
    assert.equal((await menteeRow(w, id)).status, 'matched');
  });

  it('puts a case on hold and back, keeping the place on the waiting list; closing needs a reason; a stale form is 409', async () => {
    const id = await createMentee(w, w.org.id, { givenName: 'Anna', familyName: 'Status', daysWaiting: 50, socialWorkerUserId: onCase.user.userId });
    const since = (await menteeRow(w, id)).waitingSince!.toISOString();
    await onCase.client.get(`/mentees/${id}`);
    assert.equal((await onCase.client.post(`/mentees/${id}/status`, { action: 'hold', reason: '', version: '1' })).status, 303);
    assert.equal((await menteeRow(w, id)).status, 'on_hold');
    assert.equal((await onCase.client.post(`/mentees/${id}/status`, { action: 'resume', version: '2' })).status, 303);
    const back = await menteeRow(w, id);
    assert.equal(back.status, 'waiting');
    assert.equal(back.waitingSince!.toISOString(), since, 'the same place on the waiting list');

    const before = await counts(w);
    const stale = await onCase.client.post(`/mentees/${id}/status`, { action: 'hold', version: '2' });
    assert.equal(stale.status, 409);
    assert.ok(stale.body.includes(en('mentees.case.conflict')));
    const notAllowed = await onCase.client.post(`/mentees/${id}/status`, { action: 'resume', version: '3' });
    assert.equal(notAllowed.status, 422);
    assert.equal(fieldError(notAllowed.body, 'action'), en('mentees.status.notAllowed'));
    const noReason = await onCase.client.post(`/mentees/${id}/status`, { action: 'close', reason: '  ', version: '3' });
    assert.equal(noReason.status, 422);
    assert.equal(fieldError(noReason.body, 'reason'), en('mentees.status.reasonRequired'));
    const tampered = await onCase.client.post(`/mentees/${id}/status`, { action: 'close', reason: 'x', version: 'x' });
    assert.equal(tampered.status, 422);
    assert.equal(formErrorOf(tampered.body), en('mentees.validation.badForm'));
    const after = await counts(w);
    assert.deepEqual({ ...after, audit_log: 0 }, { ...before, audit_log: 0 }, 'refusals write nothing but the views');

    assert.equal((await onCase.client.post(`/mentees/${id}/status`, { action: 'close', reason: 'Wyjazd z Polski', version: '3' })).status, 303);
    const closed = await menteeRow(w, id);
    assert.deepEqual([closed.status, closed.statusReason, closed.version], ['closed', 'Wyjazd z Polski', 4]);
    const statusEvents = (await eventsOf(w, id)).filter((e) => e.kind === 'status').map((e) => [e.fromStatus, e.toStatus]);
    assert.deepEqual(statusEvents, [['waiting', 'on_hold'], ['on_hold', 'waiting'], ['waiting', 'closed']]);
    assert.equal((await auditEntries(w, w.org.id, 'mentee.status')).filter((a) => a.entityId === id).length, 3);
    const page = await onCase.client.get(`/mentees/${id}`);
    assert.ok(page.body.includes(en('mentees.event.status', { from: en('mentees.status.waiting'), to: en('mentees.status.closed') })));
  });

  it('withdraws a consent and records a new one', async () => {
    const id = await createMentee(w, w.org.id, { givenName: 'Consent', familyName: 'Person', socialWorkerUserId: onCase.user.userId });
    const [consent] = await withTenant(w.db, { organisationId: w.org.id, userId: null }, (tx) =>
      tx.insert(menteeConsents).values({ organisationId: w.org.id, menteeId: id, purpose: 'contact_phone', lawfulBasis: 'consent', text: 'Może dzwonić.' }).returning(),
    );
    await onCase.client.get(`/mentees/${id}`);
    assert.equal((await onCase.client.post(`/mentees/${id}/consents/${consent!.id}/withdraw`)).status, 303);
    assert.ok((await consentsOf(w, id))[0]!.withdrawnAt);
    assert.equal((await onCase.client.post(`/mentees/${id}/consents/${consent!.id}/withdraw`)).status, 404, 'only once');
    const wrongBasis = await onCase.client.post(`/mentees/${id}/consents`, { purpose: 'contact_email', lawfulBasis: 'public_task' });
    assert.equal(wrongBasis.status, 422);
    assert.equal(fieldError(wrongBasis.body, 'lawfulBasis'), en('mentees.validation.contactByConsent'));
    assert.equal((await onCase.client.post(`/mentees/${id}/consents`, { purpose: 'contact_email', lawfulBasis: 'consent' })).status, 303);
    const consents = await consentsOf(w, id);
    assert.deepEqual(consents.map((c) => [c.purpose, Boolean(c.withdrawnAt)]), [['contact_email', false], ['contact_phone', true]]);
    assert.equal(consents[0]!.text, translator('pl')('mentees.consent.text.contact_email', { organisation: 'Stowarzyszenie Łączy Nas' }));
    assert.deepEqual((await eventsOf(w, id)).filter((e) => e.kind === 'consent').map((e) => e.detail.action), ['withdrawn', 'recorded']);
    assert.equal((await auditEntries(w, w.org.id, 'mentee.consent.withdraw')).length, 1);
  });

  it('changes case staff: coordinators on any case, social workers only on their cases; the responsible one stays', async () => {
    const id = await createMentee(w, w.org.id, { givenName: 'Staff', familyName: 'Case', socialWorkerUserId: onCase.user.userId });
    const extra = await createUser(w.db, { organisationId: w.org.id, roles: ['social_worker'], name: 'Nowa Osoba' });
    const notStaff = await createUser(w.db, { organisationId: w.org.id, roles: ['volunteer'], name: 'Wolontariusz Ktoś' });

    await offCase.client.get(`/mentees/${id}`);
    assert.equal((await offCase.client.post(`/mentees/${id}/staff`, { userId: extra.userId })).status, 403, 'not on the case');

    await onCase.client.get(`/mentees/${id}`);
    const wrong = await onCase.client.post(`/mentees/${id}/staff`, { userId: notStaff.userId });
    assert.equal(wrong.status, 422);
    assert.equal(fieldError(wrong.body, 'userId'), en('mentees.validation.unknownStaff'));
    assert.equal((await onCase.client.post(`/mentees/${id}/staff`, { userId: extra.userId })).status, 303);
    assert.deepEqual(await caseStaffOf(w, id), [onCase.user.userId, extra.userId].sort());
    const page = await onCase.client.get(`/mentees/${id}`);
    assert.ok(page.body.includes(en('mentees.event.staff.added', { name: 'Nowa Osoba' })));

    const keep = await onCase.client.post(`/mentees/${id}/staff/${onCase.user.userId}/remove`);
    assert.equal(keep.status, 422);
    assert.ok(keep.body.includes(en('mentees.staff.responsibleStays')));

    const coordinator = await signedIn(w, ['coordinator']);
    await coordinator.client.get(`/mentees/${id}`);
    assert.equal((await coordinator.client.post(`/mentees/${id}/staff/${extra.userId}/remove`)).status, 303);
    assert.deepEqual(await caseStaffOf(w, id), [onCase.user.userId]);
    assert.equal((await auditEntries(w, w.org.id, 'mentee.staff.remove')).length, 1);
  });

  it('answers 404 for another organisation’s case and 403 for roles without access', async () => {
    const foreign = await signedIn(w, ['administrator'], { organisationId: w.other.id });
    assert.equal((await foreign.client.get(`/mentees/${caseId}`)).status, 404);
    await foreign.client.get('/mentees');
    assert.equal((await foreign.client.post(`/mentees/${caseId}/notes`, { body: 'x' })).status, 404);
    assert.equal((await foreign.client.get('/mentees/00000000-0000-4000-8000-000000000000')).status, 404);
    for (const role of ['volunteer', 'programme_manager'] as const) {
      const { client } = await signedIn(w, [role]);
      assert.equal((await client.get(`/mentees/${caseId}`)).status, 403, role);
    }
  });
});
