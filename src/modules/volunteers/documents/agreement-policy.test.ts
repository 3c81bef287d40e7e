import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { TestClient } from '../../../core/testing/client.js';
import { addActivationFacts } from '../pipeline/test-helpers.js';
import { AGREEMENT, auditEntries, createVolunteer, docsWorld, useWorld, documentsOf, flashOn, issue, signedIn } from './test-helpers.js';

const w = useWorld(docsWorld);
let admin: Awaited<ReturnType<typeof signedIn>>, coordinator: Awaited<ReturnType<typeof signedIn>>, foreignAdmin: Awaited<ReturnType<typeof signedIn>>;
before(async () => {
  admin = await signedIn(w, ['administrator']);
  coordinator = await signedIn(w, ['coordinator']);
  foreignAdmin = await signedIn(w, ['administrator'], { organisationId: w.other.id });
});

const NOTE = 'Opinia mec. Nowak z 2 grudnia 2026: akceptacja w Tandem spełnia nasze wymogi dowodowe.';
const fieldError = (html: string, name: string) =>
  new RegExp(`id="f-${name}-error"[^>]*>([\\s\\S]*?)</p>`).exec(html)?.[1]?.replace(/<span class="visually-hidden">[^<]*<\/span>/g, '').trim();

async function activate(client: TestClient, id: string) {
  const page = await client.get(`/volunteers/${id}`);
  const version = /name="version" value="(\d+)"/.exec(page.body)?.[1] ?? '0';
  return client.post(`/volunteers/${id}/stage`, { stage: 'active', reason: '', version });
}

describe('how agreements over 30 days may be concluded', () => {
  it('only administrators open the settings; electronic acceptance needs the lawyer\'s note (422 at the field, nothing saved)', async () => {
    assert.equal((await coordinator.client.get('/volunteers/settings/agreements')).status, 403);
    const page = await admin.client.get('/volunteers/settings/agreements');
    assert.equal(page.status, 200);
    assert.match(page.body, /value="written" checked/, 'the law\'s default');
    await coordinator.client.get('/volunteers');
    assert.equal((await coordinator.client.post('/volunteers/settings/agreements', { longServiceForm: 'electronic', lawyerNote: NOTE })).status, 403);
    const noNote = await admin.client.post('/volunteers/settings/agreements', { longServiceForm: 'electronic', lawyerNote: '  ' });
    assert.equal(noNote.status, 422);
    assert.match(fieldError(noNote.body, 'lawyerNote') ?? '', /needs your lawyer's note/);
    const bad = await admin.client.post('/volunteers/settings/agreements', { longServiceForm: 'whatever' });
    assert.equal(bad.status, 422);
    assert.ok(fieldError(bad.body, 'longServiceForm'));
    assert.equal((await auditEntries(w, w.org.id, 'volunteer_settings.agreement_form')).length, 0, 'nothing saved');
  });

  it('an agreement accepted only in Tandem does not activate long service until the organisation chooses electronic acceptance with its note, which staff and the volunteer then see', async () => {
    const me = await createVolunteer(w, { account: true, stage: 'approved' });
    await addActivationFacts(w, w.org.id, me.id);
    assert.equal((await issue(coordinator.client, me.id, { ...AGREEMENT, locale: 'pl' })).status, 303);
    const [agreement] = await documentsOf(w, me.id);
    const c = me.client!;
    const own = await c.get(`/me/volunteer/documents/${agreement!.id}`);
    assert.doesNotMatch(own.body, /on its lawyer's advice/, 'no note while the written form applies');
    assert.equal((await c.post(`/me/volunteer/documents/${agreement!.id}/accept`, { confirm: 'true' })).status, 303);

    const refused = await activate(coordinator.client, me.id);
    assert.equal(refused.status, 422);
    assert.match(refused.body, /The agreement was only accepted in Tandem/);

    await admin.client.get('/volunteers/settings/agreements');
    const saved = await admin.client.post('/volunteers/settings/agreements', { longServiceForm: 'electronic', lawyerNote: NOTE });
    assert.equal(saved.status, 303);
    assert.match(await flashOn(admin.client, saved.location), /saved/i);
    const entries = await auditEntries(w, w.org.id, 'volunteer_settings.agreement_form');
    assert.deepEqual(entries.map((e) => e.fields), [['longServiceForm', 'longServiceFormNote']]);
    assert.equal(entries[0]!.actorUserId, admin.user.userId);
    assert.equal((await auditEntries(w, w.other.id, 'volunteer_settings.agreement_form')).length, 0);
    assert.match((await foreignAdmin.client.get('/volunteers/settings/agreements')).body, /value="written" checked/, 'another organisation keeps its own choice');

    const staffPage = await coordinator.client.get(`/volunteers/${me.id}`);
    assert.match(staffPage.body, /accepts electronic acceptance of agreements over 30 days on its lawyer's advice/);
    assert.ok(staffPage.body.includes('Opinia mec. Nowak z 2 grudnia 2026'));
    const volunteerPage = await c.get(`/me/volunteer/documents/${agreement!.id}`);
    assert.match(volunteerPage.body, /Your organisation accepts electronic acceptance on its lawyer's advice:/);
    assert.ok(volunteerPage.body.includes('Opinia mec. Nowak z 2 grudnia 2026'));

    assert.equal((await activate(coordinator.client, me.id)).status, 303, 'now the acceptance in Tandem counts');

    // Back to the written form: the note is dropped and no longer shown.
    await admin.client.get('/volunteers/settings/agreements');
    assert.equal((await admin.client.post('/volunteers/settings/agreements', { longServiceForm: 'written', lawyerNote: NOTE })).status, 303);
    assert.doesNotMatch((await c.get(`/me/volunteer/documents/${agreement!.id}`)).body, /on its lawyer's advice/);
  });
});
